import { Session } from 'node:inspector/promises';

/** The part of a V8 CPU profile (`.cpuprofile`, as `node --cpu-prof` writes it) the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of the client's main thread per area and per function, in ms per run. */
export interface ProfileSummary {
  readonly busyMs: number;
  readonly areas: ReadonlyMap<string, number>;
  readonly functions: ReadonlyMap<string, number>;
}

/**
 * Runs `task` `runs` times under V8's sampling CPU profiler (the one `node --cpu-prof` uses,
 * driven through the inspector so that only these runs are recorded) and returns the profile.
 */
export async function recordCpuProfile(task: () => Promise<unknown>, runs: number): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    for (let i = 0; i < runs; i++) await task();
    const { profile } = await session.post('Profiler.stop');
    return profile as unknown as CpuProfile;
  } finally {
    session.disconnect();
  }
}

/** Which part of the stack a function belongs to, from its script URL. */
export function areaOf(functionName: string, url: string): string {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8 / native (program)';
  if (functionName === '(idle)') return 'idle';
  const own = /\/(?:packages|tooling)\/([\w-]+)\/(?:dist|src)\/(?:([\w-]+)\/)?/.exec(url);
  if (own?.[1] === 'rest-core') return `rest-core ${own[2] ?? ''}`.trim();
  if (own?.[1] === 'bench') return 'bench harness';
  if (own) return `@c8y/${own[1]}`;
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[\w.-]+\/)?[\w.-]+)\//.exec(url);
  if (dependency?.[1]) return dependency[1];
  if (url.includes('internal/deps/undici')) return 'undici (Node fetch)';
  if (url.startsWith('node:')) return 'Node internals (streams, zlib, timers)';
  return url === '' ? `built-in ${functionName || '(anonymous)'}` : url;
}

/** Adds up self time per area and per function, per run. */
export function summarizeProfile(profile: CpuProfile, runs: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id);
    const ms = (profile.timeDeltas[index] ?? 0) / 1000 / runs;
    if (!frame || frame.functionName === '(idle)') return;
    busy += ms;
    const area = areaOf(frame.functionName, frame.url);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const file = frame.url.replace(/^.*\/(node_modules|packages|tooling)\//, '').replace(/^node:internal\/deps\//, '');
    const name = `${frame.functionName || '(anonymous)'}${file ? ` (${file}:${frame.lineNumber + 1})` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  });
  return { busyMs: busy, areas, functions };
}

const top = (map: ReadonlyMap<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);

/**
 * Markdown comparing where the SDK's and the baseline's main-thread time goes (self time, ms per
 * run): areas side by side, then the SDK's most expensive functions.
 */
export function profileMarkdown(title: string, sdk: ProfileSummary, baseline: ProfileSummary, baselineName: string): string {
  const names = [...new Set([...top(sdk.areas, 12).map(([n]) => n), ...top(baseline.areas, 6).map(([n]) => n)])];
  const ms = (value: number | undefined) => (value ?? 0).toFixed(1);
  const lines = [
    `**${title}** — V8 sampling profile of the client process (as \`node --cpu-prof\`), self time in ms per run:`,
    '',
    `| area | SDK | ${baselineName} | difference |`,
    '| --- | ---: | ---: | ---: |',
    `| **busy (all but idle)** | **${ms(sdk.busyMs)}** | **${ms(baseline.busyMs)}** | **${ms(sdk.busyMs - baseline.busyMs)}** |`,
    ...names.map((name) => `| ${name} | ${ms(sdk.areas.get(name))} | ${ms(baseline.areas.get(name))} | ${ms((sdk.areas.get(name) ?? 0) - (baseline.areas.get(name) ?? 0))} |`),
    '',
    'SDK functions with the most self time (ms per run):',
    '',
    ...top(sdk.functions, 10).map(([name, value]) => `- ${ms(value)} ${name.replaceAll('|', '\\|')}`),
  ];
  return lines.join('\n');
}
