/**
 * Case folding of one UTF-16 code unit as a RegExp with the `i` flag and without `u` does it
 * (ECMAScript `Canonicalize`): the upper-case form if it is a single code unit, except that
 * non-ASCII characters never fold onto ASCII ones.
 */
function foldUnit(ch: string): string {
  const upper = ch.toUpperCase();
  if (upper.length !== 1) return ch;
  return ch.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128 ? ch : upper;
}

/** `text` case-folded code unit by code unit (same length as `text`). */
export function caseFold(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 128;
  if (ascii) return text.toUpperCase();
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text.charAt(i));
  return out;
}

/**
 * A matcher for a pattern in which `*` stands for any sequence of characters (the empty one and
 * line breaks included) and every other character for itself, compared case-insensitively.
 *
 * No RegExp is built from the pattern: the literal parts between the stars are placed left to
 * right at their first occurrence (`indexOf`), which is the placement that leaves the most room
 * for the rest, so a match is found without backtracking. Work is bounded by
 * O(text length × pattern length) in the worst case and is linear for typical patterns, never
 * exponential like a backtracking `^.*a.*a.*b$`.
 */
export function wildcardMatcher(pattern: string): (text: string) => boolean {
  const parts = caseFold(pattern).split('*');
  const first = parts[0] ?? '';
  if (parts.length === 1) return (text) => caseFold(text) === first;
  const last = parts[parts.length - 1] ?? '';
  const middle = parts.slice(1, -1).filter((p) => p !== '');
  const minLength = parts.reduce((n, p) => n + p.length, 0);
  return (text) => {
    if (text.length < minLength) return false;
    const folded = caseFold(text);
    if (!folded.startsWith(first) || !folded.endsWith(last)) return false;
    const end = folded.length - last.length;
    let pos = first.length;
    for (const part of middle) {
      const at = folded.indexOf(part, pos);
      if (at < 0 || at + part.length > end) return false;
      pos = at + part.length;
    }
    return true;
  };
}
