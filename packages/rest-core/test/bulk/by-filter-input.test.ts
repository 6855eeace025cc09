import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { isCumulocityError } from '../../src/index.js';
import { deleteByFilter, updateByFilter } from '../../src/bulk/index.js';
import type { PagedResource } from '../../src/paging/index.js';
import { eventSpec } from '../fixtures/query-specs.js';
import { base, recordingClient, requests, useNockWire } from './helpers.js';

const events: PagedResource = { name: 'event', path: '/event/events', collectionKey: 'events', querySpec: eventSpec };

useNockWire();

const refusal = async (call: Promise<unknown>) => {
  const error = await call.catch((caught: unknown) => caught);
  if (!isCumulocityError(error, 'InvalidInputError')) throw new Error(`expected an InvalidInputError, got ${String(error)}`);
  return { path: error.path, message: error.message };
};

describe('deleteByFilter and updateByFilter refuse before sending', () => {
  it('no filter at all (undefined, null) and a filter that filters nothing are told apart', async () => {
    for (const query of [undefined, null]) {
      expect(await refusal(deleteByFilter(recordingClient(), events, query as never))).toEqual({
        path: 'query',
        message: 'query: a filter is required: DELETE /event/events without one would hit every event',
      });
    }
    expect(await refusal(updateByFilter(recordingClient(), events, { type: ['', ''] }, { status: 'CLEARED' }))).toEqual({
      path: 'query',
      message: 'query: a non-empty filter is required: PUT /event/events without one would hit every event',
    });
    expect(requests).toHaveLength(0);
  });

  it('a repeated raw parameter counts when one of its values is not empty', async () => {
    nock(base).delete('/event/events?source=&source=42').reply(204);
    await deleteByFilter(recordingClient(), events, 'source=&source=42');
    await expect(refusal(deleteByFilter(recordingClient(), events, 'source=&source='))).resolves.toMatchObject({ path: 'query' });
  });

  it('a resource without a querySpec', async () => {
    const { querySpec: _spec, ...withoutSpec } = events;
    for (const resource of [withoutSpec, { ...events, querySpec: null }]) {
      expect(await refusal(deleteByFilter(recordingClient(), resource as never, { type: 'x' }))).toEqual({
        path: 'resource.querySpec',
        message: "resource.querySpec: expected the resource's querySpec",
      });
    }
    expect(requests).toHaveLength(0);
  });

  it('updateByFilter: a body that is not a non-empty object (null, an array, a string)', async () => {
    for (const body of [null, ['CLEARED'], 'CLEARED']) {
      expect(await refusal(updateByFilter(recordingClient(), events, { source: '1' }, body as never))).toEqual({
        path: 'body',
        message: 'body: expected a non-empty object, e.g. { status: "CLEARED" }',
      });
    }
    expect(requests).toHaveLength(0);
  });
});

describe('the request', () => {
  it('updateByFilter sends the body as application/json when the resource names no media type', async () => {
    nock(base, { reqheaders: { 'content-type': 'application/json' } }).put('/event/events?source=1', { text: 'x' }).reply(200);
    await expect(updateByFilter(recordingClient(), events, { source: '1' }, { text: 'x' })).resolves.toEqual({ status: 200, inBackground: false });
  });

  it('the caller’s signal reaches the request: aborting it while the DELETE is under way rejects with its reason', async () => {
    const controller = new AbortController();
    const reason = new Error('stop deleting');
    nock(base)
      .delete('/event/events?source=1')
      .reply(() => {
        controller.abort(reason);
        return [204];
      });
    await expect(deleteByFilter(recordingClient(), events, { source: '1' }, { signal: controller.signal })).rejects.toBe(reason);
  });
});
