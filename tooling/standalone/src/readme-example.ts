import { extractMarkdown } from '../../docs-check/src/extract.js';

/** The line that marks a README's runnable example: it stands right before the ` ```ts ` fence. */
export const STANDALONE_MARKER = '<!-- standalone -->';

/** A README's runnable example and what it must print. */
export interface StandaloneExample {
  /** The README, as given (relative to the repository root). */
  source: string;
  /** 1-based line of the example's opening fence. */
  line: number;
  /** The TypeScript code — the very block docs-check compiles. */
  code: string;
  /** The ` ```text ` block that follows the example: its expected standard output. */
  output: string;
}

const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+-]*)\s*$/;

/**
 * The example marked with {@link STANDALONE_MARKER} in a markdown file, or `undefined` when none is
 * marked. The marker must be followed by a ` ```ts ` block, and that block by a ` ```text ` block
 * (prose may stand between them) holding the output; anything else is an error naming the line.
 */
export function findStandaloneExample(source: string, text: string): StandaloneExample | undefined {
  const lines = text.split(/\r?\n/);
  const markers = lines.flatMap((line, i) => (line.trim() === STANDALONE_MARKER ? [i] : []));
  if (markers.length === 0) return undefined;
  if (markers.length > 1) throw new Error(`${source}: ${markers.length} standalone examples marked (lines ${markers.map((i) => i + 1).join(', ')}); mark one`);
  const marker = markers[0] as number;
  let fence = marker + 1;
  while (lines[fence]?.trim() === '') fence += 1;
  const fenceLine = fence + 1;
  const example = extractMarkdown(source, text).find((candidate) => candidate.lines[0] === fenceLine + 1);
  if (example === undefined) throw new Error(`${source}:${marker + 1}: ${STANDALONE_MARKER} must stand right before a non-empty \`\`\`ts block`);
  const closing = (example.lines.at(-1) as number) + 1;
  return { source, line: fenceLine, code: example.code, output: outputAfter(source, lines, closing) };
}

/** The ` ```text ` block after the 1-based line `closing` (the example's closing fence). */
function outputAfter(source: string, lines: readonly string[], closing: number): string {
  const open = lines.findIndex((line, i) => i >= closing && FENCE.test(line));
  const match = open < 0 ? null : FENCE.exec(lines[open] as string);
  if (match === null || match[2] !== 'text') {
    throw new Error(`${source}:${closing}: a standalone example must be followed by a \`\`\`text block with its output`);
  }
  const marker = match[1] as string;
  const end = lines.findIndex((line, i) => i > open && line.trim() === marker);
  if (end < 0) throw new Error(`${source}:${open + 1}: the output block never closes`);
  return lines.slice(open + 1, end).join('\n');
}

/**
 * The `@c8y` packages the README tells a user to install: the names on its first
 * `npm install …` / `pnpm add …` / `yarn add …` line.
 */
export function installedByReadme(source: string, text: string): string[] {
  const command = text.split(/\r?\n/).find((line) => /^\s*(npm (install|i)|pnpm add|yarn add)\s/.test(line));
  if (command === undefined) throw new Error(`${source}: no install command (npm install …)`);
  return command.trim().split(/\s+/).filter((word) => word.startsWith('@c8y/'));
}
