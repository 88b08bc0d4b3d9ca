/**
 * A database URL fit to print. Database passwords never leave Retort in text it prints or serves: every form the pg
 * driver and libpq accept is covered (`postgres://user:pw@host`, `?password=pw`,
 * `host=h password=pw`), and the value of PGPASSWORD wherever it appears.
 */

const HIDDEN = '***';

/** `scheme://user:password@` (the last `@` of the word ends the password). */
const URL_USERINFO = /(\/\/[^:/?#@\s]*:)[^\s/?#]*@/g;
/** `?password=pw`, `&sslpassword=pw` in a URL's query. */
const QUERY_PASSWORD = /([?&](?:ssl)?password=)[^&#\s]*/gi;
/** `password=pw` or `password = 'p w'` in a key=value connection string. */
const KEYWORD_PASSWORD = /(\b(?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s'&]+)/gi;

/** A connection string or any text quoting one, fit to print. */
export function redactUrl(
  text: string,
  environment: Record<string, string | undefined> = typeof process === 'undefined'
    ? {}
    : process.env,
): string {
  let result = text
    .replace(URL_USERINFO, `$1${HIDDEN}@`)
    .replace(QUERY_PASSWORD, `$1${HIDDEN}`)
    .replace(KEYWORD_PASSWORD, `$1${HIDDEN}`);
  const fromEnvironment = environment.PGPASSWORD;
  if (fromEnvironment && fromEnvironment.trim() !== '') {
    result = result.split(fromEnvironment).join(HIDDEN);
    const encoded = encodeURIComponent(fromEnvironment);
    if (encoded !== fromEnvironment) result = result.split(encoded).join(HIDDEN);
  }
  return result;
}
