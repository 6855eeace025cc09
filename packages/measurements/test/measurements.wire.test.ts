import { describe, expect, it } from '@jest/globals';
import { isCumulocityError, type BulkError } from '@c8y/rest-core';
import { Celsius, Percent } from '@c8y/units';
import nock from 'nock';
import { Measurement, Measurements, Series, type MeasurementInit } from '../src/index.js';
import { BASE, expectInvalid, mt, recordingClient, sent, testClient, useNock } from './helpers.js';

// The exact requests Measurements sends (paths, query strings, headers, bodies) and what it makes of the replies.

useNock();
const measurements = () => new Measurements(testClient());
const now = new Date('2025-06-15T12:00:00.000Z');
const collection = (items: object[], pageSize: number, currentPage = 1, extra: object = {}) => ({
  self: `${BASE}/measurement/measurements?pageSize=${pageSize}&currentPage=${currentPage}`,
  measurements: items,
  statistics: { pageSize, currentPage, ...extra },
});
const measurement = (id: string, value = 21.5) => ({ id, type: 'c8y_Temperature', time: '2025-06-15T11:00:00.000Z', source: { id: '42' }, c8y_Temperature: { T: { value, unit: '°C' } } });
const reading = (value: number, minute = 0): MeasurementInit => ({
  type: 'c8y_Temperature',
  source: '42',
  time: new Date(Date.UTC(2025, 5, 15, 10, minute)),
  c8y_Temperature: { T: new Celsius(value) },
});
const echo = (_uri: string, body: unknown) => {
  const sent = (JSON.parse(String(body)) as { measurements: Array<{ c8y_Temperature: { T: { value: number } } }> }).measurements;
  return { measurements: sent.map((item) => ({ ...item, id: `m${item.c8y_Temperature.T.value}` })) };
};

