import { readFileSync } from 'node:fs';
import path from 'node:path';
import { c8yClosure, workspacePackages, type WorkspacePackage } from './packages.js';
import { findStandaloneExample, installedByReadme, type StandaloneExample } from './readme-example.js';

/** One package's standalone check: what to install and what to run. */
export interface StandaloneCase {
  package: WorkspacePackage;
  example: StandaloneExample;
  /** What the README tells a user to install: the project's dependencies. */
  dependencies: string[];
  /** Every `@c8y` package those need: the tarballs the project may contain. */
  closure: string[];
}

/** The published packages whose README marks a standalone example, by name. */
export function standaloneCases(root: string): StandaloneCase[] {
  const packages = workspacePackages(root);
  return [...packages.values()].flatMap((pkg) => {
    const text = readFileSync(path.join(root, pkg.readme), 'utf8');
    const example = findStandaloneExample(pkg.readme, text);
    if (example === undefined) return [];
    const dependencies = installedByReadme(pkg.readme, text);
    const closure = [...new Set(dependencies.flatMap((name) => c8yClosure(name, packages)))].sort();
    return [{ package: pkg, example, dependencies, closure }];
  });
}
