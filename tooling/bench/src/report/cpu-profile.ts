import { Session } from 'node:inspector/promises';

/** The part of a V8 CPU profile (`.cpuprofile`, as `node --cpu-prof` writes it) the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
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
 * Profiles each task `runs` times under V8's sampling CPU profiler (the one `node --cpu-prof`
 * uses, driven through the inspector so that only the tasks are recorded), one profile per run,
 * the tasks taking turns so that the machine's load weighs on each alike.
 */
export async function recordCpuProfiles<K extends string>(tasks: Record<K, () => Promise<unknown>>, runs: number): Promise<Record<K, CpuProfile[]>> {
  const names = Object.keys(tasks) as K[];
  const profiles = Object.fromEntries(names.map((name) => [name, [] as CpuProfile[]])) as Record<K, CpuProfile[]>;
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    for (let run = 0; run < runs; run++) {
      for (const name of names) {
        await session.post('Profiler.start');
        await tasks[name]();
        const { profile } = await session.post('Profiler.stop');
        profiles[name].push(profile as unknown as CpuProfile);
      }
    }
    return profiles;
  } finally {
    session.disconnect();
  }
}

const NODE_AREAS: readonly [RegExp, string][] = [
  [/^node:zlib/, 'zlib (gunzip)'],
  [/^node:(net|internal\/stream_base_commons)/, 'sockets'],
  [/^node:internal\/(abort_controller|event_target)/, 'AbortSignal and events'],
  [/^node:internal\/(timers|process\/task_queues)|^node:timers/, 'timers and task queues'],
  [/^node:internal\/streams\/|^node:internal\/webstreams\//, 'Node and web streams'],
  [/^node:internal\/encoding/, 'TextDecoder'],
  [/^node:internal\/deps\/undici/, 'undici (Node fetch)'],
];

/** Which part of the stack a function belongs to, from its script URL. */
export function areaOf(functionName: string, url: string): string {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8 / native (program)';
  if (functionName === '(idle)') return 'idle';
  const own = /\/(?:packages|tooling)\/([\w-]+)\/(?:dist|src)\/(?:([\w-]+)\/)?/.exec(url);
  if (own?.[1] === 'rest-core') return `rest-core ${own[2] ?? ''}`.trim();
  if (own?.[1] === 'bench') return 'bench code (raw baseline: its JSON.parse)';
  if (own) return `@c8y/${own[1]}`;
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[\w.-]+\/)?[\w.-]+)\//.exec(url);
  if (dependency?.[1]) return dependency[1];
  const node = NODE_AREAS.find(([pattern]) => pattern.test(url));
  if (node) return node[1];
  if (url.startsWith('node:')) return 'other Node internals';
  return url === '' ? `built-in ${functionName || '(anonymous)'}` : url;
}

interface Indexed {
  frames: Map<number, CpuProfile['nodes'][number]['callFrame']>;
  parents: Map<number, number>;
}

function indexProfile(profile: CpuProfile): Indexed {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  return { frames, parents };
}

/** A native function (no URL) counts for its nearest caller with a URL: zlib's `write`, a socket's `writeLatin1String`. */
function areaOfNode(id: number, { frames, parents }: Indexed): string {
  const frame = frames.get(id);
  if (!frame) return 'unknown';
  if (frame.url !== '' || frame.functionName.startsWith('(')) return areaOf(frame.functionName, frame.url);
  for (let parent = parents.get(id); parent !== undefined; parent = parents.get(parent)) {
    const caller = frames.get(parent);
    if (caller && caller.url !== '') return areaOf(caller.functionName, caller.url);
  }
  return areaOf(frame.functionName, frame.url);
}

/** Nodes under the inspector's own calls (stopping the profiler serialises it): not the task's time. */
function profilerNodes(profile: CpuProfile): Set<number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const skipped = new Set<number>();
  const visit = (id: number, inside: boolean) => {
    const node = byId.get(id);
    if (!node) return;
    const here = inside || node.callFrame.url === 'node:inspector';
    if (here) skipped.add(id);
    for (const child of node.children ?? []) visit(child, here);
  };
  const root = profile.nodes[0];
  if (root) visit(root.id, false);
  return skipped;
}

/** Adds up self time per area and per function over profiles, per profile (= per run). */
export function summarizeProfiles(profiles: readonly CpuProfile[]): ProfileSummary {
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const profile of profiles) busy += addProfile(profile, profiles.length, areas, functions);
  return { busyMs: busy, areas, functions };
}

function addProfile(profile: CpuProfile, runs: number, areas: Map<string, number>, functions: Map<string, number>): number {
  const index = indexProfile(profile);
  const skipped = profilerNodes(profile);
  let busy = 0;
  profile.samples.forEach((id, position) => {
    const frame = index.frames.get(id);
    const ms = (profile.timeDeltas[position] ?? 0) / 1000 / runs;
    if (!frame || frame.functionName === '(idle)' || skipped.has(id)) return;
    busy += ms;
    const area = areaOfNode(id, index);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const file = frame.url.replace(/^.*\/(node_modules|packages|tooling)\//, '').replace(/^node:internal\/deps\//, '');
    const name = `${frame.functionName || '(anonymous)'}${file ? ` (${file}:${frame.lineNumber + 1})` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  });
  return busy;
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
    `**${title}** — V8 sampling profile of the client process (as \`node --cpu-prof\`), self time in ms per run, the contenders taking turns. ` +
      "A native function counts for its nearest JavaScript caller (zlib's `write` for node:zlib); `JSON.parse` runs inside its caller's frame (rest-core's `readJson`, the bench's raw worker).",
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
