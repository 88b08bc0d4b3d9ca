/**
 * English singular of one lower-case word, for class names (`order_products` -> `OrderProduct`).
 * Conservative: a word it cannot read is kept as it is.
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  Object.entries({
    people: 'person',
    men: 'man',
    women: 'woman',
    children: 'child',
    teeth: 'tooth',
    feet: 'foot',
    mice: 'mouse',
    geese: 'goose',
    data: 'data',
    media: 'media',
    criteria: 'criterion',
    indices: 'index',
    matrices: 'matrix',
    vertices: 'vertex',
    analyses: 'analysis',
    theses: 'thesis',
    crises: 'crisis',
    diagnoses: 'diagnosis',
    statuses: 'status',
    aliases: 'alias',
    buses: 'bus',
    campuses: 'campus',
    viruses: 'virus',
    quizzes: 'quiz',
    movies: 'movie',
    cookies: 'cookie',
    series: 'series',
    species: 'species',
    news: 'news',
  }),
);

/** Words that end in `s` but are already singular. */
const SINGULAR_S = /(ss|us|is|os|as|ics|ness|ous|ies)$/;

export function singularize(word: string): string {
  const lower = word.toLowerCase();
  // A Map, not an object: `constructor` or `__proto__` must not find Object.prototype.
  const irregular = IRREGULAR.get(lower);
  if (irregular !== undefined) return matchCase(word, irregular);
  if (lower.length <= 3) return word;
  if (/[^aeiou]ies$/.test(lower)) return word.slice(0, -3) + matchCase(word.slice(-3), 'y');
  if (/(ss|x|z|ch|sh)es$/.test(lower)) return word.slice(0, -2);
  if (/(ses)$/.test(lower)) return word.slice(0, -1);
  if (lower.endsWith('s') && !SINGULAR_S.test(lower)) return word.slice(0, -1);
  return word;
}

function matchCase(model: string, word: string): string {
  return model === model.toUpperCase() && model !== model.toLowerCase() ? word.toUpperCase() : word;
}
