import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a run happened on: what a reader needs to compare absolute numbers. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGB: number;
  readonly node: string;
  /** 1, 5 and 15 minute load averages when the run started. */
  readonly loadAtStart: readonly number[];
}

/** Describes this machine now. */
export function describeMachine(): Machine {
  const all = cpus();
  return {
    cpu: all[0]?.model.trim() ?? 'unknown',
    cores: all.length,
    memoryGB: totalmem() / 2 ** 30,
    node: process.version,
    loadAtStart: loadavg(),
  };
}

/** One line: `AMD EPYC …, 2 cores, 7.8 GB, Node v20.20.2, load average at start 0.41 / 0.80 / 1.20`. */
export function machineLine(machine: Machine): string {
  const load = machine.loadAtStart.map((value) => value.toFixed(2)).join(' / ');
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB.toFixed(1)} GB, Node ${machine.node}, load average at start ${load} (1 / 5 / 15 min)`;
}
