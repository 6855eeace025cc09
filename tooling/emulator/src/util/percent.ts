/**
 * `decodeURIComponent` for request input: `undefined` instead of a `URIError` when `text` has a
 * malformed `%`-escape (`%`, `%zz`, a truncated or invalid UTF-8 sequence). Every decoding of
 * client text goes through here, so the caller decides which 4xx (or fallback) a bad escape gets.
 */
export function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
