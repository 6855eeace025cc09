import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatErrors } from '../src/check.js';
import { checkConsumer } from '../src/consumer.js';
import { KNOWN_CONSUMER_ISSUES, splitKnown } from '../src/known-issues.js';

// The consumer type test: `pnpm pack` of the published packages, a fresh project outside the
// workspace that installs the tarballs, and strict tsconfigs (skipLibCheck: false; NodeNext,
// bundler, Node without DOM) compiling the README and guide examples and consumer/checks.ts.

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('consumer project', () => {
  it('installs the packed tarballs and compiles the README examples and consumer/checks.ts', () => {
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'c8y-consumer-'));
    try {
      const { errors, examples, timings } = checkConsumer(root, workDir);
      console.log(`${examples} README and guide examples; ${Object.entries(timings).map(([step, ms]) => `${step} ${ms} ms`).join(', ')}`);
      expect(examples).toBeGreaterThan(20);
      const { unexpected, stale } = splitKnown(errors, KNOWN_CONSUMER_ISSUES);
      expect(formatErrors(unexpected)).toEqual([]);
      expect(stale.map((issue) => `no longer fails (remove it from KNOWN_CONSUMER_ISSUES): ${issue.where}: ${issue.message}`)).toEqual([]);
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }, 240_000);
});
