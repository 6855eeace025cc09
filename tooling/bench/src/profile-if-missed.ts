import { mkdir, writeFile } from 'node:fs/promises';
import { profileMarkdown, recordCpuProfile, summarizeProfile } from './report/cpu-profile.js';

/** Where the `.cpuprofile` files go (open them in Chrome DevTools → Performance); not committed. */
export const profilesDir = new URL('../results/profiles/', import.meta.url);

/** Measured runs per profiled contender: enough samples to see small shares. */
const PROFILED_RUNS = 5;

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
  const sdk = await recordCpuProfile(sdkTask, PROFILED_RUNS);
  const baseline = await recordCpuProfile(baselineTask, PROFILED_RUNS);
  await mkdir(profilesDir, { recursive: true });
  const slug = `${scenario}-${what}`.replaceAll(/[^\w-]+/g, '-');
  await writeFile(new URL(`${slug}-sdk.cpuprofile`, profilesDir), JSON.stringify(sdk));
  await writeFile(new URL(`${slug}-${baselineName}.cpuprofile`, profilesDir), JSON.stringify(baseline));
  return profileMarkdown(`${scenario}, SDK ${what} vs ${baselineName}`, summarizeProfile(sdk, PROFILED_RUNS), summarizeProfile(baseline, PROFILED_RUNS), baselineName);
}
