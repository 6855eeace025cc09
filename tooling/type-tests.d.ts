/** See type-tests.js. */
export function typeCheck(packageDir: string, files: readonly string[], virtualFiles?: Readonly<Record<string, string>>): string[];
export function typeTestFiles(packageDir: string, dir?: string, exclude?: readonly string[]): string[];
