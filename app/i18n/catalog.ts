// The shape every Spanish catalog must have: the English one's keys, each with a string of its own.
export type CatalogOf<T> = { [K in keyof T]: T[K] extends string ? string : CatalogOf<T[K]> };
