import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describeTypeTests } from '../../../tooling/type-tests.js';

// The compile-time tests (@ts-expect-error lines, assertType) as part of `pnpm test`.
describeTypeTests(new URL('..', import.meta.url), ['test/types.check.ts']);

// The browser entry compiles without Node.js's types (a browser app's tsconfig has none).
describe('the browser entry', () => {
  it('compiles with the DOM lib and no Node.js types', () => {
    const packageDir = fileURLToPath(new URL('..', import.meta.url));
    const read = ts.readConfigFile(path.join(packageDir, 'tsconfig.build.json'), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, packageDir);
    const program = ts.createProgram({
      rootNames: [path.join(packageDir, 'src/index.ts'), path.join(packageDir, 'src/datetime.ts')],
      options: { ...options, types: [], noEmit: true, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'] },
    });
    const files = program.getSourceFiles().map((file) => path.relative(packageDir, file.fileName));
    expect(files.filter((file) => file.startsWith('src/node'))).toEqual([]);
    expect(files.filter((file) => file.includes('@types/node'))).toEqual([]);
    const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
    expect(errors).toEqual([]);
  }, 120_000);
});
