import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { PACKAGES, docFiles, extractFile, type DocFile, type Example } from './extract.js';
import { LIBRARY_IMPORTS, PREAMBLE } from './preamble.js';

/** What the names of a piece of example code refer to. */
export interface Analysis {
  /** The code has `import` declarations: it is complete, so no imports are added for it. */
  hasImports: boolean;
  /** Names the code uses without declaring them anywhere in it. */
  free: Set<string>;
  /** Names the code declares at its top level (variables, functions, classes, types, imports). */
  topLevel: Set<string>;
}

const analyses = new Map<string, Analysis>();

/** Free and declared names of example code (syntax only; the compiler does the rest). */
export function analyse(code: string): Analysis {
  const cached = analyses.get(code);
  if (cached !== undefined) return cached;
  const analysis = analyseCode(code);
  analyses.set(code, analysis);
  return analysis;
}

function analyseCode(code: string): Analysis {
  const file = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const declared = new Set<string>();
  const used = new Set<string>();
  let hasImports = false;
  const declare = (name: ts.BindingName | ts.Identifier | undefined): void => {
    if (name === undefined) return;
    if (ts.isIdentifier(name)) declared.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) declare(element.name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) hasImports = true;
    if (ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isImportSpecifier(node) || ts.isImportEqualsDeclaration(node)) declare(node.name);
    if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) declare(node.name);
    if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node)) declare(node.name);
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node) || ts.isTypeParameterDeclaration(node)) {
      declare(node.name);
    }
    if (ts.isIdentifier(node) && isReference(node)) used.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  const topLevel = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) collectBindings(declaration.name, topLevel);
    } else if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name !== undefined) topLevel.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings !== undefined && ts.isNamespaceImport(bindings)) topLevel.add(bindings.name.text);
      if (bindings !== undefined && ts.isNamedImports(bindings)) for (const element of bindings.elements) topLevel.add(element.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      statement.name !== undefined
    ) {
      topLevel.add(statement.name.text);
    }
  }
  return { hasImports, free: new Set([...used].filter((name) => !declared.has(name))), topLevel };
}

function collectBindings(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collectBindings(element.name, into);
}

/** Whether an identifier names a variable, function, class or type (not a property or a label). */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (parent === undefined) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isMetaProperty(parent)) return false;
  const named =
    ts.isPropertyAccessExpression(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isPropertySignature(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isMethodSignature(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent) ||
    ts.isEnumMember(parent) ||
    ts.isLabeledStatement(parent) ||
    ts.isBreakOrContinueStatement(parent) ||
    ts.isImportAttribute(parent) ||
    ts.isNamedTupleMember(parent);
  return !(named && (parent as { name?: ts.Node }).name === node) && !(ts.isBreakOrContinueStatement(parent) && parent.label === node) && !(ts.isLabeledStatement(parent) && parent.label === node);
}

/**
 * Exported names of the built packages, read from their `dist/*.d.ts` files (syntax only:
 * `export` declarations, `export { … }` lists and `export * from` followed).
 */
export class ExportIndex {
  private readonly cache = new Map<string, ReadonlySet<string>>();

  constructor(private readonly root: string) {
    const missing = Object.keys(PACKAGES).filter((folder) => !existsSync(path.join(root, 'packages', folder, 'dist', 'index.d.ts')));
    if (missing.length > 0) throw new Error(`packages without dist/index.d.ts: ${missing.join(', ')}: build them first (pnpm build)`);
  }

  /** The export names of a package entry (`@c8y/model`, `@c8y/model/datetime`) or of a `.d.ts` file. */
  exportsOf(entry: string): ReadonlySet<string> {
    const file = entry.startsWith('@c8y/') ? this.entryFile(entry) : entry;
    return file === undefined ? new Set() : this.exportsOfFile(file, new Set());
  }

  private exportsOfFile(file: string, visiting: Set<string>): ReadonlySet<string> {
    const cached = this.cache.get(file);
    if (cached !== undefined) return cached;
    const names = new Set<string>();
    if (!existsSync(file) || visiting.has(file)) return names;
    visiting.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    for (const statement of source.statements) {
      if (ts.isExportDeclaration(statement)) {
        const clause = statement.exportClause;
        if (clause === undefined && statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier)) {
          const target = this.resolve(file, statement.moduleSpecifier.text);
          if (target !== undefined) for (const name of this.exportsOfFile(target, visiting)) if (name !== 'default') names.add(name);
        } else if (clause !== undefined && ts.isNamedExports(clause)) {
          for (const element of clause.elements) names.add(element.name.text);
        } else if (clause !== undefined && ts.isNamespaceExport(clause)) {
          names.add(clause.name.text);
        }
      } else if (ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
        if (ts.isVariableStatement(statement)) {
          for (const declaration of statement.declarationList.declarations) collectBindings(declaration.name, names);
        } else if ('name' in statement && statement.name !== undefined && ts.isIdentifier(statement.name as ts.Node)) {
          names.add((statement.name as ts.Identifier).text);
        }
      }
    }
    this.cache.set(file, names);
    return names;
  }

  private resolve(from: string, specifier: string): string | undefined {
    if (specifier.startsWith('@c8y/')) return this.entryFile(specifier);
    if (!specifier.startsWith('.')) return undefined;
    return path.resolve(path.dirname(from), specifier).replace(/\.js$/, '.d.ts');
  }

  private entryFile(entry: string): string | undefined {
    const match = /^@c8y\/([^/]+)(?:\/(.+))?$/.exec(entry);
    const folder = Object.entries(PACKAGES).find(([, packageName]) => packageName === `@c8y/${match?.[1]}`)?.[0];
    if (match === null || folder === undefined) return undefined;
    return path.join(this.root, 'packages', folder, 'dist', `${match[2] ?? 'index'}.d.ts`);
  }
}

