import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDocs, formatErrors } from '../src/check.js';
import { extractMarkdown, extractTsdoc } from '../src/extract.js';
import { analyse } from '../src/generate.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('extractMarkdown', () => {
  it('takes ```ts blocks with their lines, unindents list-item fences and skips other languages', () => {
    const text = ['# Doc', '```ts', 'const a = 1;', '```', '```sh', 'pnpm test', '```', '- item', '  ```typescript', '  const b = 2;', '    nested();', '  ```', '```', 'output', '```'].join('\n');
    expect(extractMarkdown('doc.md', text)).toEqual([
      { source: 'doc.md', index: 1, code: 'const a = 1;', lines: [3] },
      { source: 'doc.md', index: 2, code: 'const b = 2;\n  nested();', lines: [10, 11] },
    ]);
  });

  it('refuses a fence that is never closed', () => {
    expect(() => extractMarkdown('doc.md', '```ts\nconst a = 1;\n')).toThrow('doc.md: a code fence opened and never closed');
  });
});

describe('extractTsdoc', () => {
  it('takes fenced and bare @example blocks, ending at the next tag; captions and e-mail addresses are not code', () => {
    const text = [
      '/**',
      ' * Mail jdoe@example.com is not a tag.',
      ' *',
      ' * @example A caption',
      ' * ```ts',
      ' * fenced(1);',
      ' * ```',
      ' * @example bare(2)',
      ' * @returns nothing',
      ' */',
      'export function f(): void {}',
      '/** One line. @example oneLine(3) */',
      'export const g = 1;',
    ].join('\n');
    expect(extractTsdoc('f.ts', text)).toEqual([
      { source: 'f.ts', index: 1, code: 'fenced(1);', lines: [6] },
      { source: 'f.ts', index: 2, code: 'bare(2)', lines: [8] },
      { source: 'f.ts', index: 3, code: 'oneLine(3) ', lines: [12] },
    ]);
  });

  it('knows which class a comment documents or whose member it documents', () => {
    const text = ['/**', ' * @example new C()', ' */', 'export class C {', '  /** @example c.m() */', '  m(): void {}', '}'].join('\n');
    expect(extractTsdoc('c.ts', text).map((example) => example.context)).toEqual([
      { className: 'C', role: 'class' },
      { className: 'C', role: 'member' },
    ]);
  });
});

describe('analyse', () => {
  it('finds the names an example uses without declaring them (not properties, not its own bindings)', () => {
    const { free, hasImports, topLevel } = analyse(
      "import { a } from 'x';\nconst { b, c: d } = a;\nfor (const e of d.items) f(e, { g: b, h });\nfunction k(p: T) { return p.q; }",
    );
    expect(hasImports).toBe(true);
    expect([...free].sort()).toEqual(['T', 'f', 'h']);
    expect([...topLevel].sort()).toEqual(['a', 'b', 'd', 'k']);
  });
});

describe('the check', () => {
  it('reports the broken examples of the fixtures at their lines, and only those', () => {
    const generated = fileURLToPath(new URL('../generated', import.meta.url));
    mkdirSync(generated, { recursive: true });
    const outDir = mkdtempSync(path.join(generated, 'fixtures-'));
    let result: ReturnType<typeof checkDocs>;
    try {
      result = checkDocs(root, outDir, [
        { source: 'tooling/docs-check/test/fixtures/broken.md', kind: 'markdown', packageName: '@c8y/alarms' },
        { source: 'tooling/docs-check/test/fixtures/tsdoc.ts', kind: 'tsdoc', packageName: '@c8y/alarms' },
      ]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
    const { errors, examples } = result;
    expect(examples).toHaveLength(5);
    expect(formatErrors(errors)).toEqual([
      expect.stringMatching(/^tooling\/docs-check\/test\/fixtures\/broken\.md:9 \(example 1\): TS2769 .*'staus' does not exist/),
      expect.stringMatching(/^tooling\/docs-check\/test\/fixtures\/tsdoc\.ts:9 \(example 1\): TS2322 Type 'string' is not assignable to type 'number'/),
      expect.stringMatching(/^tooling\/docs-check\/test\/fixtures\/tsdoc\.ts:26 \(example 3\): TS2339 Property 'clearAll' does not exist on type 'Alarms'/),
    ]);
  }, 120_000);
});
