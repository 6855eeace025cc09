import type { ContenderKind, ResultRow, ScenarioResult } from './result.js';

const COLORS: Record<ContenderKind, string> = { sdk: '#2563eb', official: '#ea580c', raw: '#6b7280' };
const LABEL_WIDTH = 360;
const PANEL_WIDTH = 250;
const GAP = 40;
const ROW = 18;
const TOP = 58;

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const fixed = (value: number) => (value >= 10 ? value.toFixed(0) : value.toFixed(2));
/** Tick labels: `0.5×`, `1×`, `20×`. */
const tickLabel = (tick: number) => `${Number(tick.toPrecision(1))}×`;
/** The least room between two tick labels, in px. */
const TICK_SPACING = 30;

/** A horizontal log-scale axis for ratios, 1× marked; bars grow from 1× towards the value. */
class LogPanel {
  private readonly lo: number;
  private readonly hi: number;

  constructor(
    private readonly left: number,
    values: readonly number[],
  ) {
    this.lo = Math.min(0.8, ...values.map((v) => v / 1.25));
    this.hi = Math.max(1.5, ...values.map((v) => v * 1.6));
  }

  x(value: number): number {
    const { lo, hi } = this;
    return this.left + ((Math.log(value) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))) * PANEL_WIDTH;
  }

  /** Grid lines and tick labels at 1-2-5 steps inside the domain. */
  axis(height: number): string {
    const ticks: number[] = [];
    for (let decade = 1e-3; decade <= 1e4; decade *= 10) for (const step of [1, 2, 5]) ticks.push(decade * step);
    // Decades first, then 2 and 5 where there is room for their labels.
    const inside = ticks.filter((tick) => tick >= this.lo && tick <= this.hi);
    const shown: number[] = [];
    for (const step of [1, 5, 2])
      for (const tick of inside.filter((t) => Math.round(Number(t.toPrecision(1)) / 10 ** Math.floor(Math.log10(t) + 1e-9)) === step))
        if (shown.every((other) => Math.abs(this.x(other) - this.x(tick)) >= TICK_SPACING)) shown.push(tick);
    return shown
      .map((tick) => {
        const x = this.x(tick).toFixed(1);
        const stroke = tick === 1 ? '#111827' : '#e5e7eb';
        return `<line x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${height - 20}" stroke="${stroke}"/><text x="${x}" y="${height - 6}" text-anchor="middle" class="tick">${tickLabel(tick)}</text>`;
      })
      .join('');
  }

  bar(value: number | undefined, y: number, color: string, label: string): string {
    if (value === undefined || !Number.isFinite(value) || value <= 0) return '';
    const from = this.x(1);
    const to = this.x(value);
    const x = Math.min(from, to);
    const width = Math.max(1, Math.abs(to - from));
    const textX = value >= 1 ? to + 3 : to - 3;
    const anchor = value >= 1 ? 'start' : 'end';
    return `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${width.toFixed(1)}" height="${ROW - 6}" fill="${color}"/><text x="${textX.toFixed(1)}" y="${y + ROW - 5}" text-anchor="${anchor}" class="value">${label}</text>`;
  }
}

/**
 * An SVG bar chart of the results' ratios, one line per contender, grouped by scenario: on the
 * left the ratio to the raw baseline (lower is better, 1× is the limit), on the right how many
 * times better than `@c8y/client` (higher is better). Both axes are logarithmic.
 */
export function ratioChart(results: readonly ScenarioResult[], caption: string): string {
  const lines: ({ kind: 'title'; text: string } | { kind: 'row'; row: ResultRow })[] = [];
  for (const result of results) {
    lines.push({ kind: 'title', text: `${result.title} (${result.unit})` });
    for (const row of result.rows) lines.push({ kind: 'row', row });
  }
  const height = TOP + lines.length * ROW + 28;
  const width = LABEL_WIDTH + 2 * PANEL_WIDTH + GAP + 70;
  const rows = lines.flatMap((line) => (line.kind === 'row' ? [line.row] : []));
  const toRaw = new LogPanel(LABEL_WIDTH, rows.flatMap((row) => (row.toRaw === undefined ? [] : [row.toRaw])));
  const vsOfficial = new LogPanel(LABEL_WIDTH + PANEL_WIDTH + GAP, rows.flatMap((row) => (row.vsOfficial === undefined || row.kind === 'official' ? [] : [row.vsOfficial])));
  const body = lines
    .map((line, index) => {
      const y = TOP + index * ROW;
      if (line.kind === 'title') return `<text x="4" y="${y + ROW - 5}" class="scenario">${escape(line.text)}</text>`;
      const { row } = line;
      const color = COLORS[row.kind];
      const label = row.contender.length > 58 ? `${row.contender.slice(0, 57)}…` : row.contender;
      return [
        `<text x="14" y="${y + ROW - 5}" class="label">${escape(label)}</text>`,
        toRaw.bar(row.kind === 'raw' ? undefined : row.toRaw, y, color, row.toRaw === undefined ? '' : `${fixed(row.toRaw)}×`),
        vsOfficial.bar(row.kind === 'official' ? undefined : row.vsOfficial, y, color, row.vsOfficial === undefined ? '' : `${fixed(row.vsOfficial)}×`),
      ].join('');
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">
<style>.scenario{font-size:12px;font-weight:600;fill:#111827}.label{font-size:11px;fill:#374151}.value{font-size:10px;fill:#111827}.tick{font-size:10px;fill:#6b7280}.head{font-size:12px;font-weight:600;fill:#111827}.caption{font-size:11px;fill:#6b7280}</style>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="4" y="16" class="caption">${escape(caption)}</text>
<text x="${LABEL_WIDTH}" y="36" class="head">× raw baseline (lower is better)</text>
<text x="${LABEL_WIDTH + PANEL_WIDTH + GAP}" y="36" class="head">× better than @c8y/client (higher is better)</text>
<rect x="${LABEL_WIDTH + 2 * PANEL_WIDTH + GAP - 200}" y="${TOP - 16}" width="8" height="8" fill="${COLORS.sdk}"/><text x="${LABEL_WIDTH + 2 * PANEL_WIDTH + GAP - 189}" y="${TOP - 8}" class="tick">SDK</text>
<rect x="${LABEL_WIDTH + 2 * PANEL_WIDTH + GAP - 155}" y="${TOP - 16}" width="8" height="8" fill="${COLORS.official}"/><text x="${LABEL_WIDTH + 2 * PANEL_WIDTH + GAP - 144}" y="${TOP - 8}" class="tick">@c8y/client</text>
<rect x="${LABEL_WIDTH + 2 * PANEL_WIDTH + GAP - 80}" y="${TOP - 16}" width="8" height="8" fill="${COLORS.raw}"/><text x="${LABEL_WIDTH + 2 * PANEL_WIDTH + GAP - 69}" y="${TOP - 8}" class="tick">raw</text>
${toRaw.axis(height)}
${vsOfficial.axis(height)}
${body}
</svg>
`;
}
