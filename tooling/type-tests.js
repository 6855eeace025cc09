import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import ts from 'typescript';

/**
 * Compile-time tests, run by jest: type-checks files as `tsc -p <package>/tsconfig.json --noEmit`
 * would, and returns the diagnostics in those files as `file:line TScode message` (file relative
 * to the package), in a stable order. An empty list means every expected type held and every
 * `@ts-expect-error` marked a real error (an unused one is TS2578).
 *
 * `virtualFiles` ({ 'test/x.ts': source }) are checked as if they existed: a canary with known
 * errors proves that the check is live.
 */
export function typeCheck(packageDir, files, virtualFiles = {}) {
  const configPath = path.join(packageDir, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, packageDir);
  const virtual = new Map(Object.entries(virtualFiles).map(([name, text]) => [path.resolve(packageDir, name), text]));
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => virtual.has(path.resolve(file)) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(path.resolve(file)) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError, create) => {
    const text = virtual.get(path.resolve(file));
    return text === undefined ? getSourceFile.call(host, file, language, onError, create) : ts.createSourceFile(file, text, language);
  };
  const rootNames = [...files.map((file) => path.resolve(packageDir, file)), ...virtual.keys()];
  const program = ts.createProgram({ rootNames, options, host });
  const checked = new Set(rootNames);
  return ts
    .getPreEmitDiagnostics(program)
    // Errors elsewhere (the sources under test) are the typecheck task's; a global one is kept.
    .filter((diagnostic) => diagnostic.file === undefined || checked.has(path.resolve(diagnostic.file.fileName)))
    .map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      if (diagnostic.file === undefined || diagnostic.start === undefined) return `TS${diagnostic.code} ${message}`;
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${path.relative(packageDir, diagnostic.file.fileName)}:${line + 1} TS${diagnostic.code} ${message}`;
    })
    .sort();
}

/**
 * The `.ts` files under `dir` (relative to `packageDir`) that hold compile-time checks:
 * `@ts-expect-error` lines or `assertType<…>` calls. `exclude` names files to leave out.
 */
export function typeTestFiles(packageDir, dir = 'test', exclude = []) {
  const found = [];
  const walk = (relative) => {
    for (const entry of readdirSync(path.join(packageDir, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && !exclude.includes(child) && /@ts-expect-error|assertType</.test(readFileSync(path.join(packageDir, child), 'utf8'))) {
        found.push(child);
      }
    }
  };
  walk(dir);
  return found.sort();
}

/** Known errors, so a check that stopped checking (wrong files, wrong options) cannot pass. */
const defaultCanary = {
  source: `export const wrong: number = 'not a number';
// @ts-expect-error nothing is wrong on the next line
export const fine: number = 1;
`,
  errors: ['1 TS2322', '2 TS2578'],
};

/**
 * The jest test a package runs for its compile-time tests (jest alone strips types, so without
 * it a line that is no longer a type error would pass): every `@ts-expect-error` under `test/`
 * marks a real error, the rest compiles, and a canary with known errors is reported.
 *
 * @param packageUrl - `new URL('..', import.meta.url)` from the package's test folder.
 * @param mustInclude - type-test files that must be found (proves the search still finds them).
 * @param canary - a source with known errors and their `line TScode`s (e.g. to prove a package's
 *   own `assertType` helper reports a mismatch). @default a wrong assignment and an unused expect-error
 */
export function describeTypeTests(packageUrl, mustInclude, canary = defaultCanary) {
  const packageDir = fileURLToPath(packageUrl);
  describe('type tests', () => {
    it('every compile-time check in test/ holds; the canary errors are reported', () => {
      const files = typeTestFiles(packageDir, 'test', ['test/typecheck.test.ts']);
      expect(files).toEqual(expect.arrayContaining(mustInclude));
      expect(typeCheck(packageDir, files, { 'test/type-check-canary.ts': canary.source })).toEqual(
        canary.errors.map((error) => expect.stringMatching(new RegExp(`^test/type-check-canary\\.ts:${error} `))),
      );
    }, 120_000);
  });
}
