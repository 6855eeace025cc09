/** Where the tour prints: plain lines, and a progress bar that redraws in place on a terminal. */
export interface TourOutput {
  line(text: string): void;
  /** Reports `done` of `total`; on a terminal one bar redrawn in place, otherwise a line per quarter. */
  progress(label: string, done: number, total: number): void;
}

/** A writable the tour can print to (`process.stdout`, or a collector in tests). */
export interface TextSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

const BAR_WIDTH = 30;

/**
 * The tour's printer over a text sink.
 * @example const out = createOutput(process.stdout); out.line('hello');
 */
export function createOutput(sink: TextSink): TourOutput {
  let lastQuarter = -1;
  return {
    line: (text) => {
      sink.write(`${text}\n`);
    },
    progress: (label, done, total) => {
      const share = total === 0 ? 1 : done / total;
      if (sink.isTTY) {
        const filled = Math.round(share * BAR_WIDTH);
        sink.write(`\r   ${label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}${done >= total ? '\n' : ''}`);
        return;
      }
      const quarter = Math.floor(share * 4);
      if (quarter !== lastQuarter) {
        lastQuarter = quarter;
        sink.write(`   ${label} ${done}/${total} (${Math.round(share * 100)} %)\n`);
      }
      if (done >= total) lastQuarter = -1;
    },
  };
}
