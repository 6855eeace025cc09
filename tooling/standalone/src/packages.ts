import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGES } from '../../docs-check/src/extract.js';

/**
 * The published packages are docs-check's (`tooling/docs-check/package.json`): both checks pack
 * the same set, and `test/packages.test.ts` keeps this package's dependencies (what turbo builds
 * before the test) equal to it.
 */
export const PUBLISHED: Readonly<Record<string, string>> = PACKAGES;

/**
 * Published packages without an example of their own: every context package installs and runs
 * them, which is how they are tested alone.
 */
export const DEPENDENCY_ONLY: readonly string[] = ['@c8y/rest-core', '@c8y/model', '@c8y/units'];

/** A published package as the workspace holds it. */
export interface WorkspacePackage {
  name: string;
  /** `packages/<folder>`, relative to the repository root. */
  folder: string;
  /** Its README, relative to the repository root. */
  readme: string;
  /** The `@c8y` packages it depends on (`dependencies`, not dev). */
  c8yDependencies: string[];
}

/** Every published package by name. */
export function workspacePackages(root: string): Map<string, WorkspacePackage> {
  const packages = new Map<string, WorkspacePackage>();
  for (const [folder, name] of Object.entries(PUBLISHED)) {
    const manifest = JSON.parse(readFileSync(path.join(root, 'packages', folder, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const c8yDependencies = Object.keys(manifest.dependencies ?? {}).filter((dependency) => dependency.startsWith('@c8y/'));
    packages.set(name, { name, folder: `packages/${folder}`, readme: `packages/${folder}/README.md`, c8yDependencies });
  }
  return packages;
}

/** `name` and every `@c8y` package it needs, directly or not, sorted. */
export function c8yClosure(name: string, packages: ReadonlyMap<string, WorkspacePackage>): string[] {
  const seen = new Set<string>();
  const visit = (current: string): void => {
    if (seen.has(current)) return;
    const found = packages.get(current);
    if (found === undefined) throw new Error(`${current} is not a published package (see tooling/docs-check/package.json)`);
    seen.add(current);
    found.c8yDependencies.forEach(visit);
  };
  visit(name);
  return [...seen].sort();
}
