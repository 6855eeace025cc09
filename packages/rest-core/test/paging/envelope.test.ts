import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '../../src/index.js';
import { readCollectionReply } from '../../src/paging/index.js';

const events = { name: 'event', collectionKey: 'events' };
const request = { method: 'GET', url: 'https://t100.example.com/event/events?pageSize=5&currentPage=1' };

function refusal(body: unknown): { message: string; method: string | undefined; url: string | undefined } {
  let thrown: unknown;
  try {
    readCollectionReply(body, events, request);
  } catch (error) {
    thrown = error;
  }
  if (!isCumulocityError(thrown, 'ResponseFormatError')) throw new Error(`expected a ResponseFormatError, got ${String(thrown)}`);
  return { message: thrown.message, method: thrown.method, url: thrown.url };
}

// Pins the refusals of a malformed envelope with each kind of value named exactly.
describe('readCollectionReply: malformed envelopes', () => {
  it.each([
    ['a string', 'a string'],
    [42, 'number'],
    [true, 'boolean'],
    [null, 'null'],
    [undefined, 'undefined'],
    [[{ id: '1' }], 'an array'],
  ])('a reply that is %j', (body, described) => {
    expect(refusal(body)).toEqual({
      message: `Unexpected reply: the event collection must be a JSON object with "events", got ${described} (GET ${request.url})`,
      ...request,
    });
  });

  it.each([
    [{ statistics: {} }, 'no such key'],
    [{ events: 'x' }, 'a string'],
    [{ events: 3 }, 'number'],
    [{ events: null }, 'null'],
    [{ events: { id: '1' } }, 'object'],
  ])('an envelope %j', (body, described) => {
    expect(refusal(body).message).toBe(`Unexpected reply: the event collection must have an array "events", got ${described} (GET ${request.url})`);
  });
});

// Pins what is read from a well-formed envelope: statistics (null totals kept), self and next (non-empty strings only).
describe('readCollectionReply: statistics, self and next', () => {
  it('reads finite numbers, keeps null totals and drops everything else', () => {
    expect(readCollectionReply({ events: [], statistics: { currentPage: 3, pageSize: 5, totalPages: null, totalElements: null } }, events, request).statistics).toStrictEqual({
      currentPage: 3,
      pageSize: 5,
      totalPages: null,
      totalElements: null,
    });
    expect(readCollectionReply({ events: [], statistics: { currentPage: '3', pageSize: null, totalPages: 7, totalElements: 'many' } }, events, request).statistics).toStrictEqual({
      currentPage: undefined,
      pageSize: undefined,
      totalPages: 7,
      totalElements: undefined,
    });
  });

  it.each([null, 'statistics', 5, undefined])('statistics %j are no statistics', (statistics) => {
    expect(readCollectionReply({ events: [{ id: '1' }], statistics }, events, request)).toStrictEqual({
      items: [{ id: '1' }],
      statistics: undefined,
      self: undefined,
      next: undefined,
    });
  });

  it('self and next are kept when they are strings; an empty or non-string next is no next', () => {
    const link = 'https://t100.example.com/event/events?pageSize=5&currentPage=2';
    expect(readCollectionReply({ events: [], self: request.url, next: link }, events, request)).toMatchObject({ self: request.url, next: link });
    for (const next of ['', 5, null, { href: link }]) {
      expect(readCollectionReply({ events: [], self: 7, next }, events, request)).toMatchObject({ self: undefined, next: undefined });
    }
  });
});
