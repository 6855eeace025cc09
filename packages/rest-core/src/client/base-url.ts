import { InvalidInputError } from '../errors/invalid-input-error.js';

/**
 * Normalises a tenant URL: adds `https://` when no scheme is given, keeps a path prefix,
 * drops a trailing slash. Query strings, fragments, credentials and `.`/`..` path segments (which
 * would move the prefix: `https://proxy.example/c8y/../outside`) are refused.
 *
 * @example
 * ```ts
 * normalizeBaseUrl('mytenant.cumulocity.com/');     // 'https://mytenant.cumulocity.com'
 * normalizeBaseUrl('http://127.0.0.1:8111/c8y/');  // 'http://127.0.0.1:8111/c8y'
 * ```
 */
export function normalizeBaseUrl(input: string, path = 'baseUrl'): string {
  const trimmed = typeof input === 'string' ? input.trim() : '';
  if (trimmed === '') throw new InvalidInputError('a tenant URL is required, e.g. https://mytenant.cumulocity.com', { path });
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  // The URL parser would resolve `..` silently: `https://proxy/c8y/../outside` is `https://proxy/outside`.
  const rawPath = withScheme.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/\\?#]*/i, '').replace(/[?#].*$/s, '');
  if (hasDotSegment(rawPath)) {
    throw new InvalidInputError(`the path must not contain "." or ".." segments: ${JSON.stringify(trimmed)}`, { path });
  }
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new InvalidInputError(`not a valid URL: ${JSON.stringify(trimmed)}`, { path });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidInputError(`the scheme must be http or https, not ${url.protocol}`, { path });
  }
  if (url.username !== '' || url.password !== '') {
    throw new InvalidInputError('credentials do not belong in the URL; pass them as `auth`', { path });
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InvalidInputError('the URL must not have a query string or fragment', { path });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The absolute URL of `path` under `baseUrl`. `path` is either a path starting with `/`
 * (appended to the base, prefix included) or an absolute URL; either way the resolved URL must
 * lie under the base — a `..` segment (also `%2e%2e` or with backslashes) that climbs out of the
 * base path is refused, and credentials go to the configured origin only.
 */
export function resolveRequestUrl(baseUrl: string, path: string): URL {
  if (typeof path !== 'string' || path === '') throw new InvalidInputError('a request path is required', { path: 'path' });
  if (hasLoneSurrogate(path)) {
    throw new InvalidInputError('contains a lone UTF-16 surrogate (half of a character): it cannot be sent', { path: 'path' });
  }
  const relative = path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\');
  let url: URL;
  try {
    url = new URL(relative ? baseUrl + path : path);
  } catch {
    throw new InvalidInputError(`must start with "/" or be an absolute URL, got ${JSON.stringify(path)}`, { path: 'path' });
  }
  // Fast path: nothing the URL parser could resolve (`.`/`..` segments, `%2e`, backslashes).
  if (relative && !/[.\\%]/.test(path)) return url;
  const base = new URL(baseUrl);
  const prefix = base.pathname === '/' ? '/' : `${base.pathname}/`;
  if (url.origin !== base.origin || !(url.pathname + '/').startsWith(prefix)) {
    throw new InvalidInputError(
      `refusing to send credentials to ${url.origin}${url.pathname}: it is outside the configured ${baseUrl}`,
      { path: 'path' },
    );
  }
  return url;
}

/** True when a raw URL path has a `.` or `..` segment (also percent-encoded), which URL parsers resolve. */
function hasDotSegment(rawPath: string): boolean {
  return rawPath.split(/[/\\]/).some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/** True when `text` has an unpaired UTF-16 surrogate (the URL parser would turn it into U+FFFD silently). */
function hasLoneSurrogate(text: string): boolean {
  try {
    encodeURIComponent(text);
    return false;
  } catch {
    return true;
  }
}
