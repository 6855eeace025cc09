import { parentPort, workerData } from 'node:worker_threads';
import { seedManagedObjects, startEmulator } from '@c8y/emulator';

/** What the main thread asks the emulator thread to serve. */
export interface EmulatorWorkerData {
  latencyMs: number;
  managedObjects: number;
}

// The emulator runs on its own thread (and core), so its work does not queue behind the
// client's on one event loop: the benchmark then measures the client, not the shared thread.
const { latencyMs, managedObjects } = workerData as EmulatorWorkerData;
const emu = await startEmulator({ latencyMs });
seedManagedObjects(emu, 't100', Array.from({ length: managedObjects }, (_, i) => ({ name: `bench-${i}`, type: 'bench' })));
parentPort?.postMessage({ url: emu.url });
parentPort?.on('message', (message: unknown) => {
  if (message === 'stop') void emu.stop().then(() => process.exit(0));
});
