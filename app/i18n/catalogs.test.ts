// The Spanish catalogs can have no gap: every key of every English catalog exists in Spanish and the reverse, with
// the same variables and the same markup; the copy keeps to the glossary (docs/glossary.md); no notice carries a link.
import { describe, expect, it } from 'vitest';
import { INCIDENTS } from '../../db/incidents';
import { LANGUAGES } from './config';
import { NAMESPACES, resources } from './resources';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a catalog as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const catalog = (language: 'en' | 'es', namespace: string) => new Map(leaves(resources[language][namespace as 'common'] as Tree));
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();
const markup = (text: string) => [...text.matchAll(/<\/?(\w+)>/g)].map((match) => match[0]).sort();

describe('catalogs', () => {
  it.each(NAMESPACES)('%s: every English key exists in Spanish and every Spanish key in English', (namespace) => {
    const [en, es] = [catalog('en', namespace), catalog('es', namespace)];
    expect([...es.keys()].filter((key) => !en.has(key))).toEqual([]);
    expect([...en.keys()].filter((key) => !es.has(key))).toEqual([]);
  });

  it.each(NAMESPACES)(
    '%s: each Spanish text has the same variables and markup as its English one, and is not left in English',
    (namespace) => {
      const [en, es] = [catalog('en', namespace), catalog('es', namespace)];
      for (const [key, english] of en) {
        const spanish = es.get(key)!;
        expect({ key, variables: variables(spanish), markup: markup(spanish) }).toEqual({
          key,
          variables: variables(english),
          markup: markup(english),
        });
        expect(spanish.trim()).not.toBe('');
        // Only the names of things (a product, a number) read the same in both.
        // Only texts without words of their own ("Error {{status}}") may read the same in both.
        if (spanish === english)
          expect({ key, words: spanish.replace(/\{\{\w+\}\}/g, '').match(/[a-z]{3,}/gi) ?? [] }).toEqual({ key, words: ['Error'] });
      }
    },
  );

  it('Spanish copy keeps to the glossary: “PIN de la cuenta”, “llave de acceso”, never the English words', () => {
    const spanish = NAMESPACES.flatMap((namespace) => leaves(resources.es[namespace] as Tree));
    for (const [key, worded] of spanish) {
      const text = worded.replace(/\{\{[^}]*\}\}/g, '');
      expect({ key, text }).not.toEqual({
        key,
        text: expect.stringMatching(/\bpasskeys?\b|PIN de cuenta|PIN de tu cuenta|PIN de la SIM/i),
      });
    }
  });

  it('the English incident titles and summaries are the ones recorded in the incidents table', () => {
    for (const incident of INCIDENTS) {
      const text = resources.en.incidents.incident[incident.id as keyof typeof resources.en.incidents.incident];
      expect({ title: text.title, summary: text.summary }).toEqual({ title: incident.title, summary: incident.summary });
    }
  });

  it('there are exactly the two languages of DESIGN section 10', () => {
    expect(Object.keys(resources).sort()).toEqual([...LANGUAGES].sort());
  });
});
