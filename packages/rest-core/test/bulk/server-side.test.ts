import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { isCumulocityError, type BulkError } from '../../src/index.js';
import { deleteByFilter, postInChunks, updateByFilter, type Chunk } from '../../src/bulk/index.js';
import type { BulkProgress } from '../../src/bulk/index.js';
import type { PagedResource } from '../../src/paging/index.js';
import { defineQuery } from '../../src/query/index.js';
import { eventSpec, measurementSpec } from '../fixtures/query-specs.js';
import { base, recordingClient, requests, useNockWire } from './helpers.js';

const client = recordingClient;

const collectionType = 'application/vnd.com.nsn.cumulocity.measurementcollection+json';
const measurements: PagedResource = {
  name: 'measurement',
  path: '/measurement/measurements',
  collectionKey: 'measurements',
  mediaType: 'application/vnd.com.nsn.cumulocity.measurement+json',
  collectionMediaType: collectionType,
  querySpec: measurementSpec,
};
const events: PagedResource = { name: 'event', path: '/event/events', collectionKey: 'events', querySpec: eventSpec };
const alarms: PagedResource = {
  name: 'alarm',
  path: '/alarm/alarms',
  collectionKey: 'alarms',
  mediaType: 'application/vnd.com.nsn.cumulocity.alarm+json',
  // A spec like the alarms package's (which rest-core does not know).
  querySpec: defineQuery<Record<string, unknown>>({ resource: 'alarms', ranges: ['time', 'created', 'updated'], ids: ['source'], lists: ['status', 'severity', 'type'] }),
};

const reading = (n: number) => ({ source: { id: '42' }, time: '2025-01-01T00:00:00.000Z', type: 'c8y_T', c8y_T: { T: { value: n, unit: 'C' } } });

useNockWire();

describe('postInChunks (measurement collection POST)', () => {
  it('posts { measurements: [...] } in chunks with the collection media type and returns the created objects in input order', async () => {
    const items = Array.from({ length: 1_200 }, (_, index) => reading(index));
    const bodies: Array<{ measurements: Array<{ c8y_T: { T: { value: number } } }> }> = [];
    nock(base, { reqheaders: { 'content-type': collectionType, accept: collectionType } })
      .post('/measurement/measurements')
      .times(3)
      .delay(10)
      .reply(201, (_uri, body) => {
        const parsed = (typeof body === 'string' ? JSON.parse(body) : body) as { measurements: Array<{ c8y_T: { T: { value: number } } }> };
        bodies.push(parsed);
        return { measurements: parsed.measurements.map((m) => ({ id: `m${m.c8y_T.T.value}`, ...m })) };
      });
    const progress: BulkProgress[] = [];
    const created = await postInChunks(client(), measurements, items, { chunkSize: 500, workers: 2, onProgress: (p) => progress.push(p) });
    expect(bodies.map((body) => body.measurements.length).sort()).toEqual([200, 500, 500]);
    expect(created.map((m) => m.id)).toEqual(items.map((_, index) => `m${index}`));
    expect(progress.at(-1)).toEqual({ done: 1_200, total: 1_200, failed: 0 });
    expect(requests.every((request) => request.headers.get('x-cumulocity-processing-mode') === null)).toBe(true);
  });

  it('a failed chunk is reported in a BulkError with its offset and items; the other chunks still go', async () => {
    const items = Array.from({ length: 5 }, (_, index) => reading(index));
    nock(base).post('/measurement/measurements').reply(201, { measurements: [{ id: 'a' }, { id: 'b' }] });
    nock(base).post('/measurement/measurements').reply(422, { error: 'measurement/Invalid Data', message: 'bad unit' });
    nock(base).post('/measurement/measurements').reply(201, { measurements: [{ id: 'e' }] });
    const error = (await postInChunks(client(), measurements, items, { chunkSize: 2, processingMode: 'QUIESCENT' }).catch((caught: unknown) => caught)) as BulkError<
      Chunk<unknown>,
      unknown[]
    >;
    expect(isCumulocityError(error, 'BulkError')).toBe(true);
    expect(error.failures).toHaveLength(1);
    expect(error.failures[0]?.index).toBe(1);
    expect(error.failures[0]?.target.offset).toBe(2);
    expect(error.failures[0]?.target.items).toEqual(items.slice(2, 4));
    expect(isCumulocityError(error.failures[0]?.error, 'ValidationError')).toBe(true);
    expect(error.results).toEqual([[{ id: 'a' }, { id: 'b' }], undefined, [{ id: 'e' }]]);
    expect(requests.map((request) => request.headers.get('x-cumulocity-processing-mode'))).toEqual(['QUIESCENT', 'QUIESCENT', 'QUIESCENT']);
  });

  it.each([
    [4, 2, [2, 2]],
    [6, 3, [3, 3]],
    [5, 5, [5]],
    [1, 1, [1]],
    [5, 2, [2, 2, 1]],
  ])('%i items with chunkSize %i → exactly the chunks %j, no empty one', async (count, chunkSize, sizes) => {
    const items = Array.from({ length: count }, (_, index) => reading(index));
    const sent: number[] = [];
    nock(base)
      .post('/measurement/measurements')
      .times(sizes.length)
      .reply(201, (_uri, body) => {
        const parsed = (typeof body === 'string' ? JSON.parse(body) : body) as { measurements: Array<{ c8y_T: { T: { value: number } } }> };
        sent.push(parsed.measurements.length);
        return { measurements: parsed.measurements.map((m) => ({ id: `m${m.c8y_T.T.value}` })) };
      });
    const created = await postInChunks(client(), measurements, items, { chunkSize });
    expect(requests).toHaveLength(sizes.length);
    expect(sent).toEqual(sizes); // one worker: chunks go in input order
    expect(created.map((m) => m.id)).toEqual(items.map((_, index) => `m${index}`));
  });

  it('sends nothing for no items; rejects a bad chunk size', async () => {
    expect(await postInChunks(client(), measurements, [])).toEqual([]);
    await expect(postInChunks(client(), measurements, [reading(1)], { chunkSize: 0 })).rejects.toThrow('chunkSize: must be an integer ≥ 1');
    expect(requests).toHaveLength(0);
  });

  it('a malformed reply is a ResponseFormatError inside the BulkError', async () => {
    nock(base).post('/measurement/measurements').reply(201, { measurement: [] });
    const error = (await postInChunks(client(), measurements, [reading(1)]).catch((caught: unknown) => caught)) as BulkError;
    expect(isCumulocityError(error.failures[0]?.error, 'ResponseFormatError')).toBe(true);
  });
});

