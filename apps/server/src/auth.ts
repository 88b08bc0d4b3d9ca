/**
 * Bearer-token check for `/api`. The browser cannot add a header to the page it opens, so
 * visiting `/?token=...` once stores the token in an HttpOnly, SameSite=Strict cookie that
 * the editor's own requests then carry; scripts and curl send `Authorization: Bearer`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const COOKIE = 'retort_token';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time: both sides are hashed to the same length before comparing. */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  return timingSafeEqual(digest(expected), digest(given));
}

function presentedToken(
  header: string | undefined,
  cookies: string | undefined,
): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (bearer) return bearer[1];
  for (const part of (cookies ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== COOKIE) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function requireToken(token: string): RequestHandler {
  return (req, res, next) => {
    if (tokenMatches(token, presentedToken(req.headers.authorization, req.headers.cookie))) {
      next();
      return;
    }
    res
      .status(401)
      .set('WWW-Authenticate', 'Bearer realm="retort"')
      .json({ error: 'This server requires Authorization: Bearer <RETORT_TOKEN>.' });
  };
}

/**
 * Where the login may send the browser: a path on this server only. `//evil.example/` and
 * `/\\evil.example/` are read by browsers as other hosts, so they become `/`.
 */
export function sameOriginPath(path: string): string {
  return /^\/(?![/\\])/.test(path) ? path : '/';
}

/** The shortest RETORT_TOKEN a server accepts, in characters other than white space. */
export const MIN_TOKEN_LENGTH = 16;

/** Null when `token` is strong enough to guard the API; else the sentence that says why not. */
export function weakTokenProblem(token: string): string | null {
  const length = token.replace(/\s/g, '').length;
  return length >= MIN_TOKEN_LENGTH
    ? null
    : `RETORT_TOKEN has ${length} non-space character${length === 1 ? '' : 's'}; use at least ${MIN_TOKEN_LENGTH} (e.g. from \`openssl rand -hex 16\`).`;
}

/** `/?token=...`: sets the cookie and redirects to the same page without the token in the URL. */
export function tokenLogin(token: string): RequestHandler {
  return (req, res, next) => {
    const given = typeof req.query.token === 'string' ? req.query.token : undefined;
    if (given === undefined || req.method !== 'GET') {
      next();
      return;
    }
    if (!tokenMatches(token, given)) {
      res.status(401).json({ error: 'The token in the address is wrong.' });
      return;
    }
    res.cookie(COOKIE, given, { httpOnly: true, sameSite: 'strict', path: '/' });
    res.redirect(303, sameOriginPath(req.path));
  };
}
