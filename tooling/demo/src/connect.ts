import { BasicAuth, CumulocityClient, getClient } from '@c8y/sdk';
import { startEmulator, type Emulator } from '@c8y/emulator';
import type { BootstrapCredentials } from './tour-context.js';
import type { TourOutput } from './output.js';

/** What the tour runs against. */
export interface Connection {
  c8y: CumulocityClient;
  baseUrl: string;
  emulator?: Emulator;
  bootstrap?: BootstrapCredentials;
  /** Fewer on a real tenant: the tour should not load it. */
  measurementsPerDevice: number;
  close(): Promise<void>;
}

type Environment = Readonly<Record<string, string | undefined>>;

function bootstrapFrom(env: Environment): BootstrapCredentials | undefined {
  const { C8Y_DEVICEBOOTSTRAP_TENANT: tenantId, C8Y_DEVICEBOOTSTRAP_USER: username, C8Y_DEVICEBOOTSTRAP_PASSWORD: password } = env;
  return tenantId && username && password ? { tenantId, username, password } : undefined;
}

/**
 * A real tenant when `C8Y_BASEURL` is set (credentials from the environment, prompts on a terminal),
 * otherwise the emulator started in this process.
 * @example const connection = await connect(process.env, createOutput(process.stdout));
 */
export async function connect(env: Environment, out: TourOutput): Promise<Connection> {
  if (env['C8Y_BASEURL']) {
    const c8y = await getClient({ env });
    const bootstrap = bootstrapFrom(env);
    out.line(`connected to ${c8y.baseUrl} (tenant ${await c8y.getTenantId()})`);
    if (!bootstrap) out.line('(no C8Y_DEVICEBOOTSTRAP_TENANT/USER/PASSWORD: the device registration step will be skipped)');
    return { c8y, baseUrl: c8y.baseUrl, bootstrap, measurementsPerDevice: 100, close: async () => {} };
  }
  const emulator = await startEmulator();
  out.line(`C8Y_BASEURL is not set: started the Cumulocity emulator in this process at ${emulator.url}`);
  out.line('(set C8Y_BASEURL, C8Y_TENANT, C8Y_USER and C8Y_PASSWORD to run the tour against a real tenant)');
  const c8y = new CumulocityClient({ baseUrl: emulator.url, tenantId: 't100', auth: new BasicAuth('admin', 'admin-pass') });
  return {
    c8y,
    baseUrl: emulator.url,
    emulator,
    bootstrap: { tenantId: 'management', username: 'devicebootstrap', password: 'bootstrap-pass' },
    measurementsPerDevice: 1_000,
    close: () => emulator.stop(),
  };
}
