import { mkdir, writeFile } from 'node:fs/promises';
import { profileMarkdown, recordCpuProfiles, summarizeProfiles } from './report/cpu-profile.js';

/** Where the `.cpuprofile` files go (open them in Chrome DevTools → Performance); not committed. */
export const profilesDir = new URL('../results/profiles/', import.meta.url);

/** Profiled runs per contender, taking turns: enough samples to see small shares. */
const PROFILED_RUNS = 6;

/**
 * When a target was missed (or `BENCH_PROFILE=1`): profiles the SDK's task and its baseline's in
 * this process, saves both profiles and returns a markdown summary of where the time goes.
 */
export async function profileIfMissed(
  missed: boolean,
  scenario: string,
  what: string,
  sdkTask: () => Promise<unknown>,
  baselineTask: () => Promise<unknown>,
  baselineName: string,
): Promise<string | undefined> {
  if (!missed && process.env['BENCH_PROFILE'] !== '1') return undefined;
  const { sdk, baseline } = await recordCpuProfiles({ sdk: sdkTask, baseline: baselineTask }, PROFILED_RUNS);
  await mkdir(profilesDir, { recursive: true });
  const slug = `${scenario}-${what}`.replaceAll(/[^\w-]+/g, '-');
  await writeFile(new URL(`${slug}-sdk.cpuprofile`, profilesDir), JSON.stringify(sdk.at(-1)));
  await writeFile(new URL(`${slug}-${baselineName}.cpuprofile`, profilesDir), JSON.stringify(baseline.at(-1)));
  return profileMarkdown(`${scenario}, SDK ${what} vs ${baselineName}`, summarizeProfiles(sdk), summarizeProfiles(baseline), baselineName);
}
