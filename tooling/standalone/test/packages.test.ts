import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { c8yClosure, DEPENDENCY_ONLY, PUBLISHED, workspacePackages } from '../src/packages.js';
import { standaloneCases } from '../src/standalone.js';

// Which packages the standalone test covers, and that each project installs only its own.

const root = fileURLToPath(new URL('../../..', import.meta.url));
const packages = workspacePackages(root);
const cases = standaloneCases(root);

describe('coverage', () => {
  it('depends on every published package, so turbo builds them before the test', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(Object.values(PUBLISHED).sort());
  });

  it('has a standalone example for every published package that is not only a dependency', () => {
    const covered = cases.map((c) => c.package.name);
    const missing = [...packages.keys()].filter((name) => !DEPENDENCY_ONLY.includes(name) && !covered.includes(name));
    expect(missing.map((name) => `${packages.get(name)?.readme}: no example marked <!-- standalone -->`)).toEqual([]);
  });

  it('reaches every dependency-only package through some context package', () => {
    const reached = new Set(cases.flatMap((c) => c.closure));
    expect(DEPENDENCY_ONLY.filter((name) => !reached.has(name))).toEqual([]);
  });

  it.each(cases.map((c) => [c.package.name, c] as const))('%s: the README installs the package and only @c8y packages it depends on', (name, c) => {
    expect(c.dependencies).toContain(name);
    const own = c8yClosure(name, packages);
    expect(c.dependencies.filter((dependency) => !own.includes(dependency))).toEqual([]);
  });
});

describe('c8yClosure', () => {
  it('follows dependencies of dependencies', () => {
    expect(c8yClosure('@c8y/alarms', packages)).toEqual(['@c8y/alarms', '@c8y/model', '@c8y/rest-core', '@c8y/units']);
    expect(c8yClosure('@c8y/units', packages)).toEqual(['@c8y/units']);
  });

  it('names a package that is not published', () => {
    expect(() => c8yClosure('@c8y/nope', packages)).toThrow('@c8y/nope is not a published package');
  });
});
