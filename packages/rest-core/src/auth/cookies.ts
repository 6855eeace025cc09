/** Cookie parsing for the auth strategies. Internal: not exported from the package. */

function unquote(value: string): string {
  const trimmed = value.trim();
  const bare = trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

/**
 * Parses a request `Cookie` header (`a=1; b=2`) into a record. The first occurrence of a name
 * wins (as in RFC 6265 user agents' most specific cookie first); values are unquoted and
 * percent-decoded when they are valid percent-encoding.
 */
export function parseCookieHeader(header: string): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    const name = pair.slice(0, eq).trim();
    if (name === '' || Object.hasOwn(cookies, name)) continue;
    cookies[name] = unquote(pair.slice(eq + 1));
  }
  return cookies;
}

/**
 * Splits a comma-joined `Set-Cookie` header into single cookies. A comma starts a new cookie only
 * when a `name=` follows it, so `Expires=Thu, 01 Jan 2026 …` stays whole.
 */
export function splitSetCookieHeader(joined: string): string[] {
  return joined.split(/,(?=\s*[^;,=\s]+=)/).map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * The cookies a response sets, by name (`authorization`, `XSRF-TOKEN`): the last non-empty value
 * of each name wins; an empty value (a cookie being cleared) is skipped. Uses
 * `Headers.getSetCookie()` where the runtime has it and otherwise splits the joined header.
 * In a browser `Set-Cookie` is never readable, so this is empty there.
 */
export function readSetCookies(headers: Headers): Record<string, string> {
  // Entries are split again: some fetch implementations and mocks join several cookies in one.
  const list = (typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [headers.get('set-cookie') ?? '']).flatMap(
    splitSetCookieHeader,
  );
  const cookies: Record<string, string> = {};
  for (const line of list) {
    const pair = line.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    const name = pair.slice(0, eq).trim();
    const value = unquote(pair.slice(eq + 1));
    if (name !== '' && value !== '') cookies[name] = value;
  }
  return cookies;
}

/** A cookie readable by script in a browser (`document.cookie`); `undefined` elsewhere. */
export function readDocumentCookie(name: string): string | undefined {
  const doc = (globalThis as { document?: { cookie?: unknown } }).document;
  if (typeof doc?.cookie !== 'string') return undefined;
  return parseCookieHeader(doc.cookie)[name];
}

/** True in a browser-like runtime (a `document` exists): there `Set-Cookie` is never readable. */
export function isBrowserLike(): boolean {
  return typeof (globalThis as { document?: unknown }).document === 'object';
}
