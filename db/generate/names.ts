// Word lists for synthetic customers: common US names and street names, nothing real.
export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen',
  'Jordan', 'Avery', 'Sam', 'Priya', 'Wei', 'Fatima', 'Diego', 'Aisha', 'Kenji', 'Olivia', 'Noah',
  'Emma', 'Liam', 'Sofia', 'Mateo', 'Chloe', 'Ethan', 'Mia', 'Lucas', 'Zoe', 'Amara', 'Ravi',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Nguyen', 'Patel', 'Chen', 'Kim', "O'Brien", 'Okafor', 'Rivera', 'Singh', 'Kowalski', 'Tanaka',
] as const;

export const STREETS = [
  'Main St', 'Oak Ave', 'Pine St', 'Maple Dr', 'Cedar Ln', 'Lake Ave', 'Hill Rd', 'Park Blvd', 'Elm St',
  'Washington Ave', '1st Ave', '2nd St', 'Sunset Blvd', 'River Rd', 'Broadway', 'Mill Rd', 'Church St',
] as const;

export const CITIES = [
  'Bellevue WA', 'Seattle WA', 'Redmond WA', 'Portland OR', 'Boise ID', 'Denver CO', 'Austin TX',
  'Phoenix AZ', 'Chicago IL', 'Atlanta GA', 'Miami FL', 'Columbus OH', 'Raleigh NC', 'Newark NJ',
] as const;

export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;
