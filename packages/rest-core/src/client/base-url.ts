import { InvalidInputError } from '../errors/invalid-input-error.js';

/**
 * Normalises a tenant URL: adds `https://` when no scheme is given, keeps a path prefix,
 * drops a trailing slash. Query strings, fragments and credentials in the URL are refused.
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
 * (appended to the base, prefix included) or an absolute URL, which must lie under the base —
 * credentials go to the configured origin only.
 */
export function resolveRequestUrl(baseUrl: string, path: string): URL {
  if (typeof path !== 'string' || path === '') throw new InvalidInputError('a request path is required', { path: 'path' });
  if (path.startsWith('/') && !path.startsWith('//')) return new URL(baseUrl + path);
  let url: URL;
  try {
    url = new URL(path);
  } catch {
    throw new InvalidInputError(`must start with "/" or be an absolute URL, got ${JSON.stringify(path)}`, { path: 'path' });
  }
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
