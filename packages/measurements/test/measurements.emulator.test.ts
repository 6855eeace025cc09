import { beforeAll, describe, expect, it } from '@jest/globals';
import { ManagedObject } from '@c8y/model';
import type { BulkProgress } from '@c8y/rest-core';
import { Celsius, Percent } from '@c8y/units';
import { Measurements, type MeasurementInit } from '../src/index.js';
import { useEmulator } from './helpers.js';

// Measurements over real HTTP against the emulator: 10,000 measurements with units posted in
// chunks (while the server answers 429 at random) and read back by series and time window (while
// it answers 503 at random), as pages, values and series.

const ctx = useEmulator({ seed: 17 });
let measurements: Measurements;

beforeAll(() => {
  measurements = new Measurements(ctx.client);
});

const device = async (name: string) => new ManagedObject(ctx.client, { name, c8y_IsDevice: {} }).create();
const START = Date.UTC(2025, 0, 1);
/** Minute `i` after the start, as the platform stores it. */
const at = (minute: number) => new Date(START + minute * 60_000).toISOString();
const temperature = (i: number) => 15 + (i % 20) / 2;
const battery = (i: number) => 100 - (i % 400) / 4;
/** Measurement `i`: a temperature every minute, a battery level every fourth. */
const reading = (source: ManagedObject, i: number): MeasurementInit => ({
  type: 'c8y_Climate',
  source,
  time: at(i),
  c8y_Temperature: { T: new Celsius(temperature(i)) },
  ...(i % 4 === 0 ? { c8y_Battery: { level: new Percent(battery(i)) } } : {}),
});
const range = (from: number, to: number, step = 1) => Array.from({ length: Math.ceil((to - from) / step) }, (_, k) => from + k * step);

