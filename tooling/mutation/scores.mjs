// Mutation scores per source folder, from a StrykerJS JSON report (mutation-testing-elements schema),
// and the committed scores (packages/<pkg>/mutation-scores.json) that CI compares against.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The packages under mutation testing, by directory name under packages/. */
export const mutationPackages = ['rest-core', 'model'];

export const packageDir = (pkg) => path.join(repoRoot, 'packages', pkg);
export const scoresFile = (pkg) => path.join(packageDir(pkg), 'mutation-scores.json');

/** 'src/retry/decide-retry.ts' → 'retry'; a file directly in src/ has no folder (undefined). */
export function folderOf(file) {
  const parts = file.split(/[\\/]/);
  const src = parts.indexOf('src');
  return src >= 0 && parts.length > src + 2 ? parts[src + 1] : undefined;
}

const round2 = (value) => Math.round(value * 100) / 100;

/** Counts and scores of a list of mutant results (the same formulas as Stryker's own table). */
export function scoreOf(mutants) {
  const count = (...statuses) => mutants.filter((mutant) => statuses.includes(mutant.status)).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const detected = killed + timeout;
  const valid = detected + survived + noCoverage;
  return {
    mutationScore: valid ? round2((detected / valid) * 100) : null,
    coveredScore: detected + survived ? round2((detected / (detected + survived)) * 100) : null,
    mutants: mutants.length,
    killed,
    timeout,
    survived,
    noCoverage,
    compileErrors: count('CompileError'),
    runtimeErrors: count('RuntimeError'),
    ignored: count('Ignored'),
  };
}

/** folder → score over every file of the report under src/<folder>/. */
export function folderScores(report) {
  const byFolder = new Map();
  for (const [file, result] of Object.entries(report.files)) {
    const folder = folderOf(file);
    if (folder === undefined) continue;
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), ...result.mutants]);
  }
  return new Map([...byFolder].map(([folder, mutants]) => [folder, scoreOf(mutants)]));
}

/** Mutants of the report with one of the statuses, as `file:line:column mutator → replacement`. */
export function mutantsWithStatus(report, statuses, fileFilter = () => true) {
  const lines = [];
  for (const [file, result] of Object.entries(report.files)) {
    if (!fileFilter(file)) continue;
    for (const mutant of result.mutants) {
      if (!statuses.includes(mutant.status)) continue;
      const { line, column } = mutant.location.start;
      const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80);
      lines.push({ file, line, column, status: mutant.status, mutator: mutant.mutatorName, replacement });
    }
  }
  return lines.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** The committed scores: folder → { mutationScore, coveredScore }. Keys starting with '$' are notes. */
export function readCommittedScores(pkg) {
  if (!fs.existsSync(scoresFile(pkg))) return {};
  const json = JSON.parse(fs.readFileSync(scoresFile(pkg), 'utf8'));
  return Object.fromEntries(Object.entries(json).filter(([key]) => !key.startsWith('$')));
}
