import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ratioChart } from './report/chart.js';
import { updateReadme } from './report/readme.js';
import { describeMachine, machineLine } from './report/machine.js';
import type { ScenarioResult } from './report/result.js';
import { resultsTable, scenarioNotes } from './report/table.js';
import { bulkCreateScenario } from './scenarios/bulk-create.js';
import { bundleSizeScenario } from './scenarios/bundle-size.js';
import { coldStartScenario } from './scenarios/cold-start.js';
import { cpuPerObjectScenario } from './scenarios/cpu-per-object.js';
import { pagingScenario } from './scenarios/paging.js';
import { streamingMemoryScenario } from './scenarios/streaming-memory.js';
import { fullSizes, quickSizes, type BenchSizes } from './sizes.js';

// `pnpm bench [--quick] [--only paging,cpu,bulk,streaming,cold-start,bundle]`: this SDK, the
// official @c8y/client and a raw fetch baseline side by side, against the emulator in its own
// process. Prints a markdown table; writes it (and an SVG chart of the ratios) to results/.
// Benchmarks never fail a build: a failed scenario is reported and the exit code is 1.
const scenarios: Record<string, (sizes: BenchSizes) => Promise<ScenarioResult>> = {
  paging: pagingScenario,
  cpu: cpuPerObjectScenario,
  bulk: bulkCreateScenario,
  streaming: streamingMemoryScenario,
  'cold-start': coldStartScenario,
  bundle: bundleSizeScenario,
};

// A signal ends the run through process.exit, so that 'exit' listeners stop the emulator processes.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const selected = values.only?.split(',').map((name) => name.trim()) ?? Object.keys(scenarios);
const unknown = selected.filter((name) => !(name in scenarios));
if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${Object.keys(scenarios).join(', ')}`);

const machine = describeMachine();
const sizes = values.quick ? quickSizes : fullSizes;
const started = performance.now();
const results: ScenarioResult[] = [];
const failures: string[] = [];
for (const name of selected) {
  const scenarioStart = performance.now();
  process.stderr.write(`bench: ${name}…`);
  try {
    results.push(await (scenarios[name] as (sizes: BenchSizes) => Promise<ScenarioResult>)(sizes));
    process.stderr.write(` ${((performance.now() - scenarioStart) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    process.stderr.write(' FAILED\n');
    failures.push(`- **${name}** failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
const seconds = (performance.now() - started) / 1000;

const mode = values.quick ? 'quick (`pnpm bench --quick`, smaller sizes)' : 'full (`pnpm bench`)';
const date = new Date().toISOString().slice(0, 10);
const name = values.quick ? 'quick' : values.only ? 'partial' : 'latest';
const markdown = [
  `# Benchmark results — ${date}, ${mode}`,
  '',
  `Machine: ${machineLine(machine)}. The whole run took ${seconds.toFixed(0)} s.`,
  '',
  ...((machine.loadAtStart[0] ?? 0) > machine.cores / 2
    ? [
        `**The machine was busy** (load average ${(machine.loadAtStart[0] ?? 0).toFixed(1)} on ${machine.cores} cores when the run started): other processes took CPU from the client and the emulator, so the times and ratios are noisier than on a quiet machine — compare the client CPU notes, which the load disturbs much less.`,
        '',
      ]
    : []),
  'Medians of runs in which the contenders take turns after warm-up; the emulator runs in its own process. ' +
    '"ratio to raw": median ÷ the raw baseline (plain `fetch` + `JSON.parse`, the same requests at the same concurrency) — the limit on this machine. ' +
    '"vs @c8y/client": how many times better than the official client.' +
    (values.quick ? ' The targets are stated for the full sizes; at these smaller ones some cannot be met (the run only keeps the bench from rotting).' : ''),
  '',
  resultsTable(results),
  '',
  `![ratios](${name}.svg)`,
  '',
  scenarioNotes(results),
  ...results.flatMap((result) => (result.profile ? ['', `### Profile: ${result.title}`, '', result.profile] : [])),
  ...(failures.length > 0 ? ['', '### Failed scenarios', '', ...failures] : []),
  '',
].join('\n');

const resultsDir = new URL('../results/', import.meta.url);
await mkdir(resultsDir, { recursive: true });
await writeFile(new URL(`${name}.md`, resultsDir), markdown);
await writeFile(new URL(`${name}.svg`, resultsDir), ratioChart(results, `${date} · ${machine.cpu}, ${machine.cores} cores · Node ${machine.node} · ${values.quick ? 'quick' : 'full'} run`));
if (name === 'latest') await updateReadme(markdown);
process.stdout.write(markdown);
process.stderr.write(`bench: wrote tooling/bench/results/${name}.md and ${name}.svg\n`);
if (failures.length > 0) process.exitCode = 1;