describe('10,000 measurements against the emulator', () => {
  let boiler: ManagedObject;
  const COUNT = 10_000;

  it('are posted in chunks with units, each exactly once, under injected 429s', async () => {
    boiler = await device('boiler');
    ctx.emu.faults.add({ kind: 'rateLimit', retryAfter: 0, method: 'POST', path: '^/measurement/measurements$', probability: 0.3 });
    const progress: BulkProgress[] = [];
    const created = await measurements.create(
      range(0, COUNT).map((i) => reading(boiler, i)),
      { chunkSize: 500, workers: 4, onProgress: (p) => progress.push(p) },
    );
    expect(created).toHaveLength(COUNT);
    expect(new Set(created.map((m) => m.id)).size).toBe(COUNT);
    expect(created.map((m) => m.time)).toEqual(range(0, COUNT).map(at));
    expect(created[8]?.get('c8y_Battery.level')).toEqual({ value: 98, unit: '%' });
    expect(progress.at(-1)).toEqual({ done: COUNT, total: COUNT, failed: 0 });

    const posts = ctx.emu.requests.filter((request) => request.method === 'POST' && request.path === '/measurement/measurements');
    expect(posts.filter((request) => request.status === 201)).toHaveLength(COUNT / 500);
    expect(posts.some((request) => request.status === 429)).toBe(true);
    expect(await measurements.count({ source: boiler })).toBe(COUNT);
  });

  it('are read back by series and time window, exactly, under injected 503s', async () => {
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'GET', path: '^/measurement/measurements', probability: 0.2 });

    // Everything, oldest first (the API order, kept with `ordered` while 5 pages are in flight).
    const all = await measurements.getAll({ source: boiler, type: 'c8y_Climate' }, { pageSize: 700, workers: 5, ordered: true, asValues: ['time', 'c8y_Temperature.T.value', 'c8y_Temperature.T.unit'] });
    expect(all).toEqual(range(0, COUNT).map((i) => [at(i), temperature(i), '°C']));

    // One series in a time window: battery levels of minutes [1000, 2000), newest first.
    const window = { source: boiler, series: 'c8y_Battery.level', after: at(1000), before: at(2000) } as const;
    expect(await measurements.count(window)).toBe(250);
    const levels = await measurements.getAll({ ...window, ascending: false }, { pageSize: 100, workers: 3, asValues: ['time', 'c8y_Battery.level.value', 'c8y_Battery.level.unit'] });
    expect(levels).toEqual(range(1000, 2000, 4).reverse().map((i) => [at(i), battery(i), '%']));
    // The same fragment by its REST names, as Measurement objects.
    const objects = await measurements.getAll({ source: boiler, valueFragmentType: 'c8y_Battery', valueFragmentSeries: 'level', dateFrom: at(1000), dateTo: at(1012) });
    expect(objects.map((m) => [m.time, m.seriesNames])).toEqual([1000, 1004, 1008].map((i) => [at(i), ['c8y_Temperature.T', 'c8y_Battery.level']]));

    expect((await measurements.getLast({ source: boiler, series: 'c8y_Temperature.T' }))?.time).toBe(at(COUNT - 1));
    expect((await measurements.getLast({ source: boiler, series: 'c8y_Battery.level', before: at(5000) }))?.time).toBe(at(4996));
    const statuses = ctx.emu.requests.filter((request) => request.path.startsWith('/measurement/measurements')).map((request) => request.status);
    expect(statuses).toContain(503);
  });

  it('are read back as series: raw values with units, hourly aggregates, truncated beyond 5,000', async () => {
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'GET', path: '^/measurement/measurements/series', probability: 0.3 });

    // Raw: minutes [100, 160) of both series; a battery level every fourth minute, null between.
    const raw = await measurements.getSeries({ source: boiler, series: ['c8y_Temperature.T', 'c8y_Battery.level'], after: at(100), before: at(160) });
    expect(raw.seriesNames).toEqual(['c8y_Temperature.T', 'c8y_Battery.level']);
    expect(raw.specs.map((spec) => spec.unit)).toEqual(['°C', '%']);
    expect(raw.truncated).toBe(false);
    expect(raw.collect({ value: 'min', timestamps: true })).toEqual(range(100, 160).map((i) => [at(i), temperature(i), i % 4 === 0 ? battery(i) : null]));
    expect(raw.valuesOf('c8y_Battery.level', 'max')).toEqual(range(100, 160, 4).map(battery));

    // Hourly: the first 24 hours of temperatures, min and max per hour.
    const hourly = await measurements.getSeries({ source: boiler, series: 'c8y_Temperature.T', aggregationType: 'HOURLY', dateFrom: at(0), dateTo: at(24 * 60) });
    const hours = hourly.collect({ value: ['min', 'max'], timestamps: 'date' });
    expect(hours).toHaveLength(24);
    for (const [index, [time, min, max]] of hours.entries()) {
      const minutes = range(index * 60, index * 60 + 60).map(temperature);
      expect([time, min, max]).toEqual([new Date(at(index * 60)), Math.min(...minutes), Math.max(...minutes)]);
    }

    // Time-series aggregation: average and count per day of the battery series.
    const daily = await measurements.getSeries({ source: boiler, series: 'c8y_Battery.level', aggregationInterval: '1d', aggregationFunction: ['count', 'avg'], after: at(0), before: at(2 * 24 * 60) });
    expect(daily.collect({ value: 'count' })).toEqual([[360], [360]]);

    // Without aggregation at most 5,000 timestamps; the end defaults to now.
    const everything = await measurements.getSeries({ source: boiler, series: 'c8y_Temperature.T', after: at(0) });
    expect(everything.truncated).toBe(true);
    expect(everything.timestamps).toHaveLength(5000);
  });

  it('are deleted by series fragment and time window, then by source', async () => {
    await measurements.deleteBy({ source: boiler, fragmentType: 'c8y_Battery', after: at(0), before: at(1000) });
    expect(await measurements.count({ source: boiler })).toBe(COUNT - 250);
    expect(await measurements.count({ source: boiler, series: 'c8y_Battery.level' })).toBe(COUNT / 4 - 250);
    const [first] = await measurements.getAll({ source: boiler }, { limit: 1 });
    if (first?.id === undefined) throw new Error('nothing left');
    await measurements.delete(first);
    expect(await measurements.count({ source: boiler })).toBe(COUNT - 251);
    await measurements.deleteBy({ source: boiler });
    expect(await measurements.count({ source: boiler })).toBe(0);
  });
});
