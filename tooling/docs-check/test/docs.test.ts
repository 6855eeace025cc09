import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDocs, formatErrors } from '../src/check.js';
import { KNOWN_DOC_ISSUES, splitKnown } from '../src/known-issues.js';

// Every ```ts block of the READMEs and guides, and every TSDoc @example of rest-core, model,
// units and alarms, compiled against the built packages (strict, skipLibCheck: false). A failure
// lists file:line (example n) and the TypeScript error; the generated files are in
// generated/docs (`tsc -p generated/docs` reproduces it). See README.md.

const root = fileURLToPath(new URL('../../..', import.meta.url));
const generated = fileURLToPath(new URL('../generated', import.meta.url));

describe('documentation examples', () => {
  it('compile', () => {
    // A folder of this run's own (runs may overlap), kept afterwards as generated/docs.
    mkdirSync(generated, { recursive: true });
    const outDir = mkdtempSync(path.join(generated, 'docs-'));
    let result: ReturnType<typeof checkDocs>;
    try {
      result = checkDocs(root, outDir);
    } finally {
      rmSync(path.join(generated, 'docs'), { recursive: true, force: true });
      renameSync(outDir, path.join(generated, 'docs'));
    }
    const { errors, examples, timings } = result;
    const sources = new Set(examples.map((example) => example.example.source));
    console.log(`${examples.length} examples from ${sources.size} files; generated in ${timings.generate} ms, compiled in ${timings.compile} ms`);
    // The extraction found the docs (a broken extractor must not pass by finding nothing).
    for (const doc of ['README.md', 'packages/rest-core/README.md', 'packages/rest-core/docs/paging-and-bulk.md', 'packages/model/README.md', 'packages/units/README.md', 'packages/alarms/README.md', 'packages/alarms/src/alarms.ts', 'packages/model/src/objects/managed-object.ts']) {
      expect(sources).toContain(doc);
    }
    expect(examples.length).toBeGreaterThan(500);
    const { unexpected, stale } = splitKnown(errors, KNOWN_DOC_ISSUES);
    expect(formatErrors(unexpected)).toEqual([]);
    expect(stale.map((issue) => `no longer fails (remove it from KNOWN_DOC_ISSUES): ${issue.where}: ${issue.message}`)).toEqual([]);
  }, 180_000);
});
