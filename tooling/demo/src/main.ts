#!/usr/bin/env node
// pnpm demo: the tour against a real tenant (C8Y_BASEURL…) or the in-process emulator; exit code 0 = every step passed.
import { randomBytes } from 'node:crypto';
import { connect, type Connection } from './connect.js';
import { newTourContext } from './new-tour-context.js';
import { createOutput } from './output.js';
import { runTour } from './run-tour.js';

const out = createOutput(process.stdout);
const connection: Connection = await connect(process.env, out).catch((error: unknown) => {
  out.line(`The tour failed at step 'connect': ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const context = newTourContext(connection, out, { runId: randomBytes(3).toString('hex') });
const result = await runTour(context).finally(() => connection.close());

if (result.ok) {
  out.line('\nThe tour finished: every step succeeded.');
} else {
  out.line(`\nThe tour failed at step '${result.failedStep}'${result.cleanedUp ? '' : ' (and its data could not all be removed)'}.`);
  process.exitCode = 1;
}
