import { describe, expect, it } from '@jest/globals';
import type { DateTime } from 'luxon';
import {
  Alarm,
  Binary,
  Device,
  Event,
  ManagedObject,
  Measurement,
  Operation,
  Series,
  User,
  type JsonValue,
} from '../src/index.js';

// The `@ts-expect-error` lines are checked by test/typecheck.test.ts (part of `pnpm test`) and by
// `pnpm --filter @c8y/model typecheck`: each must be a type error, and everything else must
// compile. This function is never called; jest only checks the runtime facts at the bottom.
export async function typeChecks(obj: ManagedObject, alarm: Alarm, device: Device): Promise<unknown[]> {
  // get() with a default is typed like the default (widened); without, it is JsonValue | undefined
  const n: number = obj.get('my_Fragment.value', 42);
  const s: string = obj.get('a.b', 'x');
  const b: boolean = obj.get('flag', false);
  const list: number[] = obj.get('list', [1, 2]);
  const raw: JsonValue | undefined = obj.get('x');
  // @ts-expect-error without a default the value may be undefined
  const notNumber: number = obj.get('my_Fragment.value');
  // @ts-expect-error the default's type is the result type
  const wrong: string = obj.get('my_Fragment.value', 42);

  // typed properties
  const name: string | undefined = obj.name;
  const created: string | undefined = obj.creationTime;
  const createdAt: DateTime | undefined = obj.creationDateTime;
  // @ts-expect-error id is read-only
  obj.id = '1';
  // @ts-expect-error creationTime is read-only
  obj.creationTime = '2025-01-01';
  // @ts-expect-error creationDateTime is read-only
  obj.creationDateTime = undefined;
  // @ts-expect-error lastUpdated is read-only
  obj.lastUpdated = 'x';
  // @ts-expect-error name is a string
  obj.name = 5;

  alarm.severity = 'CRITICAL';
  // @ts-expect-error unknown severity
  alarm.severity = 'SEVERE';
  // @ts-expect-error unknown status
  alarm.status = 'OPEN';
  // @ts-expect-error count is read-only
  alarm.count = 2;
  // @ts-expect-error alarms cannot be deleted one by one
  await alarm.delete();

  const m = new Measurement(undefined, { time: 'now', source: device });
  m.time = new Date();
  // @ts-expect-error measurements cannot be updated
  await m.update();
  // @ts-expect-error time is a time input, not a number
  m.time = 5;
  // @ts-expect-error operations cannot be deleted one by one
  await new Operation(undefined, {}).delete();
  // @ts-expect-error a binary needs content to create
  await new Binary(undefined, { name: 'x' }).create();

  // create() keeps the class
  const createdDevice: Device = await device.create();
  const createdEvent: Event = await new Event(undefined, {}).create();
  // @ts-expect-error a Device is not an Event
  const notEvent: Event = await device.create();

  // init objects are typed for standard fields
  // @ts-expect-error unknown severity in init
  new Alarm(undefined, { severity: 'LOW' });
  // @ts-expect-error userName is a string
  new User(undefined, { userName: 1 });

  // Series.collect with timestamps types the first column
  const rows: (number | null)[][] = new Series({}).collect();
  const stamped = new Series({}).collect({ timestamps: true });
  // @ts-expect-error the first column is a timestamp, not a number
  const first: number | null = stamped[0]![0];

  return [n, s, b, list, raw, notNumber, wrong, name, created, createdAt, createdDevice, createdEvent, notEvent, rows, first];
}

describe('types', () => {
  it('get() returns the stored value, or the default when nothing is stored', () => {
    const obj = new ManagedObject(undefined, { my_Fragment: { value: 7 } });
    const stored: number = obj.get('my_Fragment.value', 42);
    const missing: number = obj.get('other.value', 42);
    expect([stored, missing]).toEqual([7, 42]);
  });
});
