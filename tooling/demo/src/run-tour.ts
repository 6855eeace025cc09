import { createDevices } from './steps/devices.js';
import { postMeasurements } from './steps/measurements.js';
import { queryData } from './steps/queries.js';
import { fetchWithWorkers } from './steps/speed-up.js';
import { readSeries } from './steps/series.js';
import { raiseAndClearAlarms } from './steps/alarms.js';
import { registerDevice } from './steps/bootstrap.js';
import { cleanUp } from './steps/clean-up.js';
import type { TourContext, TourStep } from './tour-context.js';

/** The tour, in the order of the pyc8y overview; the clean-up runs last and also after a failure. */
export const TOUR_STEPS: readonly TourStep[] = [
  createDevices,
  postMeasurements,
  queryData,
  fetchWithWorkers,
  readSeries,
  raiseAndClearAlarms,
  registerDevice,
  cleanUp,
];

/** How a tour ended: every step passed, or the first that failed (and whether the clean-up then worked). */
export type TourResult = { ok: true } | { ok: false; failedStep: string; error: unknown; cleanedUp: boolean };

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Runs the steps in order, printing each; stops at the first failure, then still removes what the
 * tour created (a real tenant is left as it was found).
 * @example const result = await runTour(context); process.exitCode = result.ok ? 0 : 1;
 */
export async function runTour(context: TourContext, steps: readonly TourStep[] = TOUR_STEPS): Promise<TourResult> {
  const { out } = context;
  for (const [index, step] of steps.entries()) {
    out.line(`\n${index + 1}/${steps.length} ${step.name}`);
    const start = performance.now();
    try {
      await step.run(context);
      out.line(`   ✓ ${Math.round(performance.now() - start)} ms`);
    } catch (error) {
      out.line(`   ✗ failed: ${describe(error)}`);
      const cleanedUp = step === cleanUp ? false : await cleanUpAfterFailure(context);
      return { ok: false, failedStep: step.name, error, cleanedUp };
    }
  }
  return { ok: true };
}

async function cleanUpAfterFailure(context: TourContext): Promise<boolean> {
  context.out.line(`\n   removing what the tour created so far`);
  try {
    await cleanUp.run(context);
    return true;
  } catch (error) {
    context.out.line(`   ✗ clean-up failed too: ${describe(error)}`);
    return false;
  }
}
