// What a Spanish page must not show: every piece of text of the English catalogs (split at variables and markup),
// except the pieces Spanish shares with English (611, PIN, SIM, API, product names).
import { resources } from '../../app/i18n/resources';

type Tree = { [key: string]: string | Tree };

/** Every text of a language's catalogs, by namespace and dotted key. */
function texts(tree: Tree, prefix: string, into: Map<string, string>): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') into.set(`${prefix}${key}`, value);
    else texts(value, `${prefix}${key}.`, into);
  }
  return into;
}
const catalogs = (language: 'en' | 'es') =>
  Object.entries(resources[language]).reduce(
    (into, [namespace, tree]) => texts(tree as Tree, `${namespace}:`, into),
    new Map<string, string>(),
  );

const english = catalogs('en');
// What Spanish really says: a text left the same as its English one is no evidence that a piece is Spanish too.
const spanish = [...catalogs('es')]
  .filter(([key, text]) => english.get(key) !== text)
  .map(([, text]) => text)
  .join('\n');
const all = () => [...english.values()];

/** The English pieces, longest first; each has at least four letters and appears nowhere in the Spanish catalogs. */
export const ENGLISH_PIECES: readonly string[] = [
  ...new Set(
    all()
      .flatMap((text) => text.split(/\{\{[^}]*\}\}|<\/?\w+>/))
      .map((piece) => piece.trim().replace(/^[\s.,:;()“”"'–-]+|[\s.,:;()“”"'–-]+$/g, ''))
      .filter((piece) => (piece.match(/[A-Za-z]/g) ?? []).length >= 4 && !spanish.includes(piece)),
  ),
].sort((a, b) => b.length - a.length);

/** The English pieces a text contains: whole words only, so "Error" never matches inside "Errores". */
export function englishIn(text: string): string[] {
  return ENGLISH_PIECES.filter((piece) =>
    new RegExp(`(^|[^\\p{L}])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text),
  );
}
