import { InvalidInputError } from '../errors/invalid-input-error.js';
import type { QuerySpec } from './query-spec.js';
import type { QueryRecord } from './query-record.js';

/** `key=` at the start: the string is a list of parameters rather than a bare query expression. */
const PARAM_LIST = /^[A-Za-z_][A-Za-z0-9_.]*=/;

/**
 * Reads a raw query expression — the string form of a filter argument — into parameters.
 *
 * - `key=value&key=value…` (the first key is an identifier followed by `=`): split on `&`, and
 *   each part on its **first** `=`, so values may contain `=`. Keys and values are taken **as
 *   written**, not decoded: the client encodes each with `encodeURIComponent`, so write spaces
 *   as spaces, `+` means a plus sign (`+02:00` offsets survive) and `%` a percent sign. A
 *   repeated key gives an array (sent repeated). An `&` inside a value cannot be written here:
 *   use an options object.
 * - Anything else (`$filter=…`, `$orderby=…`, `name eq 'x'`, `has(c8y_IsDevice)`) is a bare
 *   inventory query expression and becomes the resource's query parameter (`query`, or `q` for the
 *   device inventory) — pyc8y's behaviour. Resources without a query language reject it.
 *
 * Nothing is added or checked beyond that: no aliases, date normalisation or required fragments.
 * A leading `?` and surrounding whitespace are ignored; `''` gives `{}`.
 *
 * @throws InvalidInputError for a part without `=`, an empty key, or a bare expression on a
 *   resource without a query language.
 *
 * @example
 * ```ts
 * parseRawQuery("q=$filter=name eq 'M01' $orderby=lastUpdated");
 * // { q: "$filter=name eq 'M01' $orderby=lastUpdated" }
 * // on the wire: q=%24filter%3Dname%20eq%20'M01'%20%24orderby%3DlastUpdated
 * parseRawQuery('type=x&source=1&series=a&series=b'); // { type: 'x', source: '1', series: ['a', 'b'] }
 * parseRawQuery("name eq 'M*'", { resource: 'managedObjects', odata: { param: 'query' } });  // { query: "name eq 'M*'" }
 * ```
 */
export function parseRawQuery(expression: string, spec?: QuerySpec): QueryRecord {
  if (typeof expression !== 'string') throw new InvalidInputError('a raw query expression must be a string', { path: 'query' });
  const text = expression.trim().replace(/^\?/, '');
  if (text === '') return {};
  if (!PARAM_LIST.test(text)) {
    if (spec?.odata) return { [spec.odata.param]: text };
    throw new InvalidInputError(
      `expected key=value pairs joined by '&' (e.g. 'type=x&source=1'), got ${JSON.stringify(text)}` +
        (spec ? `; ${spec.resource} has no query language` : ''),
      { path: 'query' },
    );
  }
  const params: Record<string, string | string[]> = {};
  for (const part of text.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    if (equals <= 0) {
      throw new InvalidInputError(
        equals === 0
          ? `${JSON.stringify(part)} has no parameter name`
          : `${JSON.stringify(part)} has no '=' (write key=value; an '&' inside a value needs an options object)`,
        { path: 'query' },
      );
    }
    const key = part.slice(0, equals);
    const value = part.slice(equals + 1);
    const previous = params[key];
    params[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return params;
}
