import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One code example: a ```ts block of a markdown file, or an `@example` of a TSDoc comment. */
export interface Example {
  /** The file it comes from, relative to the repository root (posix separators). */
  source: string;
  /** 1-based position among the examples of that file. */
  index: number;
  /** The example's code, without comment stars or fence indentation. */
  code: string;
  /** For each line of `code`, its 1-based line in `source`. */
  lines: number[];
  /**
   * TSDoc only: the class the comment documents (`role: 'class'`) or one of whose members it
   * documents (`role: 'member'`). A member's example continues the class's first example.
   */
  context?: { className: string; role: 'class' | 'member' };
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/;
const TS_LANGUAGES = new Set(['ts', 'typescript', 'mts', 'cts']);

/**
 * The ```ts (or ```typescript) blocks of a markdown file. Other fences (`sh`, `text`, bare ```)
 * are not code examples. A fence indented inside a list item is unindented by its own indentation.
 */
export function extractMarkdown(source: string, text: string): Example[] {
  const examples: Example[] = [];
  const lines = text.split(/\r?\n/);
  let open: { marker: string; indent: number; isTs: boolean; code: string[]; lines: number[] } | undefined;
  lines.forEach((line, i) => {
    const fence = FENCE.exec(line);
    if (open === undefined) {
      if (fence !== null) {
        open = { marker: fence[2] ?? '```', indent: fence[1]?.length ?? 0, isTs: TS_LANGUAGES.has(fence[3] ?? ''), code: [], lines: [] };
      }
      return;
    }
    if (fence !== null && (fence[2] ?? '').startsWith(open.marker) && (fence[3] ?? '') === '' && line.trim() === fence[2]) {
      if (open.isTs) examples.push({ source, index: examples.length + 1, code: open.code.join('\n'), lines: open.lines });
      open = undefined;
      return;
    }
    const indent = /^\s*/.exec(line)?.[0].length ?? 0;
    open.code.push(line.slice(Math.min(indent, open.indent)));
    open.lines.push(i + 1);
  });
  if (open !== undefined) throw new Error(`${source}: a code fence opened and never closed`);
  return examples;
}

interface DocComment {
  text: string;
  /** The 1-based line it starts on. */
  line: number;
  context?: Example['context'];
}

/** The class a comment on `node` documents, or whose member it documents. */
function contextOf(node: ts.Node): Example['context'] {
  if (ts.isClassDeclaration(node)) return node.name === undefined ? undefined : { className: node.name.text, role: 'class' };
  for (let parent = node.parent; parent !== undefined; parent = parent.parent) {
    if (ts.isClassDeclaration(parent)) return parent.name === undefined ? undefined : { className: parent.name.text, role: 'member' };
  }
  return undefined;
}