describe('deleteByFilter', () => {
  it('sends DELETE with the built filters', async () => {
    nock(base).delete('/event/events?source=42&type=c8y_Test&dateTo=2025-01-01T00%3A00%3A00.000Z').reply(204);
    await deleteByFilter(client(), events, { source: '42', type: 'c8y_Test', before: '2025-01-01' });
  });

  it('measurements: fragment is sent as fragmentType (OAS: DELETE /measurement/measurements takes fragmentType)', async () => {
    nock(base).delete('/measurement/measurements?source=42&fragmentType=c8y_T').reply(204);
    await deleteByFilter(client(), measurements, { source: '42', fragment: 'c8y_T' });
    expect(requests.map((request) => new URL(request.url).search)).toEqual(['?source=42&fragmentType=c8y_T']);
  });

  it('accepts a raw expression', async () => {
    nock(base).delete('/event/events?source=42').reply(204);
    await deleteByFilter(client(), events, 'source=42', { processingMode: 'QUIESCENT' });
    expect(requests[0]?.headers.get('x-cumulocity-processing-mode')).toBe('QUIESCENT');
  });

  it.each([
    ['no filter', undefined],
    ['an empty object', {}],
    ['only undefined values', { source: undefined, type: null }],
    ['an empty value', { type: '' }],
    ['an empty raw expression', ''],
    ['an empty raw value', 'source='],
  ])('refuses %s with an InvalidInputError and sends nothing', async (_case, query) => {
    const error = await deleteByFilter(client(), events, query as never).catch((caught: unknown) => caught);
    expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
    expect((error as Error).message).toMatch(/filter is required: DELETE \/event\/events without one would hit every event/);
    expect(requests).toHaveLength(0);
  });
});

describe('updateByFilter (alarm status by filter)', () => {
  it('PUTs the body with the alarm media type and the filters; 200 = done', async () => {
    nock(base, { reqheaders: { 'content-type': 'application/vnd.com.nsn.cumulocity.alarm+json' } })
      .put('/alarm/alarms?source=42&status=ACTIVE%2CACKNOWLEDGED', { status: 'CLEARED' })
      .reply(200);
    await expect(updateByFilter(client(), alarms, { source: '42', status: ['ACTIVE', 'ACKNOWLEDGED'] }, { status: 'CLEARED' })).resolves.toEqual({
      status: 200,
      inBackground: false,
    });
  });

  it('202 = continuing in the background', async () => {
    nock(base).put('/alarm/alarms?source=1', { status: 'ACKNOWLEDGED' }).reply(202);
    await expect(updateByFilter(client(), alarms, { source: '1' }, { status: 'ACKNOWLEDGED' })).resolves.toEqual({ status: 202, inBackground: true });
  });

  it('refuses an empty filter or an empty body without sending', async () => {
    await expect(updateByFilter(client(), alarms, {}, { status: 'CLEARED' })).rejects.toThrow(/filter is required: PUT \/alarm\/alarms/);
    await expect(updateByFilter(client(), alarms, { source: '1' }, {})).rejects.toThrow('body: expected a non-empty object');
    expect(requests).toHaveLength(0);
  });

  it('server errors come through typed', async () => {
    nock(base).put('/alarm/alarms?source=1').reply(403, { error: 'security/Forbidden', message: 'Access is denied' });
    const error = await updateByFilter(client(), alarms, { source: '1' }, { status: 'CLEARED' }).catch((caught: unknown) => caught);
    expect(isCumulocityError(error, 'ForbiddenError')).toBe(true);
  });
});
