import type { Connection } from './connect.js';
import type { TourOutput } from './output.js';
import type { TourContext } from './tour-context.js';

/**
 * A fresh context for one run of the tour over a connection.
 * @example const context = newTourContext(connection, out, { runId: 'a1b2c3' });
 */
export function newTourContext(
  connection: Connection,
  out: TourOutput,
  { runId, measurementsPerDevice = connection.measurementsPerDevice }: { runId: string; measurementsPerDevice?: number },
): TourContext {
  return {
    c8y: connection.c8y,
    baseUrl: connection.baseUrl,
    out,
    runId,
    startedAt: new Date(),
    emulator: connection.emulator,
    bootstrap: connection.bootstrap,
    measurementsPerDevice,
    created: { deviceIds: [], registeredDeviceIds: [] },
  };
}
