// Sentences the enrollment pages show; shared so the server and the browser bundle say exactly the same.
export const CODE_SENT_MESSAGE = 'If that phone number is a line on the account, we texted a code to it.';
