#!/usr/bin/env node
// CI step: mutation testing of the source files a change touched, compared per folder with the
// committed scores (packages/<pkg>/mutation-scores.json).
//
//   MUTATION_BASE=<rev> node tooling/mutation/changed.mjs     (default base: HEAD~1)
//
// 1. `git diff --name-only <base>...HEAD` under packages/rest-core/src and packages/model/src.
//    Files in folders without a committed score, and files directly in src/, are listed and skipped.
//    Nothing left → a clear "skipped" message, exit 0.
// 2. Per package, one Stryker run that mutates only those files (concurrency 2), incremental from
//    a copy of the committed stryker-incremental.json: mutants whose code and covering tests did not
//    change reuse their recorded result, and the other files of each folder keep theirs, so the
//    folder score is complete without a full run. The repository is not written to (report and
//    incremental file go to a temporary folder).
// 3. Each touched folder's mutation score must be ≥ its committed score, else exit 1 with the
//    surviving mutants of the touched files.
//
// Bounded: all runs together get MUTATION_BUDGET_SECONDS (default 480). A run still going then is
// stopped and its folders are reported as NOT CHECKED (exit 0, unless MUTATION_STRICT=1): refresh the
// committed incremental file with `pnpm test:mutation` in the package, and the next run reuses it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { folderOf, folderScores, mutantsWithStatus, mutationPackages, packageDir, readCommittedScores, repoRoot } from './scores.mjs';

const base = process.env.MUTATION_BASE || 'HEAD~1';
const budgetMs = Number(process.env.MUTATION_BUDGET_SECONDS || 480) * 1000;
const strict = process.env.MUTATION_STRICT === '1';
const log = (line = '') => console.log(`mutation: ${line}`);

const git = (...args) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
if (git('rev-parse', '--verify', '--quiet', `${base}^{commit}`).status !== 0) {
  log(`base ${base} is not a commit here (first commit or shallow clone): skipped.`);
  process.exit(0);
}
const diff = git('diff', '--name-only', `${base}...HEAD`, '--', ...mutationPackages.map((pkg) => `packages/${pkg}/src`));
if (diff.status !== 0) {
  console.error(diff.stderr);
  process.exit(1);
}
const changed = diff.stdout.split('\n').filter(Boolean);

/** pkg → { files: src-relative paths to mutate, folders: touched scored folders } */
const plan = new Map();
const unscored = [];
for (const file of changed) {
  const pkg = mutationPackages.find((name) => file.startsWith(`packages/${name}/src/`));
  const rel = file.slice(`packages/${pkg}/`.length);
  const folder = folderOf(rel);
  const committed = readCommittedScores(pkg);
  if (folder === undefined || !(folder in committed)) {
    unscored.push(file);
    continue;
  }
  const entry = plan.get(pkg) ?? { files: [], folders: new Set(), committed };
  entry.folders.add(folder);
  const mutable = /\.ts$/.test(rel) && !/\.d\.ts$/.test(rel) && !/(^|\/)index\.ts$/.test(rel);
  if (mutable && fs.existsSync(path.join(packageDir(pkg), rel))) entry.files.push(rel);
  plan.set(pkg, entry);
}
if (unscored.length) log(`changed, but in no scored folder (not checked): ${unscored.join(', ')}`);
if (plan.size === 0) {
  log(`no change since ${base} in a scored folder of ${mutationPackages.map((pkg) => `packages/${pkg}/src`).join(' or ')}: skipped.`);
  process.exit(0);
}

const started = Date.now();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mutation-changed-'));
let failed = false;
let unchecked = false;