/**
 * The package entries an example of `file` may use without importing them, in order of
 * preference: the package's own entries (`@c8y/model`, `@c8y/model/datetime`), its `@c8y`
 * dependencies, then the other published packages.
 */
export function entriesFor(root: string, file: DocFile): string[] {
  const all = Object.keys(PACKAGES).flatMap((folder) => packageEntries(root, folder));
  if (file.packageName === undefined) return all;
  const folder = Object.entries(PACKAGES).find(([, name]) => name === file.packageName)?.[0] ?? '';
  const manifest = readManifest(root, folder);
  const dependencies = Object.keys(manifest.dependencies ?? {}).flatMap((name) => {
    const dependency = Object.entries(PACKAGES).find(([, packageName]) => packageName === name)?.[0];
    return dependency === undefined ? [] : packageEntries(root, dependency);
  });
  return [...new Set([...packageEntries(root, folder), ...dependencies, ...all])];
}

function readManifest(root: string, folder: string): { name: string; exports?: Record<string, unknown>; dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(path.join(root, 'packages', folder, 'package.json'), 'utf8'));
}

function packageEntries(root: string, folder: string): string[] {
  const manifest = readManifest(root, folder);
  return Object.keys(manifest.exports ?? { '.': '' })
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
}

/**
 * The imports of a documented source file, by local name, as import declarations valid in the
 * generated file: a TSDoc example reads in the context of the module it documents (`v` for
 * valibot, the module's own helpers). Relative imports point at the built `dist` files.
 */
export function moduleImports(root: string, source: string, generatedDir: string): Map<string, string> {
  const text = readFileSync(path.join(root, source), 'utf8');
  const file = ts.createSourceFile(source, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const imports = new Map<string, string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.importClause === undefined) continue;
    const specifier = resolveSpecifier(root, source, statement.moduleSpecifier.text, generatedDir);
    const clause = statement.importClause;
    if (clause.name !== undefined) imports.set(clause.name.text, `import ${clause.name.text} from '${specifier}';`);
    const bindings = clause.namedBindings;
    if (bindings !== undefined && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, `import * as ${bindings.name.text} from '${specifier}';`);
    if (bindings !== undefined && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = element.propertyName?.getText(file) ?? element.name.text;
        const binding = imported === element.name.text ? imported : `${imported} as ${element.name.text}`;
        imports.set(element.name.text, `import { ${binding} } from '${specifier}';`);
      }
    }
  }
  return imports;
}

