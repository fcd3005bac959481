/**
 * Hash routes of the app. The whole navigable state lives after `#`, so a static host needs no
 * rewrites and a copied link reopens the same page:
 *
 * | hash                               | route                                   |
 * |------------------------------------|-----------------------------------------|
 * | `` / `#` / `#/`                    | `{ page: 'catalogue' }`                 |
 * | `#/lesson/<id>?step=N&<param>=<v>` | `{ page: 'lesson', lessonId, query }`   |
 * | `#/zoo`, `#/playground`, `#/about` | `{ page: 'zoo' }` etc.                  |
 * | anything else                      | `{ page: 'not-found', path }`           |
 *
 * Parsing never throws: malformed percent-escapes are kept verbatim.
 */

/** A parsed hash route. `query` holds the raw (decoded) query parameters. */
export type Route =
  | { page: 'catalogue' }
  | { page: 'lesson'; lessonId: string; query: Readonly<Record<string, string>> }
  | { page: 'zoo' }
  | { page: 'playground' }
  | { page: 'about' }
  | { page: 'not-found'; path: string };

/** `decodeURIComponent` that returns its input instead of throwing on malformed escapes. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Parses `a=1&b=2` into a record; the first occurrence of a repeated key wins; empty keys are dropped. */
export function parseQuery(query: string): Record<string, string> {
  const entries: [string, string][] = [];
  const seen = new Set<string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : safeDecode(part.slice(eq + 1));
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    entries.push([key, value]);
  }
  // fromEntries defines own properties, so even a `__proto__` key stays plain data.
  return Object.fromEntries(entries);
}

/** The own value of `key` in a query record (never an inherited `Object.prototype` member). */
export function queryValue(query: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(query, key) ? query[key] : undefined;
}

/** Serialises a record as `a=1&b=2`, keys in insertion order, both sides percent-encoded. */
export function formatQuery(query: Readonly<Record<string, string>>): string {
  return Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

/** Parses `location.hash` (with or without the leading `#`) into a {@link Route}. Never throws. */
export function parseHash(hash: string): Route {
  let h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  const query = q < 0 ? '' : h.slice(q + 1);
  h = q < 0 ? h : h.slice(0, q);
  const segments = h
    .split('/')
    .filter((s) => s !== '')
    .map(safeDecode);
  if (segments.length === 0) return { page: 'catalogue' };
  const [first, second] = segments;
  if (segments.length === 1) {
    if (first === 'zoo' || first === 'playground' || first === 'about') return { page: first };
  }
  if (segments.length === 2 && first === 'lesson' && second !== undefined) {
    return { page: 'lesson', lessonId: second, query: parseQuery(query) };
  }
  return { page: 'not-found', path: h === '' ? '/' : h };
}

/** The hash for a route, starting with `#/`. The inverse of {@link parseHash} for non-not-found routes. */
export function formatHash(route: Route): string {
  switch (route.page) {
    case 'catalogue':
      return '#/';
    case 'lesson': {
      const q = formatQuery(route.query);
      return `#/lesson/${encodeURIComponent(route.lessonId)}${q === '' ? '' : `?${q}`}`;
    }
    case 'not-found':
      return `#${route.path.startsWith('/') ? '' : '/'}${route.path}`;
    default:
      return `#/${route.page}`;
  }
}
