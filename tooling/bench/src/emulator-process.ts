import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What a scenario needs from its emulator: latency per request and seeded data. */
export interface EmulatorSetup {
  /** Delay before every reply, in ms. */
  latencyMs: number;
  /** Devices of type `c8y_Seeded` in tenant t100 (the first one is the measurements' source). */
  managedObjects?: number;
  /** Measurements of type `c8y_Seeded` on the first device. */
  measurements?: number;
}

/** An emulator running in its own Node process. */
export interface EmulatorProcess {
  readonly url: string;
  /** Id of the first seeded device (`10000`): the source of the seeded measurements. */
  readonly firstDeviceId: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Credentials of the emulator's seeded admin user. */
export const credentials = { tenant: 't100', user: 'admin', password: 'admin-pass' } as const;

/** `Authorization` header value for {@link credentials}. */
export const authorization = `Basic ${btoa(`${credentials.tenant}/${credentials.user}:${credentials.password}`)}`;

// The emulator's CLI, next to its package entry (dist/index.js → dist/cli.js).
const cli = fileURLToPath(new URL('./cli.js', import.meta.resolve('@c8y/emulator')));

/**
 * Starts the emulator CLI in a child process on a free port, seeded and with the scenario's
 * latency, and resolves once it listens. Its own process (and event loop) keeps the server's CPU
 * out of the client's measurements.
 */
export async function startEmulatorProcess(setup: EmulatorSetup): Promise<EmulatorProcess> {
  const args = [cli, '--port', '0', '--latency', String(setup.latencyMs)];
  if (setup.managedObjects) args.push('--seed-managed-objects', String(setup.managedObjects));
  if (setup.measurements) args.push('--seed-measurements', String(setup.measurements));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  // Never leave an emulator behind when the bench ends early (an error, Ctrl+C, CI's timeout).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.removeListener('exit', killOnExit);
      resolve();
    }),
  );
  const url = await listeningUrl(child);
  return {
    url,
    firstDeviceId: '10000',
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve(match[1]);
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the emulator exited (code ${String(code)}) before listening:\n${output}`)));
  });
}