/** The `/** … *\/` comments of a TypeScript file, in order. */
function docComments(text: string): DocComment[] {
  const comments: DocComment[] = [];
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const seen = new Set<number>();
  const visit = (node: ts.Node): void => {
    for (const range of ts.getLeadingCommentRanges(text, node.pos) ?? []) {
      if (seen.has(range.pos) || range.kind !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
      seen.add(range.pos);
      const comment = text.slice(range.pos, range.end);
      if (comment.startsWith('/**') && !comment.startsWith('/**/')) {
        const context = contextOf(node);
        comments.push({ text: comment, line: file.getLineAndCharacterOfPosition(range.pos).line + 1, ...(context === undefined ? {} : { context }) });
      }
    }
    ts.forEachChild(node, visit);
  };
  // The file's own node would claim the first statement's comment: start with the statements.
  ts.forEachChild(file, visit);
  // Comments before end of file (after the last statement) hang on the end-of-file token.
  for (const range of ts.getLeadingCommentRanges(text, file.endOfFileToken.pos) ?? []) {
    const comment = text.slice(range.pos, range.end);
    if (!seen.has(range.pos) && comment.startsWith('/**')) comments.push({ text: comment, line: file.getLineAndCharacterOfPosition(range.pos).line + 1 });
  }
  return comments.sort((a, b) => a.line - b.line);
}

const EXAMPLE_TAG = /(^|\s)@example(?=\s|$)/;
const BLOCK_TAG = /^@[a-zA-Z]+(\s|$)/;

/**
 * The `@example` blocks of the TSDoc comments of a TypeScript file. An example is either fenced
 * (```ts … ```; text outside the fences is a caption) or bare: the rest of the `@example` line and
 * the lines after it, up to the next block tag or the end of the comment.
 */
export function extractTsdoc(source: string, text: string): Example[] {
  const examples: Example[] = [];
  if (!EXAMPLE_TAG.test(text) && !text.includes('@example')) return examples;
  for (const comment of docComments(text)) {
    const rows = comment.text
      .replace(/^\/\*\*/, '')
      .replace(/\*\/$/, '')
      .split(/\r?\n/)
      .map((row, i) => ({ text: i === 0 ? row.replace(/^ /, '') : row.replace(/^\s*\* ?/, '').replace(/^\s*$/, ''), line: comment.line + i }));
    let current: Array<{ text: string; line: number }> | undefined;
    let inFence = false;
    const finish = (): void => {
      if (current !== undefined) {
        const blocks = exampleBlocks(source, current, examples.length);
        examples.push(...(comment.context === undefined ? blocks : blocks.map((block) => ({ ...block, context: comment.context }))));
      }
      current = undefined;
    };
    for (const row of rows) {
      const fence = FENCE.exec(row.text);
      if (inFence) {
        current?.push(row);
        if (fence !== null && row.text.trim() === fence[2]) inFence = false;
        continue;
      }
      if (fence !== null) {
        inFence = true;
        current?.push(row);
        continue;
      }
      const tag = EXAMPLE_TAG.exec(row.text);
      if (tag !== null) {
        finish();
        const rest = row.text.slice(tag.index + tag[0].length).replace(/^\s/, '');
        current = [{ text: rest, line: row.line }];
        continue;
      }
      if (BLOCK_TAG.test(row.text.trimStart())) finish();
      else current?.push(row);
    }
    finish();
  }
  return examples;
}

function exampleBlocks(source: string, rows: Array<{ text: string; line: number }>, before: number): Example[] {
  const blocks: Example[] = [];
  if (!rows.some((row) => FENCE.test(row.text))) {
    const code = rows.filter((row, i) => i > 0 || row.text.trim() !== '');
    while (code.length > 0 && code[code.length - 1]?.text.trim() === '') code.pop();
    if (code.length > 0) blocks.push({ source, index: before + 1, code: code.map((row) => row.text).join('\n'), lines: code.map((row) => row.line) });
    return blocks;
  }
  let open: { isTs: boolean; rows: Array<{ text: string; line: number }> } | undefined;
  for (const row of rows) {
    const fence = FENCE.exec(row.text);
    if (open === undefined) {
      if (fence !== null) open = { isTs: TS_LANGUAGES.has(fence[3] ?? ''), rows: [] };
    } else if (fence !== null && row.text.trim() === fence[2]) {
      if (open.isTs) {
        blocks.push({ source, index: before + blocks.length + 1, code: open.rows.map((r) => r.text).join('\n'), lines: open.rows.map((r) => r.line) });
      }
      open = undefined;
    } else {
      open.rows.push(row);
    }
  }
  if (open !== undefined) throw new Error(`${source}:${rows[0]?.line}: an @example fence opened and never closed`);
  return blocks;
}

/** A documented file: where its examples come from and which package names they may use. */
export interface DocFile {
  /** Relative to the repository root. */
  source: string;
  kind: 'markdown' | 'tsdoc';
  /** The package whose docs these are (`undefined` for the root README). */
  packageName: string | undefined;
}

/**
 * The packages whose docs are checked, by folder (`packages/<folder>`): the `@c8y` workspace
 * dependencies of this package — adding one there (`workspace:*`) adds its docs to the check
 * and makes turbo build it before the tests.
 */
export const PACKAGES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(
    (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {},
  )
    .filter((name) => name.startsWith('@c8y/'))
    .map((name) => [name.slice('@c8y/'.length), name]),
);

/**
 * Every checked documentation file: the root README, each package's README, the rest-core
 * guides (`packages/rest-core/docs/*.md`) and the TypeScript sources (`packages/<p>/src/**.ts`).
 */
export function docFiles(root: string): DocFile[] {
  const files: DocFile[] = [{ source: 'README.md', kind: 'markdown', packageName: undefined }];
  for (const [folder, packageName] of Object.entries(PACKAGES)) {
    const dir = `packages/${folder}`;
    files.push({ source: `${dir}/README.md`, kind: 'markdown', packageName });
    for (const doc of listFiles(root, `${dir}/docs`, '.md')) files.push({ source: doc, kind: 'markdown', packageName });
    for (const file of listFiles(root, `${dir}/src`, '.ts')) files.push({ source: file, kind: 'tsdoc', packageName });
  }
  return files;
}

function listFiles(root: string, dir: string, extension: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      const child = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return listFiles(root, child, extension);
      return entry.name.endsWith(extension) && !entry.name.endsWith('.d.ts') ? [child] : [];
    })
    .sort();
}

/** The examples of one documentation file. */
export function extractFile(root: string, file: DocFile): Example[] {
  const text = readFileSync(path.join(root, file.source), 'utf8');
  return file.kind === 'markdown' ? extractMarkdown(file.source, text) : extractTsdoc(file.source, text);
}
