/**
 * Credential redaction for everything that goes into an error: by value (the credentials the SDK
 * has sent, in every encoding it sent them) and by pattern (secret-named fields, `Basic`/`Bearer`
 * credentials, JWTs). Browser-safe: no `Buffer`, no lookbehind.
 */

/** The mask that replaces a secret. */
const mask = '***';

/**
 * Names whose value is a secret wherever they appear: as a header (`X-XSRF-TOKEN: v`), a JSON or
 * inspected field (`"password":"v"`, `'x-xsrf-token': [ 'v' ]`), a form or query field
 * (`password=v`, also URL-encoded `password%3Dv`) or a cookie (`XSRF-TOKEN=v`).
 */
export const secretNames: readonly string[] = Object.freeze([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-xsrf-token',
  'xsrf-token',
  'tfatoken',
  'tfa_code',
  'password',
  'access_token',
  'refresh_token',
]);

const nameAlternation = [...secretNames].sort((a, b) => b.length - a.length).map((name) => name.replace(/[-_]/g, '[-_]')).join('|');
// (before)(name)(quote after the name)(separator)(optional array bracket and opening quote)
const namedValue = new RegExp(`(^|[^A-Za-z0-9_-])(${nameAlternation})(\\\\?["']?)(\\s*(?:=>|:|=|%3[AaDd])\\s*(?:\\[\\s*)?)`, 'gi');
const schemeCredentials = /\b(Basic|Bearer)(\s+|%20|\+)[A-Za-z0-9+/=._~%-]+/gi;
const jwtLike = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const schemePrefix = /^(?:Basic|Bearer|Token)(?:\s+|%20|\+)/i;
const valueEnd = /[\s"';,&\])}]/;

/** Where the value starting at `start` ends: a quoted value at its closing quote, else at a delimiter. */
function valueSpan(text: string, start: number): { from: number; to: number } {
  let from = start;
  const scheme = schemePrefix.exec(text.slice(from, from + 12));
  if (scheme !== null) from += scheme[0].length;
  const escapedQuote = text.startsWith('\\"', from);
  const quote = escapedQuote ? '\\"' : text[from] === '"' || text[from] === "'" ? (text[from] as string) : undefined;
  if (quote !== undefined) {
    const open = from + quote.length;
    for (let i = open; i < text.length; i++) {
      if (text.startsWith(quote, i)) return { from: open, to: i };
      if (text[i] === '\\' && !escapedQuote) i++;
    }
    return { from: open, to: text.length };
  }
  let to = from;
  while (to < text.length && !valueEnd.test(text[to] as string)) to++;
  return { from, to };
}

function redactNamedValues(text: string): string {
  let result = '';
  let last = 0;
  namedValue.lastIndex = 0;
  for (let match = namedValue.exec(text); match !== null; match = namedValue.exec(text)) {
    const start = match.index + match[0].length;
    const { from, to } = valueSpan(text, start);
    if (to > from && from >= last) {
      result += text.slice(last, from) + mask;
      last = to;
    }
    namedValue.lastIndex = Math.max(start, to);
  }
  return last === 0 ? text : result + text.slice(last);
}

// ---------------------------------------------------------------------------------------------
// Values: the credentials the SDK has sent.

/** Secret values are remembered up to this many forms, most recent last (older ones drop out). */
const maxKnownForms = 512;
/** Shorter values are not remembered: masking every `abc` in a text would leak more than it hides. */
const minSecretLength = 4;
const known = new Map<string, true>();
let byLength: string[] | undefined;
/**
 * The credential headers remembered since forms last dropped out: a client's next request with
 * the same headers then costs one lookup instead of encoding every form again (~20 µs). Emptied
 * when a form drops out, so the next request of every client remembers its credentials again.
 */
const rememberedHeaders = new Set<string>();

function formsOf(secret: string): string[] {
  const forms = [secret, JSON.stringify(secret).slice(1, -1)];
  try {
    forms.push(encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2));
  } catch {
    // a lone surrogate has no URL form (and could not have been sent in one)
  }
  return forms;
}

/**
 * Remembers a secret value, in every form it may come back in (raw, JSON-escaped,
 * URL-encoded, form-encoded), so that {@link redactSecrets} masks it in any text. Values shorter
 * than 4 characters are ignored.
 *
 * @example
 * ```ts
 * rememberSecret(password);
 * redactSecrets(`echo: password=${encodeURIComponent(password)}`); // 'echo: password=***'
 * ```
 */
export function rememberSecret(secret: string | undefined): void {
  if (typeof secret !== 'string' || secret.length < minSecretLength) return;
  for (const form of formsOf(secret)) {
    if (form.length < minSecretLength) continue;
    if (known.has(form)) known.delete(form);
    else byLength = undefined;
    known.set(form, true);
  }
  while (known.size > maxKnownForms) {
    const oldest = known.keys().next().value as string;
    known.delete(oldest);
    byLength = undefined;
    rememberedHeaders.clear();
  }
}

