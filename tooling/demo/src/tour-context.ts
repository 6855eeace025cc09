import type { CumulocityClient } from '@c8y/sdk';
import type { Emulator } from '@c8y/emulator';
import type { TourOutput } from './output.js';

/** Bootstrap credentials for the device-registration step (the emulator's, or `C8Y_DEVICEBOOTSTRAP_*`). */
export interface BootstrapCredentials {
  tenantId: string;
  username: string;
  password: string;
}

/** What the tour runs against, and what its steps create (so the clean-up finds everything). */
export interface TourContext {
  readonly c8y: CumulocityClient;
  readonly baseUrl: string;
  readonly out: TourOutput;
  /** Unique per run: names and types carry it, so a real tenant's own data is never touched. */
  readonly runId: string;
  /** When the tour started (queries use it as a date filter). */
  readonly startedAt: Date;
  /** The in-process emulator, when no tenant was configured (the speed-up step sets its latency). */
  readonly emulator?: Emulator;
  /** Absent: the device-registration step is skipped (say so). */
  readonly bootstrap?: BootstrapCredentials;
  /** Measurements per device (10 devices). */
  readonly measurementsPerDevice: number;
  readonly created: CreatedData;
}

/** Ids of what the tour created, filled as it goes. */
export interface CreatedData {
  deviceIds: string[];
  groupId?: string;
  /** Devices registered through the bootstrap step (deleted with their device user). */
  registeredDeviceIds: string[];
}

/** A tour step: a name the output and a failure report use, and what it does. */
export interface TourStep {
  readonly name: string;
  run(context: TourContext): Promise<void>;
}
