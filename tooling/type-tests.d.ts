/** See type-tests.js. */
export function typeCheck(packageDir: string, files: readonly string[], virtualFiles?: Readonly<Record<string, string>>): string[];
export function typeTestFiles(packageDir: string, dir?: string, exclude?: readonly string[]): string[];
export function describeTypeTests(packageUrl: URL, mustInclude: readonly string[], canary?: { source: string; errors: readonly string[] }): void;