/** The module's own exports: `export` declarations of the documented file, for its examples. */
function internalExports(root: string, source: string, index: ExportIndex, generatedDir: string): Map<string, string> {
  const dist = source.replace(/\/src\//, '/dist/').replace(/\.ts$/, '');
  const specifier = toPosixRelative(path.relative(generatedDir, path.join(root, `${dist}.js`)));
  return new Map([...index.exportsOf(path.join(root, `${dist}.d.ts`))].map((name) => [name, `import { ${name} } from '${specifier}';`]));
}

function resolveSpecifier(root: string, source: string, specifier: string, generatedDir: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const target = path.join(root, path.dirname(source), specifier).replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`);
  return toPosixRelative(path.relative(generatedDir, target));
}

/** One generated file: an example with the imports and declarations it needs. */
export interface GeneratedExample {
  example: Example;
  /** Absolute path of the generated `.ts` file. */
  file: string;
  /** 0-based line of the generated file where the example's first line is. */
  headerLines: number;
  /** 0-based lines [from, to) that hold the class example a member example continues (checked in its own file). */
  contextLines: readonly [number, number];
  /** Uses Node.js globals (`process`, `Buffer`): compiled with `@types/node`. */
  node: boolean;
  /** Imports public package entries only (not a module's internals): compiles in a consumer project too. */
  portable: boolean;
}

const NODE_GLOBALS = new Set(['process', 'Buffer', 'require', '__dirname', '__filename', 'global']);

/** Where the free names of a documentation file's examples come from. */
export interface Scope {
  /** Package entries, in order of preference (see `entriesFor`). */
  entries: readonly string[];
  index: ExportIndex;
  /** TSDoc: the module's exports and imports, by local name, as import declarations. */
  module?: { exports: ReadonlyMap<string, string>; imports: ReadonlyMap<string, string> };
}

/** The code of `example`, with its top-level `import` lines taken out (replaced by empty lines). */
function splitImports(code: string): { imports: string[]; body: string } {
  const file = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines = code.split('\n');
  const imports: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    imports.push(statement.getText(file));
    const first = file.getLineAndCharacterOfPosition(statement.getStart(file)).line;
    const last = file.getLineAndCharacterOfPosition(statement.end).line;
    for (let line = first; line <= last; line++) lines[line] = '';
  }
  return { imports, body: lines.join('\n') };
}

function hasTopLevelExport(code: string): boolean {
  const file = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return file.statements.some(
    (statement) => ts.isExportDeclaration(statement) || ts.isExportAssignment(statement) || (ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)),
  );
}

/**
 * The generated file for one example: a comment naming its source, the imports and preamble
 * declarations its free names need, the example itself (a member's example in a block after its
 * class's first example, whose names it may use), and `export {}` (a module, so `await` works).
 *
 * Free names resolve, in this order, to: the preamble (`client`, …); for an example without
 * imports, the exports of the package entries in scope; for TSDoc, the documented module's own
 * exports and imports. Anything else is left to the compiler to report.
 */
export function renderExample(example: Example, scope: Scope, context?: Example): { text: string; headerLines: number; contextLines: readonly [number, number]; node: boolean; portable: boolean } {
  const wrap = context !== undefined && !hasTopLevelExport(example.code);
  const own = analyse(example.code);
  const { imports: hoisted, body } = wrap ? splitImports(example.code) : { imports: [], body: example.code };
  const contextCode = wrap ? context.code : '';
  const free = wrap ? analyse(`${contextCode}\n${example.code}`).free : own.free;
  const contextAnalysis = wrap ? analyse(contextCode) : { hasImports: false, free: new Set<string>(), topLevel: new Set<string>() };
  // A name is imported for the code that needs it, unless that code has imports (it is complete).
  const importable = (name: string): boolean => (own.free.has(name) && !own.hasImports) || (contextAnalysis.free.has(name) && !contextAnalysis.hasImports);

  const named = new Map<string, Set<string>>();
  const statements: string[] = [];
  const add = (specifier: string, name: string): void => {
    named.set(specifier, (named.get(specifier) ?? new Set<string>()).add(name));
  };
  const declarations: string[] = [];
  let portable = true;
  for (const name of [...free].sort()) {
    const preamble = PREAMBLE[name];
    if (preamble !== undefined) {
      for (const [typeName, specifier] of preamble.imports) add(specifier, `type ${typeName} as DocsCheck_${typeName}`);
      declarations.push(`declare const ${name}: ${preamble.imports.length > 0 ? `DocsCheck_${preamble.type}` : preamble.type};`);
      continue;
    }
    if (!importable(name)) continue;
    const library = LIBRARY_IMPORTS[name];
    if (library !== undefined) {
      statements.push(library);
      continue;
    }
    const entry = scope.entries.find((candidate) => scope.index.exportsOf(candidate).has(name));
    const local = scope.module?.exports.get(name) ?? scope.module?.imports.get(name);
    if (entry !== undefined) {
      add(entry, name);
    } else if (local !== undefined) {
      statements.push(local);
      if (/from '\./.test(local)) portable = false;
    }
  }
  const header = [`// ${example.source}:${example.lines[0] ?? 0}, example ${example.index}. Generated by @c8y/docs-check; do not edit.`];
  const seen = new Set<string>();
  for (const statement of [...hoisted, ...[...named].map(([specifier, names]) => `import { ${[...names].sort().join(', ')} } from '${specifier}';`), ...statements]) {
    if (!seen.has(statement)) header.push(statement);
    seen.add(statement);
  }
  header.push(...declarations);
  const lines = [...header];
  let contextLines: readonly [number, number] = [lines.length, lines.length];
  if (wrap) {
    const start = lines.length;
    lines.push(...contextCode.split('\n'), '{');
    contextLines = [start, lines.length];
  }
  const headerLines = lines.length;
  lines.push(...body.split('\n'));
  if (wrap) lines.push('}');
  lines.push('export {};', '');
  const code = wrap ? `${contextCode}\n${example.code}` : example.code;
  const node = [...free].some((name) => NODE_GLOBALS.has(name)) || /from\s+['"]node:/.test(code);
  return { text: lines.join('\n'), headerLines, contextLines, node, portable };
}

/** Compiler options of the examples: a strict consumer project that checks the packages' declarations too. */
export const EXAMPLE_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  skipLibCheck: false,
  esModuleInterop: true,
  forceConsistentCasingInFileNames: true,
  noEmit: true,
  types: [] as string[],
};

/**
 * Writes one `.ts` file per example of every documentation file into `outDir` (emptied first),
 * plus `tsconfig.json` (examples without Node.js globals) and `tsconfig.node.json` (with them,
 * `types: ['node']`), so `tsc -p <outDir>` reproduces the check.
 */
export function generateExamples(
  root: string,
  outDir: string,
  files: readonly DocFile[] = docFiles(root),
  { configs = true }: { configs?: boolean } = {},
): GeneratedExample[] {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const index = new ExportIndex(root);
  const generated: GeneratedExample[] = [];
  for (const file of files) {
    const examples = extractFile(root, file);
    if (examples.length === 0) continue;
    const dir = path.join(outDir, file.source);
    const scope: Scope = {
      entries: entriesFor(root, file),
      index,
      ...(file.kind === 'tsdoc' ? { module: { exports: internalExports(root, file.source, index, dir), imports: moduleImports(root, file.source, dir) } } : {}),
    };
    mkdirSync(dir, { recursive: true });
    for (const example of examples) {
      const rendered = renderExample(example, scope, contextFor(example, examples));
      const target = path.join(dir, `${String(example.index).padStart(3, '0')}.ts`);
      writeFileSync(target, rendered.text);
      generated.push({ example, file: target, ...rendered });
    }
  }
  if (configs) writeConfigs(outDir, generated);
  return generated;
}

/**
 * The example that a TSDoc example continues: examples of a class's members (and of the types
 * next to it) use the object a class example builds (`const user = await new User(…)`, then
 * `user.assignGroup(…)`). Candidates, in order: for a member, its class's example, then the other
 * class examples of the file (a subclass next to its base); for any other example, the file's class
 * examples, then the examples before it (nearest first). The first candidate that declares at its
 * top level a name the example uses and does not declare itself is the one.
 */
export function contextFor(example: Example, examples: readonly Example[]): Example | undefined {
  if (example.context?.role === 'class' || !example.source.endsWith('.ts')) return undefined;
  const { free } = analyse(example.code);
  const classExamples = examples.filter((candidate) => candidate.context?.role === 'class');
  const candidates =
    example.context?.role === 'member'
      ? [
          ...classExamples.filter((candidate) => candidate.context?.className === example.context?.className),
          ...classExamples.filter((candidate) => candidate.context?.className !== example.context?.className),
        ]
      : [...classExamples, ...examples.slice(0, Math.max(examples.indexOf(example), 0)).reverse()];
  return candidates.find((candidate) => candidate !== example && [...analyse(candidate.code).topLevel].some((name) => free.has(name)));
}

/** `tsconfig.json` (browser: no Node.js types) and `tsconfig.node.json` over the generated files. */
export function writeConfigs(outDir: string, generated: readonly GeneratedExample[], options: object = EXAMPLE_COMPILER_OPTIONS): void {
  const relative = (list: readonly GeneratedExample[]): string[] => list.map((item) => toPosixRelative(path.relative(outDir, item.file)));
  const config = (types: string[], list: readonly GeneratedExample[]): string =>
    `${JSON.stringify({ compilerOptions: { ...options, types }, files: relative(list) }, null, 2)}\n`;
  writeFileSync(path.join(outDir, 'tsconfig.json'), config([], generated.filter((item) => !item.node)));
  writeFileSync(path.join(outDir, 'tsconfig.node.json'), config(['node'], generated.filter((item) => item.node)));
}

function toPosixRelative(file: string): string {
  const posix = file.split(path.sep).join('/');
  return posix.startsWith('.') ? posix : `./${posix}`;
}