describe('reading measurements', () => {
  it('getAll: typed filters and the series shorthand become the REST parameters; items are Measurement objects', async () => {
    nock(BASE, { reqheaders: { accept: mt('measurementcollection') } })
      .get('/measurement/measurements')
      .query({
        source: '42',
        type: 'c8y_Temperature',
        valueFragmentType: 'c8y_Temperature',
        valueFragmentSeries: 'T',
        dateFrom: '2025-06-15T11:00:00.000Z',
        pageSize: '100',
        currentPage: '1',
      })
      .reply(200, collection([measurement('1'), measurement('2', 22)], 100));
    const found = await measurements().getAll({ source: { id: '42' }, type: 'c8y_Temperature', series: 'c8y_Temperature.T', maxAge: '1h', limit: 100 }, { now });
    expect(found.map((item) => item instanceof Measurement)).toEqual([true, true]);
    expect(found.map((item) => [item.id, item.get('c8y_Temperature.T.value'), item.seriesNames])).toEqual([
      ['1', 21.5, ['c8y_Temperature.T']],
      ['2', 22, ['c8y_Temperature.T']],
    ]);
  });

  it('ascending: false is revert=true (newest first); asValues gives tuples; pages keep server order under workers', async () => {
    nock(BASE)
      .get('/measurement/measurements')
      .query({ source: '42', dateFrom: '2025-01-01T00:00:00.000Z', revert: 'true', pageSize: '2', currentPage: '1' })
      .delay(30)
      .reply(200, collection([measurement('3', 3), measurement('2', 2)], 2))
      .get('/measurement/measurements')
      .query({ source: '42', dateFrom: '2025-01-01T00:00:00.000Z', revert: 'true', pageSize: '2', currentPage: '2' })
      .reply(200, collection([measurement('1', 1)], 2, 2));
    const rows = await measurements().getAll(
      { source: '42', after: '2025-01-01', ascending: false },
      { pageSize: 2, workers: 2, asValues: ['id', 'c8y_Temperature.T.value', ['c8y_Temperature.T.unit', '']] },
    );
    expect(rows).toEqual([
      ['3', 3, '°C'],
      ['2', 2, '°C'],
      ['1', 1, '°C'],
    ]);
  });

  it('get: the id is path-encoded and the reply becomes a Measurement', async () => {
    nock(BASE, { reqheaders: { accept: mt('measurement') } })
      .get('/measurement/measurements/a%2Fb')
      .reply(200, measurement('a/b'));
    const found = await measurements().get('a/b');
    expect(found).toBeInstanceOf(Measurement);
    expect(found.source).toBe('42');
  });

  it('getLast: newest first (revert=true) over a range query — from 1970 when no time filter is given', async () => {
    nock(BASE)
      .get('/measurement/measurements')
      .query({ dateFrom: '1970-01-01T00:00:00.000Z', source: '42', valueFragmentType: 'c8y_Temperature', valueFragmentSeries: 'T', revert: 'true', pageSize: '1', currentPage: '1' })
      .reply(200, collection([measurement('9')], 1));
    nock(BASE)
      .get('/measurement/measurements')
      .query({ source: '43', dateTo: '2025-01-01T00:00:00.000Z', revert: 'true', pageSize: '1', currentPage: '1' })
      .reply(200, collection([], 1));
    expect((await measurements().getLast({ source: '42', series: 'c8y_Temperature.T' }))?.id).toBe('9');
    expect(await measurements().getLast({ source: '43', before: '2025-01-01' })).toBeUndefined();
  });

  it('getLast on the wire byte for byte: the 1970 range first, then the filters, revert, extra params, paging', async () => {
    nock(BASE).get('/measurement/measurements').query(true).times(4).reply(200, collection([], 1));
    const api = new Measurements(recordingClient());
    await api.getLast({ source: '42', series: 'c8y_Temperature.T' });
    await api.getLast({ minAge: '1d', type: 't' }, { now });
    await api.getLast({ source: '42' }, { params: { x: 1 } });
    await api.getLast({});
    expect(sent).toEqual([
      `GET ${BASE}/measurement/measurements?dateFrom=1970-01-01T00%3A00%3A00.000Z&source=42&valueFragmentType=c8y_Temperature&valueFragmentSeries=T&revert=true&pageSize=1&currentPage=1`,
      `GET ${BASE}/measurement/measurements?dateTo=2025-06-14T12%3A00%3A00.000Z&type=t&revert=true&pageSize=1&currentPage=1`,
      `GET ${BASE}/measurement/measurements?dateFrom=1970-01-01T00%3A00%3A00.000Z&source=42&revert=true&x=1&pageSize=1&currentPage=1`,
      `GET ${BASE}/measurement/measurements?dateFrom=1970-01-01T00%3A00%3A00.000Z&revert=true&pageSize=1&currentPage=1`,
    ]);
  });

  it('getLast with dateFrom: undefined still asks over a range (before, revert=true went out without one and the oldest came back)', async () => {
    nock(BASE).get('/measurement/measurements').query(true).reply(200, collection([], 1));
    await new Measurements(recordingClient()).getLast({ dateFrom: undefined, source: '1' });
    expect(sent).toEqual([`GET ${BASE}/measurement/measurements?dateFrom=1970-01-01T00%3A00%3A00.000Z&source=1&revert=true&pageSize=1&currentPage=1`]);
  });

  it('deleteBy on the wire byte for byte: only the DELETE parameters, in the order given', async () => {
    nock(BASE).delete('/measurement/measurements').query(true).reply(204);
    await new Measurements(recordingClient()).deleteBy({ source: '42', fragmentType: 'c8y_T', before: '2025-01-01' });
    expect(sent).toEqual([`DELETE ${BASE}/measurement/measurements?source=42&fragmentType=c8y_T&dateTo=2025-01-01T00%3A00%3A00.000Z`]);
  });

  it('count: one pageSize=1&withTotalPages=true request with the filters', async () => {
    nock(BASE, { reqheaders: { accept: mt('measurementcollection') } })
      .get('/measurement/measurements')
      .query({ source: '42', valueFragmentType: 'c8y_Temperature', pageSize: '1', withTotalPages: 'true' })
      .reply(200, collection([measurement('1')], 1, 1, { totalPages: 10_000 }));
    await expect(measurements().count({ source: '42', valueFragmentType: 'c8y_Temperature' })).resolves.toBe(10_000);
  });

  it('refuses, before any request: fragmentType (a DELETE parameter), a malformed series, a series without fragment', async () => {
    await expectInvalid(measurements().getAll({ fragmentType: 'c8y_Temperature' } as never), 'fragmentType', /not a parameter of GET \/measurement\/measurements/);
    await expectInvalid(measurements().count({ series: 'T' as never }), 'series', /expected 'fragment.series'/);
    await expectInvalid(measurements().getLast({ valueFragmentSeries: 'T' }), 'valueFragmentSeries', /needs 'valueFragmentType'/);
  });
});

