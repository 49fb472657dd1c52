// The US state (two-letter code) of a billing ZIP, from the USPS's ZIP3 prefix ranges: every state, DC and Puerto
// Rico. Counts by state and the regulator's CSV rely on it, so a ZIP it cannot place is null, never a guess.

// [first prefix, last prefix, state]. Gaps are prefixes the USPS does not use for a state: unassigned ones, the
// Virgin Islands (008), the Pacific territories (969) and military mail (AA 340, AE 090-098, AP 962-966).
const RANGES: ReadonlyArray<readonly [number, number, string]> = [
  [5, 5, 'NY'], // Holtsville: the IRS's own ZIPs
  [6, 7, 'PR'],
  [9, 9, 'PR'],
  [10, 27, 'MA'],
  [28, 29, 'RI'],
  [30, 38, 'NH'],
  [39, 49, 'ME'],
  [50, 54, 'VT'],
  [55, 55, 'MA'], // Andover: the IRS's own ZIPs
  [56, 59, 'VT'],
  [60, 69, 'CT'],
  [70, 89, 'NJ'],
  [100, 149, 'NY'],
  [150, 196, 'PA'],
  [197, 199, 'DE'],
  [200, 200, 'DC'],
  [201, 201, 'VA'], // Dulles
  [202, 205, 'DC'],
  [206, 219, 'MD'],
  [220, 246, 'VA'],
  [247, 268, 'WV'],
  [270, 289, 'NC'],
  [290, 299, 'SC'],
  [300, 319, 'GA'],
  [320, 339, 'FL'],
  [341, 349, 'FL'],
  [350, 369, 'AL'],
  [370, 385, 'TN'],
  [386, 397, 'MS'],
  [398, 399, 'GA'],
  [400, 427, 'KY'],
  [430, 459, 'OH'],
  [460, 479, 'IN'],
  [480, 499, 'MI'],
  [500, 528, 'IA'],
  [530, 549, 'WI'],
  [550, 567, 'MN'],
  [569, 569, 'DC'], // federal agencies' mail
  [570, 577, 'SD'],
  [580, 588, 'ND'],
  [590, 599, 'MT'],
  [600, 629, 'IL'],
  [630, 658, 'MO'],
  [660, 679, 'KS'],
  [680, 693, 'NE'],
  [700, 714, 'LA'],
  [716, 729, 'AR'],
  [730, 732, 'OK'],
  [733, 733, 'TX'], // Austin: the IRS's own ZIPs
  [734, 749, 'OK'],
  [750, 799, 'TX'],
  [800, 816, 'CO'],
  [820, 831, 'WY'],
  [832, 838, 'ID'],
  [840, 847, 'UT'],
  [850, 865, 'AZ'],
  [870, 884, 'NM'],
  [885, 885, 'TX'], // El Paso
  [889, 898, 'NV'],
  [900, 961, 'CA'],
  [967, 968, 'HI'],
  [970, 979, 'OR'],
  [980, 994, 'WA'],
  [995, 999, 'AK'],
];

// One entry per prefix 000-999, built once: a look-up is an index, not a search.
const STATE_BY_PREFIX: ReadonlyArray<string | null> = Array.from(
  { length: 1000 },
  (_, prefix) => RANGES.find(([first, last]) => prefix >= first && prefix <= last)?.[2] ?? null,
);

// Five digits, optionally ZIP+4 with or without its hyphen.
const ZIP = /^(\d{3})\d{2}(?:-?\d{4})?$/;

/** "98101" or "98101-1234" → "WA"; null for a ZIP that is malformed or in no state, DC or Puerto Rico. */
export function stateOfZip(zip: string): string | null {
  const match = ZIP.exec(zip.trim());
  return match ? (STATE_BY_PREFIX[Number(match[1])] ?? null) : null;
}
