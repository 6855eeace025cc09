import path from 'node:path';
import ts from 'typescript';
import type { DocFile } from './extract.js';
import { generateExamples, type GeneratedExample } from './generate.js';

/** One compile error, placed in the documentation file when it is inside an example. */
export interface DocError {
  /** `packages/alarms/README.md:24 (example 1)`, or a generated/declaration file and line. */
  where: string;
  /** `TS2304 Cannot find name 'password'.` */
  message: string;
}

/**
 * Type-checks the generated examples with a `tsconfig.json` (as `tsc -p <config> --noEmit`
 * would) and returns every error, the ones inside an example placed at their documentation line.
 * `root` makes the other paths relative.
 */
export function compileExamples(configPath: string, examples: readonly GeneratedExample[], root: string): DocError[] {
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath));
  if (parsed.fileNames.length === 0) return [];
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const byFile = new Map(examples.map((example) => [path.resolve(example.file), example]));
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const file of program.getSourceFiles()) {
    const name = path.resolve(file.fileName);
    if (byFile.has(name) || isOwnDeclaration(name)) diagnostics.push(...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file));
  }
  return diagnostics.filter((diagnostic) => !inContext(diagnostic, byFile)).map((diagnostic) => describe(diagnostic, byFile, root));
}

/**
 * The declarations of the @c8y packages (the workspace's `packages/<p>/dist`, or
 * `node_modules/@c8y/<p>` in a consumer project): checked like the examples, as `skipLibCheck:
 * false` does. Third-party declarations (TypeScript's lib, valibot, luxon, ky) are left out —
 * valibot's alone takes 10 s to check — as they are not this project's to fix.
 */
export function isOwnDeclaration(file: string): boolean {
  const posix = file.split(path.sep).join('/');
  if (!posix.endsWith('.d.ts')) return false;
  const last = posix.lastIndexOf('/node_modules/');
  return last < 0 ? /\/packages\/[^/]+\/dist\//.test(posix) : posix.slice(last + '/node_modules/'.length).startsWith('@c8y/');
}

/** A diagnostic in the class example a member example continues: reported by that example's own file. */
function inContext(diagnostic: ts.Diagnostic, byFile: ReadonlyMap<string, GeneratedExample>): boolean {
  if (diagnostic.file === undefined || diagnostic.start === undefined) return false;
  const generated = byFile.get(path.resolve(diagnostic.file.fileName));
  if (generated === undefined) return false;
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return line >= generated.contextLines[0] && line < generated.contextLines[1];
}

function describe(diagnostic: ts.Diagnostic, byFile: ReadonlyMap<string, GeneratedExample>, root: string): DocError {
  const message = `TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  if (diagnostic.file === undefined || diagnostic.start === undefined) return { where: '(global)', message };
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const generated = byFile.get(path.resolve(diagnostic.file.fileName));
  if (generated !== undefined) {
    const sourceLine = generated.example.lines[line - generated.headerLines];
    const where =
      sourceLine === undefined
        ? `${generated.example.source} (example ${generated.example.index}, generated line ${line + 1} of ${path.relative(root, generated.file)})`
        : `${generated.example.source}:${sourceLine} (example ${generated.example.index})`;
    return { where, message };
  }
  return { where: `${path.relative(root, diagnostic.file.fileName)}:${line + 1}:${character + 1}`, message };
}

/** `where: message` lines, sorted by file and line, for a readable test failure. */
export function formatErrors(errors: readonly DocError[]): string[] {
  const key = (where: string): [string, number] => {
    const match = /^(.*?):(\d+)/.exec(where);
    return match === null ? [where, 0] : [match[1] ?? where, Number(match[2])];
  };
  return [...errors]
    .sort((a, b) => {
      const [fa, la] = key(a.where);
      const [fb, lb] = key(b.where);
      return fa === fb ? la - lb : fa < fb ? -1 : 1;
    })
    .map((error) => `${error.where}: ${error.message}`);
}

/**
 * The workspace check: generates every example into `outDir` and compiles them against the
 * built packages (`tsconfig.json`, and `tsconfig.node.json` for examples that use Node.js).
 */
export function checkDocs(root: string, outDir: string, files?: readonly DocFile[]): { errors: DocError[]; examples: GeneratedExample[]; timings: Record<string, number> } {
  let start = Date.now();
  const examples = generateExamples(root, outDir, files);
  const generate = Date.now() - start;
  start = Date.now();
  const errors = [...compileExamples(path.join(outDir, 'tsconfig.json'), examples, root), ...compileExamples(path.join(outDir, 'tsconfig.node.json'), examples, root)];
  return { errors, examples, timings: { generate, compile: Date.now() - start } };
}
