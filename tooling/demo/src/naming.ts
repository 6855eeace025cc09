/** Names and types of the tour's data: all carry the run id, so queries and clean-up see only this run. */
export const deviceName = (runId: string, index: number) => `Demo ${runId} pump ${index + 1}`;
export const deviceNamePattern = (runId: string) => `Demo ${runId} *`;
export const serialOf = (runId: string, index: number) => `demo-${runId}-${index + 1}`;
export const climateType = (runId: string) => `demo_Climate_${runId}`;
export const alarmType = (runId: string, kind: 'TooHot' | 'LowBattery') => `demo_${kind}_${runId}`;
export const DEVICE_COUNT = 10;
