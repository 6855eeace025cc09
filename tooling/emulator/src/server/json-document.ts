import { errors } from './errors.js';

/**
 * Deepest nesting of objects and arrays a JSON request document may have (the root object or
 * array is level 1). Deeper documents are refused with 422 before any handler sees them: they
 * could be stored but not rendered again (`JSON.stringify` recurses), so one such document would
 * break every later listing that includes it.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The first problem of a parsed JSON value that the emulator refuses to store, or `undefined`:
 * - nesting deeper than `maxDepth`;
 * - a member named `__proto__` (`JSON.parse` keeps it as an own member, but copying it into a
 *   document — `doc[key] = value` — would replace the document's prototype instead of adding a
 *   fragment, and lookups would then see fragments that are never rendered);
 * - a string (value or member name) with an unpaired surrogate (`"\ud800"`): it has no UTF-8
 *   form, so it could not be put into a link (`encodeURIComponent` throws) or a header.
 * Iterative: any depth is safe.
 */
export function jsonDocumentProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next;
    if (typeof node === 'string') {
      if (UNPAIRED_SURROGATE.test(node)) return NOT_UNICODE;
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth > maxDepth) return `JSON document is nested deeper than ${maxDepth} levels`;
    if (Array.isArray(node)) {
      for (const element of node as unknown[]) stack.push([element, depth + 1]);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (key === '__proto__') return 'JSON document has a member named "__proto__"';
      if (UNPAIRED_SURROGATE.test(key)) return NOT_UNICODE;
      stack.push([(node as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return undefined;
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_UNICODE = 'JSON document has a string with an unpaired surrogate (not well-formed Unicode)';

/**
 * Parses the JSON document of a request: 400 `<resource>/Bad Request` if it is malformed, 422
 * `<resource>/Invalid Data` if {@link jsonDocumentProblem} finds something.
 */
export function parseJsonDocument(text: string, resource: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (e) {
    throw errors.badRequest(resource, `Could not parse JSON: ${(e as Error).message}`);
  }
  const problem = jsonDocumentProblem(value);
  if (problem !== undefined) throw errors.invalidData(resource, problem);
  return value;
}