describe('creating measurements', () => {
  it('create one: POST of one measurement; units from @c8y/units become { value, unit }', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('measurement'), accept: mt('measurement') } })
      .post('/measurement/measurements', {
        type: 'cx_Levels',
        source: { id: '42' },
        time: '2025-06-15T12:00:00.000Z',
        cx_Levels: { temperature: { value: 21.5, unit: '°C' }, battery: { value: 85, unit: '%' } },
      })
      .reply(201, { ...measurement('100'), type: 'cx_Levels' });
    const created = await measurements().create({ type: 'cx_Levels', source: { id: '42' }, time: now, cx_Levels: { temperature: new Celsius(21.5), battery: new Percent(85) } });
    expect(created).toBeInstanceOf(Measurement);
    expect(created.id).toBe('100');
  });

  it('create many: the collection POST in chunks with the collection media type; input order under workers', async () => {
    const sizes: number[] = [];
    nock(BASE, { reqheaders: { 'content-type': mt('measurementcollection'), accept: mt('measurementcollection') } })
      .post('/measurement/measurements')
      .times(3)
      .reply(201, (uri, body) => {
        sizes.push((JSON.parse(String(body)) as { measurements: unknown[] }).measurements.length);
        return echo(uri, body);
      });
    const progress: number[] = [];
    const created = await measurements().create(
      Array.from({ length: 5 }, (_, index) => reading(index)),
      { chunkSize: 2, workers: 3, onProgress: ({ done }) => progress.push(done) },
    );
    expect(created.map((item) => [item instanceof Measurement, item.id])).toEqual([0, 1, 2, 3, 4].map((index) => [true, `m${index}`]));
    expect(sizes.sort()).toEqual([1, 2, 2]);
    expect(progress.at(-1)).toBe(5);
  });

  it('create many: every bad element is named before anything is sent', async () => {
    await expectInvalid(
      measurements().create([reading(1), { ...reading(2), time: 'yesterday' }, { ...reading(3), source: undefined }]),
      'items[1].time',
      /2 of 3 elements are invalid, nothing was sent: .*items\[1\]\.time.*items\[2\]\.source/,
    );
  });

  it('a failed chunk fails each of its measurements: one BulkError naming the items, the others created', async () => {
    nock(BASE).post('/measurement/measurements', (body: { measurements: Array<{ c8y_Temperature: { T: { value: number } } }> }) => body.measurements[0]?.c8y_Temperature.T.value === 2).reply(503, { error: 'x', message: 'down' });
    nock(BASE).post('/measurement/measurements').times(2).reply(201, echo);
    const error = (await measurements()
      .create(Array.from({ length: 5 }, (_, index) => reading(index)), { chunkSize: 2 })
      .catch((thrown: unknown) => thrown)) as BulkError<MeasurementInit, Measurement>;
    expect(isCumulocityError(error, 'BulkError')).toBe(true);
    expect(error.total).toBe(5);
    expect(error.failures.map((failure) => [failure.index, isCumulocityError(failure.error, 'ServerError')])).toEqual([
      [2, true],
      [3, true],
    ]);
    expect(error.failures[0]?.target).toMatchObject({ type: 'c8y_Temperature', source: '42' });
    expect(error.results.map((item) => item?.id)).toEqual(['m0', 'm1', undefined, undefined, 'm4']);
    expect(error.results[4]).toBeInstanceOf(Measurement);
    expect(error.succeeded).toEqual([0, 1, 4]);
  });

  it('an empty array sends nothing', async () => {
    await expect(measurements().create([])).resolves.toEqual([]);
  });
});

describe('deleting measurements', () => {
  it('delete: one or many by id (path-encoded)', async () => {
    nock(BASE).delete('/measurement/measurements/a%2Fb').reply(204).delete('/measurement/measurements/1').reply(204).delete('/measurement/measurements/2').reply(204);
    await measurements().delete('a/b');
    await measurements().delete(['1', { id: '2' }], { workers: 2 });
  });

  it('deleteBy: one DELETE with fragmentType (the DELETE name) and the time range; refuses what it does not document', async () => {
    nock(BASE)
      .delete('/measurement/measurements')
      .query({ source: '42', fragmentType: 'c8y_Temperature', dateTo: '2025-01-01T00:00:00.000Z' })
      .reply(204);
    await measurements().deleteBy({ source: '42', fragmentType: 'c8y_Temperature', before: '2025-01-01' });
    await expectInvalid(measurements().deleteBy({ source: '42', series: 'a.b' } as never), 'series', /not a parameter of DELETE \/measurement\/measurements/);
    await expectInvalid(measurements().deleteBy({ source: '42', valueFragmentType: 'a' } as never), 'valueFragmentType', /not a parameter of DELETE/);
    await expectInvalid(measurements().deleteBy({}), 'query', /non-empty filter is required/);
  });
});

