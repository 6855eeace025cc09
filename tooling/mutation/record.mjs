#!/usr/bin/env node
// Records the mutation scores of a run as the committed ones, and mirrors them in the package README.
//
//   node tooling/mutation/record.mjs <package> [--report <mutation.json>] <folder>...
//
// <package> is rest-core or model; the report defaults to the package's last run
// (packages/<package>/reports/mutation/mutation.json, written by `pnpm test:mutation`). Each named
// folder's entry in packages/<package>/mutation-scores.json is replaced; the other entries stay.
// The table between the mutation-scores markers in the package README is rewritten from the file.
import fs from 'node:fs';
import path from 'node:path';
import { folderScores, mutationPackages, packageDir, scoresFile } from './scores.mjs';

const args = process.argv.slice(2);
const pkg = args.shift();
let reportFile;
const folders = [];
while (args.length) {
  const arg = args.shift();
  if (arg === '--report') reportFile = args.shift();
  else folders.push(arg);
}
if (!mutationPackages.includes(pkg) || folders.length === 0) {
  console.error(`usage: node tooling/mutation/record.mjs <${mutationPackages.join('|')}> [--report <mutation.json>] <folder>...`);
  process.exit(2);
}
reportFile ??= path.join(packageDir(pkg), 'reports/mutation/mutation.json');
const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
const scores = folderScores(report);

const file = scoresFile(pkg);
const committed = fs.existsSync(file)
  ? JSON.parse(fs.readFileSync(file, 'utf8'))
  : {
      $comment:
        'Mutation score (%) per src folder, from StrykerJS (tooling/mutation). CI (tooling/mutation/changed.mjs) fails when a folder a change touched scores below its mutationScore here. Written by tooling/mutation/record.mjs; mirrored in README.md.',
    };
for (const folder of folders) {
  const score = scores.get(folder);
  if (!score || score.mutationScore === null) {
    console.error(`no scored mutants under src/${folder}/ in ${reportFile}`);
    process.exit(1);
  }
  const { mutationScore, coveredScore, killed, timeout, survived, noCoverage, compileErrors, runtimeErrors } = score;
  committed[folder] = { mutationScore, coveredScore, killed, timeout, survived, noCoverage, compileErrors, runtimeErrors };
  console.log(`${pkg} ${folder}: mutation score ${mutationScore} %, covered ${coveredScore} %`);
}
const ordered = Object.fromEntries(
  Object.entries(committed).sort(([a], [b]) => (a.startsWith('$') ? -1 : b.startsWith('$') ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(file, `${JSON.stringify(ordered, null, 2)}\n`);

// The README mirror: only the lines between the markers change.
const readme = path.join(packageDir(pkg), 'README.md');
const begin = '<!-- mutation-scores:begin -->';
const end = '<!-- mutation-scores:end -->';
const text = fs.readFileSync(readme, 'utf8');
const from = text.indexOf(begin);
const to = text.indexOf(end);
if (from >= 0 && to > from) {
  const rows = Object.entries(ordered)
    .filter(([key]) => !key.startsWith('$'))
    .map(
      ([folder, s]) =>
        `| \`src/${folder}\` | ${s.mutationScore.toFixed(2)} % | ${s.coveredScore.toFixed(2)} % | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.compileErrors + (s.runtimeErrors ?? 0)} |`,
    );
  const table = [
    '| Folder | Mutation score | Covered score | Killed | Timeout | Survived | No coverage | Errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  fs.writeFileSync(readme, `${text.slice(0, from + begin.length)}\n${table}\n${text.slice(to)}`);
  console.log(`README table updated: ${path.relative(process.cwd(), readme)}`);
} else {
  console.log(`no ${begin} … ${end} section in ${readme}; README not updated`);
}
