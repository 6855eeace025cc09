/** A parsed media type; names and parameter keys are lower-cased (media types are case-insensitive). */
export interface MediaType {
  /** `type/subtype`, lower-cased, without parameters. */
  readonly essence: string;
  readonly params: Readonly<Record<string, string>>;
}

const C8Y_PREFIX = 'application/vnd.com.nsn.cumulocity.';

/** Parses one media type (`application/vnd.com.nsn.cumulocity.alarm+json;ver=0.9;charset=UTF-8`). */
export function parseMediaType(value: string | undefined): MediaType | undefined {
  if (!value) return undefined;
  const [head, ...rest] = value.split(';');
  const essence = (head ?? '').trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+*-]+$/.test(essence) && essence !== '*/*') return undefined;
  const params = Object.create(null) as Record<string, string>; // parameter names are request input
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"|"$/g, '');
  }
  return { essence, params };
}

/** Parses an `Accept` header into its media ranges (q-values ignored). */
export function parseAccept(value: string | undefined): MediaType[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => parseMediaType(part))
    .filter((m): m is MediaType => m !== undefined);
}

/** The Cumulocity short type name (`alarm`, `managedobject`, …) of a vnd media type, lower-cased. */
export function cumulocityTypeOf(media: MediaType): string | undefined {
  if (!media.essence.startsWith(C8Y_PREFIX) || !media.essence.endsWith('+json')) return undefined;
  return media.essence.slice(C8Y_PREFIX.length, -'+json'.length);
}

/** True for `application/json` and any `application/…+json` (incl. every Cumulocity vnd type). */
export function isJsonMediaType(media: MediaType): boolean {
  return media.essence === 'application/json' || (media.essence.startsWith('application/') && media.essence.endsWith('+json'));
}

/** The full response media type for a Cumulocity short name: `c8yMediaType('alarm')`. */
export function c8yMediaType(name: string): string {
  return `${C8Y_PREFIX}${name}+json;charset=UTF-8;ver=0.9`;
}

/** Media type of every error body. */
export const ERROR_MEDIA_TYPE = c8yMediaType('error');