describe('series', () => {
  const seriesReply = {
    values: {
      '2025-06-15T10:00:00.000Z': [{ min: 20, max: 22 }, { min: 80, max: 85 }],
      '2025-06-15T11:00:00.000Z': [{ min: 21, max: 23 }, null],
    },
    series: [
      { unit: '°C', name: 'T', type: 'c8y_Temperature' },
      { unit: '%', name: 'level', type: 'c8y_Battery' },
    ],
    truncated: false,
  };

  it('getSeries: one GET of /series with the filters; the reply is a Series with collect()', async () => {
    nock(BASE, { reqheaders: { accept: 'application/json' } })
      .get('/measurement/measurements/series')
      .query({
        source: '42',
        series: 'c8y_Temperature.T,c8y_Battery.level',
        aggregationType: 'HOURLY',
        dateFrom: '2025-06-15T10:00:00.000Z',
        dateTo: '2025-06-15T12:00:00.000Z',
      })
      .reply(200, seriesReply);
    const series = await measurements().getSeries(
      { source: { id: '42' }, series: ['c8y_Temperature.T', 'c8y_Battery.level'], aggregationType: 'HOURLY', maxAge: '2h' },
      { now },
    );
    expect(series).toBeInstanceOf(Series);
    expect(series.seriesNames).toEqual(['c8y_Temperature.T', 'c8y_Battery.level']);
    expect(series.specs.map((spec) => spec.unit)).toEqual(['°C', '%']);
    expect(series.collect({ value: 'max' })).toEqual([
      [22, 85],
      [23, null],
    ]);
    expect(series.collect({ series: 'c8y_Temperature.T', value: ['min', 'max'], timestamps: 'epoch' })).toEqual([
      [Date.UTC(2025, 5, 15, 10), 20, 22],
      [Date.UTC(2025, 5, 15, 11), 21, 23],
    ]);
    expect(series.valuesOf('c8y_Battery.level', 'min')).toEqual([80]);
  });

  it('getSeries: the given end, aggregation functions with their interval, ascending; extra params and headers reach the request', async () => {
    nock(BASE, { reqheaders: { 'x-trace': '1' } })
      .get('/measurement/measurements/series')
      .query({
        source: '42',
        dateFrom: '2025-01-01T00:00:00.000Z',
        dateTo: '2025-01-02T00:00:00.000Z',
        aggregationInterval: '1h',
        aggregationFunction: ['avg', 'count'],
        revert: 'false',
        custom: 'x',
      })
      .reply(200, { values: {}, series: [], truncated: false });
    const series = await measurements().getSeries(
      { source: '42', after: '2025-01-01', before: '2025-01-02', aggregationInterval: '1h', aggregationFunction: ['avg', 'count'], ascending: true },
      { params: { custom: 'x' }, headers: { 'X-Trace': '1' } },
    );
    expect(series.collect()).toEqual([]);
  });

  it('getSeries refuses, before any request: no source, no start, a function without interval, a malformed reply', async () => {
    await expectInvalid(measurements().getSeries({ maxAge: '1d' } as never), 'source', /is required/);
    await expectInvalid(measurements().getSeries({ source: '42', before: 'now' }), 'dateFrom', /needs a start \(dateFrom, after, maxAge\)/);
    await expectInvalid(measurements().getSeries({ source: '42', maxAge: '1d', aggregationFunction: 'avg' }), 'aggregationFunction', /needs 'aggregationInterval'/);
    nock(BASE).get('/measurement/measurements/series').query(true).reply(200, '[]', { 'content-type': 'application/json' });
    const error = await measurements()
      .getSeries({ source: '42', maxAge: '1d' })
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
  });
});

describe('what the API does not offer is not there', () => {
  it('no update, no applyTo, no updateBy: measurements cannot change', () => {
    const api = measurements() as unknown as Record<string, unknown>;
    expect([api['update'], api['applyTo'], api['updateBy']]).toEqual([undefined, undefined, undefined]);
    expect(typeof api['delete']).toBe('function');
  });
});