for (const [pkg, { files, folders, committed }] of plan) {
  const dir = packageDir(pkg);
  const remaining = budgetMs - (Date.now() - started);
  const folderList = [...folders].map((folder) => `src/${folder}`).join(', ');
  if (remaining <= 0) {
    log(`${pkg}: NOT CHECKED (${folderList}): the time budget is used up.`);
    unchecked = true;
    continue;
  }
  const incremental = path.join(work, `${pkg}-incremental.json`);
  const committedIncremental = path.join(dir, 'stryker-incremental.json');
  if (fs.existsSync(committedIncremental)) fs.copyFileSync(committedIncremental, incremental);
  else log(`${pkg}: no committed stryker-incremental.json: every mutant of the touched files runs.`);
  const reportFile = path.join(work, `${pkg}-mutation.json`);
  const configFile = path.join(work, `${pkg}.stryker.config.mjs`);
  // The package's own config, narrowed: relative options (sandbox, tsconfig, jest config) still
  // resolve from the package directory, Stryker's working directory.
  fs.writeFileSync(
    configFile,
    `import config from ${JSON.stringify(pathToFileURL(path.join(dir, 'stryker.config.mjs')).href)};
export default {
  ...config,
  mutate: ${JSON.stringify(files)},
  incrementalFile: ${JSON.stringify(incremental)},
  reporters: ['json', 'progress'],
  jsonReporter: { fileName: ${JSON.stringify(reportFile)} },
  concurrency: 2,
};
`,
  );
  log(`${pkg}: ${folderList} touched; mutating ${files.length ? files.join(', ') : 'no file (only deletions or index files)'}`);
  let exitCode;
  if (files.length) {
    const stryker = path.join(repoRoot, 'node_modules/.bin/stryker');
    exitCode = await runBounded(stryker, ['run', configFile], dir, remaining);
    const left = budgetMs - (Date.now() - started);
    if (exitCode !== 0 && exitCode !== 'timeout' && left > 0) {
      // A timing-sensitive test can fail once on a busy machine, and one failed test in Stryker's
      // initial run stops the whole run: one more try, inside the same budget.
      log(`${pkg}: Stryker failed (exit ${exitCode}); trying once more.`);
      exitCode = await runBounded(stryker, ['run', configFile], dir, left);
    }
    if (exitCode === 'timeout') {
      log(`${pkg}: NOT CHECKED (${folderList}): Stryker did not finish within the ${budgetMs / 1000} s budget and was stopped.`);
      log(`  Run \`pnpm test:mutation\` in packages/${pkg} and commit its stryker-incremental.json (and any score change): the next run then reuses those results.`);
      unchecked = true;
      continue;
    }
    if (exitCode !== 0) {
      log(`${pkg}: Stryker failed (exit ${exitCode}); see its output above.`);
      failed = true;
      continue;
    }
  } else if (fs.existsSync(committedIncremental)) {
    // Nothing to mutate (deletions, index files): the committed results of the files still there.
    const recorded = JSON.parse(fs.readFileSync(committedIncremental, 'utf8'));
    const files = Object.entries(recorded.files).filter(([file]) => fs.existsSync(path.join(dir, file)));
    fs.writeFileSync(reportFile, JSON.stringify({ ...recorded, files: Object.fromEntries(files) }));
  } else {
    log(`${pkg}: nothing to mutate and no recorded results: ${folderList} not checked.`);
    continue;
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  if (fs.existsSync(committedIncremental)) alignIgnored(report, JSON.parse(fs.readFileSync(committedIncremental, 'utf8')));
  const scores = folderScores(report);
  log(`${pkg}: folder               committed    now      covered`);
  for (const folder of folders) {
    const was = committed[folder].mutationScore;
    const now = scores.get(folder);
    const nowScore = now?.mutationScore ?? null;
    const ok = nowScore === null || nowScore >= was;
    log(
      `${pkg}:   src/${folder.padEnd(15)} ${`${was.toFixed(2)} %`.padStart(9)} ${nowScore === null ? '     n/a' : `${nowScore.toFixed(2)} %`.padStart(9)}  ${now?.coveredScore == null ? '' : `${now.coveredScore.toFixed(2)} %`}  ${ok ? 'ok' : 'DROPPED'}`,
    );
    if (!ok) {
      failed = true;
      const touched = new Set(files);
      const survivors = mutantsWithStatus(report, ['Survived', 'NoCoverage'], (file) => touched.has(file) && folderOf(file) === folder);
      for (const m of survivors) log(`    ${m.status} ${m.file}:${m.line}:${m.column} ${m.mutator} → ${m.replacement}`);
      log(`    src/${folder} scores below its committed ${was.toFixed(2)} %: add tests that kill the mutants above (or, if the drop is accepted, record it: node tooling/mutation/record.mjs ${pkg} ${folder}).`);
    }
  }
}
fs.rmSync(work, { recursive: true, force: true });
log(`done in ${Math.round((Date.now() - started) / 1000)} s.`);
if (failed) process.exit(1);
if (unchecked && strict) process.exit(1);

/**
 * Stryker leaves out a static mutant (module-level code such as a constant table) only when no test
 * also reaches it while running ("hybrid"), and which test files take part depends on the files
 * mutated: the same unchanged mutant can be Ignored in the full run and tested in a narrow one, or
 * the other way round. For code that did not change (same file, line text, column, mutator and
 * replacement) the committed decision holds, so a score moves only with the code and the tests.
 */
function alignIgnored(report, committed) {
  const keyOf = (file, source, mutant) => {
    const line = source.split('\n')[mutant.location.start.line - 1] ?? '';
    return [file, line.trim(), line.length - line.trimStart().length - mutant.location.start.column, mutant.mutatorName, mutant.replacement ?? ''].join('\0');
  };
  const recorded = new Map();
  for (const [file, result] of Object.entries(committed.files)) {
    for (const mutant of result.mutants) recorded.set(keyOf(file, result.source, mutant), mutant);
  }
  for (const [file, result] of Object.entries(report.files)) {
    for (const mutant of result.mutants) {
      const before = recorded.get(keyOf(file, result.source, mutant));
      if (before === undefined) continue;
      if (before.status === 'Ignored' && mutant.status !== 'Ignored') mutant.status = 'Ignored';
      else if (mutant.status === 'Ignored' && before.status !== 'Ignored') mutant.status = before.status;
    }
  }
}

/** Runs a command in its own process group; stops the whole group when the time is up. */
function runBounded(command, args, cwd, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', detached: true });
    let timedOut = false;
    const stop = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop('SIGTERM');
      setTimeout(() => stop('SIGKILL'), 10_000).unref();
    }, timeoutMs);
    const forward = () => {
      stop('SIGTERM');
      process.exit(1);
    };
    process.once('SIGTERM', forward);
    process.once('SIGINT', forward);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGTERM', forward);
      process.off('SIGINT', forward);
      resolve(timedOut ? 'timeout' : (code ?? (signal ? 128 : 1)));
    });
  });
}
