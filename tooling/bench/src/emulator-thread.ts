import { Worker } from 'node:worker_threads';
import type { EmulatorWorkerData } from './emulator-worker.js';

/** An emulator running on a worker thread. */
export interface EmulatorThread {
  url: string;
  stop(): Promise<void>;
}

/** Starts the emulator on its own thread, seeded with `managedObjects` objects of type `bench`. */
export async function startEmulatorThread(data: EmulatorWorkerData): Promise<EmulatorThread> {
  const worker = new Worker(new URL('./emulator-worker.js', import.meta.url), { workerData: data });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { url: string }) => resolve(message.url));
    worker.once('error', reject);
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
