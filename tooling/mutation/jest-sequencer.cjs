'use strict';
// A jest test sequencer used only under StrykerJS (see stryker.base.mjs), never by `pnpm test`.
//
// For each mutant the Stryker jest runner starts jest with --findRelatedTests <mutated file> and a
// testNamePattern naming the tests that cover the mutant (perTest coverage). Jest would still load
// every related test file to find those tests, and with native ESM each load re-links the whole
// module graph: for a mutant in client/ that is ~40 files, most of a second each. This sequencer
// keeps only the files that hold a test the pattern matches.
//
// Which tests a file holds is learned from the dry run (the first run, without a pattern), whose
// results it writes next to the jest config in the sandbox, so every test runner process (also one
// restarted after a timeout) reads the same map. A file it knows nothing about is always kept, and
// without a pattern nothing is dropped: the filter can only skip files in which jest would skip
// every test anyway (jest matches testNamePattern case-insensitively against the full test name;
// so does this).
const fs = require('node:fs');
const path = require('node:path');

const mapFileName = '.stryker-tests-by-file.json';

class StrykerTestSequencer {
  constructor({ contexts, globalConfig }) {
    this.globalConfig = globalConfig;
    const rootDir = contexts?.[0]?.config?.rootDir ?? globalConfig.rootDir ?? process.cwd();
    this.mapFile = path.join(rootDir, mapFileName);
  }

  readMap() {
    try {
      return JSON.parse(fs.readFileSync(this.mapFile, 'utf8'));
    } catch {
      return undefined;
    }
  }

  shard(tests) {
    return tests;
  }

  sort(tests) {
    const pattern = this.globalConfig.testNamePattern;
    if (!pattern) return tests;
    const namesByFile = this.readMap();
    if (!namesByFile) return tests;
    const matcher = new RegExp(pattern, 'i');
    return tests.filter((test) => {
      const names = namesByFile[test.path];
      return names === undefined || names.some((name) => matcher.test(name));
    });
  }

  allFailedTests(tests) {
    return tests;
  }

  cacheResults(_tests, results) {
    if (this.globalConfig.testNamePattern) return;
    const namesByFile = this.readMap() ?? {};
    for (const file of results.testResults) {
      namesByFile[file.testFilePath] = file.testResults.map((test) => test.fullName);
    }
    fs.writeFileSync(this.mapFile, JSON.stringify(namesByFile));
  }
}

module.exports = StrykerTestSequencer;
