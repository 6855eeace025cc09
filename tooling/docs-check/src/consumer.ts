import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileExamples, type DocError } from './check.js';
import { PACKAGES, docFiles } from './extract.js';
import { generateExamples, type GeneratedExample } from './generate.js';

/**
 * The consumer type test: the published packages as a user gets them. `pnpm pack` writes their
 * tarballs, a fresh project outside the workspace installs them (and nothing else of the
 * workspace), and its strict tsconfigs (`skipLibCheck: false`) compile the README and guide
 * examples and `consumer/checks.ts` (typed `map`, a filter misuse that must fail).
 */

/** One tsconfig of the consumer project and the files it compiles. */
export interface ConsumerConfig {
  name: string;
  compilerOptions: Record<string, unknown>;
  /** Which generated examples it compiles (all get `checks.ts` too). */
  examples: (example: GeneratedExample) => boolean;
  /** Also compile `consumer/checks.ts`. */
  checks: boolean;
}

const STRICT = { target: 'ES2022', strict: true, skipLibCheck: false, noEmit: true, forceConsistentCasingInFileNames: true };

export const CONSUMER_CONFIGS: readonly ConsumerConfig[] = [
  {
    // A Node.js project: NodeNext resolution, Node's types, the default lib (with DOM).
    name: 'tsconfig.nodenext.json',
    compilerOptions: { ...STRICT, module: 'NodeNext', moduleResolution: 'NodeNext', types: ['node'] },
    examples: () => true,
    checks: true,
  },
  {
    // A bundled (browser) app: bundler resolution, no Node.js types.
    name: 'tsconfig.bundler.json',
    compilerOptions: { ...STRICT, module: 'ESNext', moduleResolution: 'bundler', types: [] },
    examples: (example) => !example.node,
    checks: true,
  },
  {
    // Node.js without the DOM lib: the packages' declarations must not need DOM-only types.
    name: 'tsconfig.node-no-dom.json',
    compilerOptions: { ...STRICT, module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: ['node'] },
    examples: () => false,
    checks: true,
  },
];

/** The published packages: folder → package name (the emulator is not used by the examples). */
const PUBLISHED = Object.entries(PACKAGES);

function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

/** `pnpm pack` of every published package into `destination`; the tarball paths by package name. */
export function packPackages(root: string, destination: string): Map<string, string> {
  mkdirSync(destination, { recursive: true });
  const filters = PUBLISHED.flatMap(([, name]) => ['--filter', name]);
  run('pnpm', [...filters, 'pack', '--pack-destination', destination], root);
  const tarballs = new Map<string, string>();
  for (const [folder, name] of PUBLISHED) {
    const { version } = JSON.parse(readFileSync(path.join(root, 'packages', folder, 'package.json'), 'utf8')) as { version: string };
    const file = path.join(destination, `${name.replace('@', '').replace('/', '-')}-${version}.tgz`);
    if (!readdirSync(destination).includes(path.basename(file))) throw new Error(`pnpm pack wrote no ${path.basename(file)} into ${destination}`);
    tarballs.set(name, file);
  }
  return tarballs;
}

/** The version range the workspace uses for a third-party package (`luxon`, `@types/node`, …). */
function workspaceVersion(root: string, name: string): string {
  const manifests = [path.join(root, 'package.json'), ...PUBLISHED.map(([folder]) => path.join(root, 'packages', folder, 'package.json'))];
  for (const manifest of manifests) {
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const version = json.dependencies?.[name] ?? json.devDependencies?.[name];
    if (version !== undefined) return version;
  }
  throw new Error(`no version of ${name} in the workspace`);
}

/**
 * A project in `dir` that depends on the tarballs (overrides make the packages' dependencies on
 * each other use them too, never the registry) and on what the examples import besides them
 * (luxon and its types, Node's types), installed with pnpm from the local store.
 */
export function createConsumerProject(root: string, dir: string, tarballs: ReadonlyMap<string, string>): void {
  mkdirSync(dir, { recursive: true });
  const spec = (file: string): string => `file:${path.relative(dir, file).split(path.sep).join('/')}`;
  const dependencies: Record<string, string> = {};
  for (const [name, file] of tarballs) dependencies[name] = spec(file);
  for (const extra of ['luxon', '@types/luxon', '@types/node']) dependencies[extra] = workspaceVersion(root, extra);
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'c8y-consumer', private: true, type: 'module', dependencies }, null, 2)}\n`);
  const overrides = [...tarballs].map(([name, file]) => `  "${name}": "${spec(file)}"`).join('\n');
  writeFileSync(path.join(dir, 'pnpm-workspace.yaml'), `overrides:\n${overrides}\n`);
  run('pnpm', ['install', '--no-frozen-lockfile', '--prefer-offline', '--ignore-scripts', '--reporter=silent'], dir);
}

/**
 * Compiles the README and guide examples (generated into `<dir>/examples`) and `checks.ts` under
 * each consumer tsconfig; the errors, each prefixed with its config.
 */
export function compileConsumer(root: string, dir: string, examples: readonly GeneratedExample[]): DocError[] {
  const checks = path.join(dir, 'checks.ts');
  copyFileSync(path.join(root, 'tooling/docs-check/consumer/checks.ts'), checks);
  const errors: DocError[] = [];
  for (const config of CONSUMER_CONFIGS) {
    const files = [...examples.filter(config.examples).map((example) => example.file), ...(config.checks ? [checks] : [])];
    const relative = files.map((file) => `./${path.relative(dir, file).split(path.sep).join('/')}`);
    const configPath = path.join(dir, config.name);
    writeFileSync(configPath, `${JSON.stringify({ compilerOptions: config.compilerOptions, files: relative }, null, 2)}\n`);
    for (const error of compileExamples(configPath, examples, dir)) errors.push({ where: `${config.name}: ${error.where}`, message: error.message });
  }
  return errors;
}

/**
 * The whole consumer test in `workDir`: pack, install, generate the markdown examples into the
 * project (they import only the package names, as a user would), compile. Returns the errors,
 * the number of examples and the milliseconds each step took.
 */
export function checkConsumer(root: string, workDir: string): { errors: DocError[]; examples: number; timings: Record<string, number> } {
  const timings: Record<string, number> = {};
  let start = Date.now();
  const step = (name: string): void => {
    timings[name] = Date.now() - start;
    start = Date.now();
  };
  const tarballs = packPackages(root, path.join(workDir, 'tarballs'));
  step('pack');
  const app = path.join(workDir, 'app');
  createConsumerProject(root, app, tarballs);
  step('install');
  const examples = generateExamples(root, path.join(app, 'examples'), docFiles(root).filter((file) => file.kind === 'markdown'), { configs: false });
  const notPortable = examples.filter((example) => !example.portable);
  if (notPortable.length > 0) throw new Error(`examples that import package internals: ${notPortable.map((e) => e.example.source).join(', ')}`);
  step('generate');
  const errors = compileConsumer(root, app, examples);
  step('compile');
  return { errors, examples: examples.length, timings };
}
