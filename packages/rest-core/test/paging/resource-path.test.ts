import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '../../src/index.js';
import { resolveResourcePath } from '../../src/paging/index.js';
import { fakeClient } from './helpers.js';

const noReply = () => {
  throw new Error('no request expected');
};

// Pins when the tenant id is looked up (only for a {tenantId} path), with which options, and how it is encoded.
describe('resolveResourcePath', () => {
  it('a path without the placeholder is returned as it is, without a lookup', async () => {
    const { client, tenantLookups, gets } = fakeClient(noReply);
    expect(await resolveResourcePath(client, '/event/events')).toBe('/event/events');
    expect(await resolveResourcePath(client, '/user/tenantId/users', new AbortController().signal)).toBe('/user/tenantId/users');
    expect(tenantLookups).toEqual([]);
    expect(gets).toEqual([]);
  });

  it('fills in every placeholder; the lookup gets the signal only when there is one', async () => {
    const { client, tenantLookups } = fakeClient(noReply);
    expect(await resolveResourcePath(client, '/user/{tenantId}/groups/{tenantId}')).toBe('/user/t100/groups/t100');
    const signal = new AbortController().signal;
    expect(await resolveResourcePath(client, '/user/{tenantId}/users', signal)).toBe('/user/t100/users');
    expect(tenantLookups).toHaveLength(2);
    expect(tenantLookups[0]).toStrictEqual({});
    expect(tenantLookups[1]).toStrictEqual({ signal });
    expect(tenantLookups[1]?.signal).toBe(signal);
  });

  it('encodes the tenant id as one path segment and refuses one that is not', async () => {
    expect(await resolveResourcePath(fakeClient(noReply, 'a/b c').client, '/user/{tenantId}/users')).toBe('/user/a%2Fb%20c/users');
    const error = await resolveResourcePath(fakeClient(noReply, '..').client, '/user/{tenantId}/users').catch((caught: unknown) => caught);
    if (!isCumulocityError(error, 'InvalidInputError')) throw new Error(`expected an InvalidInputError, got ${String(error)}`);
    expect({ path: error.path, message: error.message }).toEqual({ path: 'tenantId', message: 'tenantId: ".." is not a valid id' });
  });
});
