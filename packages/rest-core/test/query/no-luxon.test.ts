import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// rest-core recognises luxon values by shape: no source file may import luxon, not even its
// types (the published .d.ts would then need @types/luxon, which rest-core does not depend on).
const srcDir = fileURLToPath(new URL('../../src', import.meta.url));
const sources = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
/** An import/export statement or a dynamic import() naming luxon; TSDoc examples (` * import …`) do not count. */
const LUXON_IMPORT = /^\s*(?:import|export)\b[^;]*?['"]luxon['"]|\bimport\(\s*['"]luxon['"]\s*\)/m;

describe('rest-core without luxon', () => {
  it('finds the sources and would see an import', () => {
    expect(sources).toContain('query/dates.ts');
    expect(LUXON_IMPORT.test("import type { DateTime } from 'luxon';")).toBe(true);
    expect(LUXON_IMPORT.test("import {\n  Duration,\n} from 'luxon';")).toBe(true);
    expect(LUXON_IMPORT.test(" * import { DateTime } from 'luxon';")).toBe(false);
  });

  it('no source file imports luxon', () => {
    expect(sources.filter((file) => LUXON_IMPORT.test(readFileSync(`${srcDir}/${file}`, 'utf8')))).toEqual([]);
  });

  it('luxon is not a runtime dependency', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Record<string, Record<string, string> | undefined>;
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain('luxon');
    expect(Object.keys(manifest.peerDependencies ?? {})).not.toContain('luxon');
  });
});
