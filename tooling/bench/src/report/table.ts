import type { ResultRow, ScenarioResult, Unit } from './result.js';

const grouped = (value: number, digits: number) => value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A value in its unit: `4,633 ms`, `12.4 MB`, `26.1 kB`. */
export function formatValue(value: number, unit: Unit): string {
  return `${grouped(value, unit === 'ms' && value >= 10 ? 0 : 1)} ${unit}`;
}

function formatRatio(ratio: number): string {
  return `${ratio >= 100 ? grouped(ratio, 0) : ratio.toFixed(2)}×`;
}

/** `10.6× faster`, `1.3× slower`, `2.0× less`, … (or `–` for `@c8y/client` itself). */
function formatVsOfficial(row: ResultRow, unit: Unit): string {
  if (row.vsOfficial === undefined || row.kind === 'official') return '–';
  const better = row.vsOfficial >= 1;
  const words: Record<Unit, [string, string]> = { ms: ['faster', 'slower'], MB: ['less', 'more'], kB: ['smaller', 'larger'] };
  const factor = better ? row.vsOfficial : 1 / row.vsOfficial;
  return `${formatRatio(factor)} ${words[unit][better ? 0 : 1]}`;
}

/** The results as one markdown table: scenario, contender, median, min–max, ratio to raw, vs `@c8y/client`, targets. */
export function resultsTable(results: readonly ScenarioResult[]): string {
  const lines = ['| scenario | contender | median | min–max | ratio to raw | vs @c8y/client | target |', '| --- | --- | ---: | ---: | ---: | ---: | --- |'];
  for (const result of results) {
    result.rows.forEach((row, index) => {
      const { median, min, max, runs } = row.stats;
      const range = runs > 1 ? `${grouped(min, result.unit === 'ms' && min >= 10 ? 0 : 1)}–${formatValue(max, result.unit)}` : '–';
      const targets = (row.targets ?? []).map((target) => `${target.met ? '✅' : '❌'} ${target.text}`).join('<br>');
      const ratio = row.toRaw === undefined || row.kind === 'raw' ? (row.kind === 'raw' ? '1.00×' : '–') : formatRatio(row.toRaw);
      lines.push(`| ${index === 0 ? `**${result.title}**` : ''} | ${row.contender} | ${formatValue(median, result.unit)} | ${range} | ${ratio} | ${formatVsOfficial(row, result.unit)} | ${targets} |`);
    });
  }
  return lines.join('\n');
}

/** What each scenario measured and the remarks under the table. */
export function scenarioNotes(results: readonly ScenarioResult[]): string {
  return results.map((result) => [`- **${result.title}**: ${result.setup}.`, ...result.notes.map((note) => `  ${note}`)].join('\n')).join('\n');
}