const decodeBasic = (encoded: string): string | undefined => {
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

const credentialNames = ['authorization', 'proxy-authorization', 'cookie', 'x-xsrf-token', 'tfatoken'];

/**
 * Remembers the credentials in outgoing request headers (`Authorization` — for Basic also the
 * decoded `user:password` and the password —, the `Cookie` values, `X-XSRF-TOKEN`, `TFAToken`).
 */
export function rememberCredentials(headers: Headers): void {
  const key = credentialNames.map((name) => headers.get(name)).join('\n');
  if (rememberedHeaders.has(key)) return;
  for (const name of ['authorization', 'proxy-authorization']) {
    const value = headers.get(name);
    if (value === null) continue;
    rememberSecret(value);
    const [, scheme, credentials] = /^(\S+)\s+(.+)$/.exec(value) ?? [];
    if (credentials === undefined) continue;
    rememberSecret(credentials);
    if (scheme?.toLowerCase() !== 'basic') continue;
    const decoded = decodeBasic(credentials);
    if (decoded === undefined) continue;
    rememberSecret(decoded);
    const colon = decoded.indexOf(':');
    if (colon >= 0) rememberSecret(decoded.slice(colon + 1));
  }
  const cookie = headers.get('cookie');
  if (cookie !== null) {
    for (const pair of cookie.split(';')) {
      const equals = pair.indexOf('=');
      const value = pair.slice(equals + 1).trim();
      if (equals > 0 && value.length >= 8) rememberSecret(value);
    }
  }
  for (const name of ['x-xsrf-token', 'tfatoken']) rememberSecret(headers.get(name) ?? undefined);
  if (rememberedHeaders.size >= maxKnownForms) rememberedHeaders.clear();
  rememberedHeaders.add(key);
}

function redactKnownValues(text: string): string {
  if (known.size === 0) return text;
  byLength ??= [...known.keys()].sort((a, b) => b.length - a.length);
  let result = text;
  for (const form of byLength) if (result.includes(form)) result = result.split(form).join(mask);
  return result;
}

/**
 * Masks credentials in a text: every remembered secret value (see {@link rememberCredentials}),
 * the value after any of {@link secretNames} (`X-XSRF-TOKEN: v`, `"password":"v"`,
 * `XSRF-TOKEN=v`, `'x-xsrf-token': [ 'v' ]`, `TFAToken%3Dv`), `Basic …`/`Bearer …` credentials
 * and anything shaped like a JWT.
 *
 * @example
 * ```ts
 * redactSecrets('{"TFAToken":"918273"}'); // '{"TFAToken":"***"}'
 * ```
 */
export function redactSecrets(text: string): string {
  if (typeof text !== 'string' || text === '') return text;
  return redactNamedValues(redactKnownValues(text)).replace(schemeCredentials, `$1$2${mask}`).replace(jwtLike, mask);
}

/** A redacted, bounded excerpt of a reply body: redacted before it is cut, so no half secret is left at the edge. */
export function redactedExcerpt(text: string, length = 200): string {
  return redactSecrets(text.length > 16_384 ? text.slice(0, 16_384) : text).slice(0, length);
}

const secretName = new RegExp(`^(?:${nameAlternation})$`, 'i');

/**
 * A copy of a parsed JSON value with every string redacted and the values of secret-named keys
 * masked; deeper than 20 levels is cut.
 *
 * @example
 * ```ts
 * redactJson({ message: 'bad', headers: { authorization: 'Basic abc' } }); // { message: 'bad', headers: { authorization: '***' } }
 * ```
 */
export function redactJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= 20) return mask;
  if (Array.isArray(value)) return value.map((item) => redactJson(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[redactSecrets(key)] = secretName.test(key) && item !== null && typeof item !== 'object' ? mask : redactJson(item, depth + 1);
  }
  return copy;
}

/**
 * A credential-free stand-in for a lower layer's error (a fetch failure, a parser error): an
 * `Error` with the same name, the message and stack redacted, the primitive fields kept (`code`,
 * `errno`, `syscall`, strings redacted) and its own `cause` treated the same way (3 levels).
 *
 * @example
 * ```ts
 * new NetworkError({ method: 'GET', url: 'https://t100.example.com/user/currentUser', cause: redactedCause(new TypeError('fetch failed')) });
 * ```
 */
export function redactedCause(cause: unknown, depth = 0): unknown {
  if (typeof cause !== 'object' || cause === null) return typeof cause === 'string' ? redactSecrets(cause) : cause;
  const source = cause as Record<string, unknown>;
  const message = typeof source.message === 'string' ? source.message : '';
  const copy = new Error(redactSecrets(message)) as Error & Record<string, unknown>;
  copy.name = typeof source.name === 'string' ? source.name : 'Error';
  copy.stack = typeof source.stack === 'string' ? redactSecrets(source.stack) : `${copy.name}: ${copy.message}`;
  for (const [key, value] of Object.entries(source)) {
    if (key === 'message' || key === 'name' || key === 'stack' || key === 'cause') continue;
    if (typeof value === 'string') copy[key] = secretName.test(key) ? mask : redactSecrets(value);
    else if (typeof value === 'number' || typeof value === 'boolean') copy[key] = value;
  }
  if (source.cause !== undefined && depth < 3) copy.cause = redactedCause(source.cause, depth + 1);
  return copy;
}
