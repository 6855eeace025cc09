import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '../../src/index.js';
import { readNextLink } from '../../src/paging/index.js';

const collection = '/inventory/managedObjects';
const base = 'https://10.0.0.1:8111';

/** What readNextLink threw: a ResponseFormatError, with its message, method and URL. */
function refusal(link: string): { message: string; method: string | undefined; url: string | undefined } {
  let thrown: unknown;
  try {
    readNextLink(link, collection, base);
  } catch (error) {
    thrown = error;
  }
  if (!isCumulocityError(thrown, 'ResponseFormatError')) throw new Error(`expected a ResponseFormatError, got ${String(thrown)}`);
  return { message: thrown.message, method: thrown.method, url: thrown.url };
}

// Pins which links are followed (the collection's path, under a prefix, trailing slashes) and which are refused, with the exact errors.
describe('readNextLink: the link path', () => {
  it('takes a link on another origin as a request on the collection (only its query is kept)', () => {
    const next = readNextLink('https://t1.example.com/inventory/managedObjects?pageSize=5&currentPage=13', collection, base);
    expect(next.params.toString()).toBe('pageSize=5&currentPage=13');
    expect(next.position).toBe(13);
    expect(next.key).toBe('currentPage=13&pageSize=5');
  });

  it('accepts the collection path under a prefix (a proxy path) and with trailing slashes', () => {
    expect(readNextLink('https://t1.example.com/proxy/c8y/inventory/managedObjects?currentPage=2', collection, base).position).toBe(2);
    expect(readNextLink('https://t1.example.com/inventory/managedObjects/?currentPage=3', collection, base).position).toBe(3);
    expect(readNextLink('https://t1.example.com/inventory/managedObjects//?currentPage=4', collection, base).position).toBe(4);
    // A relative link resolves against the client's base URL.
    expect(readNextLink('/inventory/managedObjects?currentPage=5', collection, base).position).toBe(5);
  });

  it('refuses a link to another path, also one below the collection', () => {
    expect(refusal('https://t1.example.com/inventory/managedObjects/123/childDevices?currentPage=2')).toEqual({
      message:
        'Unexpected reply: the "next" link points to /inventory/managedObjects/123/childDevices, not to the collection /inventory/managedObjects: refusing to follow it (GET https://10.0.0.1:8111/inventory/managedObjects)',
      method: 'GET',
      url: 'https://10.0.0.1:8111/inventory/managedObjects',
    });
    expect(refusal('https://t1.example.com/event/events?currentPage=2').message).toBe(
      'Unexpected reply: the "next" link points to /event/events, not to the collection /inventory/managedObjects: refusing to follow it (GET https://10.0.0.1:8111/inventory/managedObjects)',
    );
  });

  it('refuses a link that is not a URL, quoting at most its first 200 characters', () => {
    expect(refusal('http://[oops/inventory/managedObjects')).toEqual({
      message: 'Unexpected reply: the "next" link "http://[oops/inventory/managedObjects" is not a URL (GET https://10.0.0.1:8111/inventory/managedObjects)',
      method: 'GET',
      url: 'https://10.0.0.1:8111/inventory/managedObjects',
    });
    const long = `http://[${'x'.repeat(300)}`;
    expect(refusal(long).message).toBe(
      `Unexpected reply: the "next" link "${long.slice(0, 200)}" is not a URL (GET https://10.0.0.1:8111/inventory/managedObjects)`,
    );
  });
});

// Pins the position (currentPage only when it is all digits) and the canonical key (sorted parameters).
describe('readNextLink: position and key', () => {
  it.each([
    ['pageSize=5', undefined],
    ['pageSize=5&currentPage=', undefined],
    ['pageSize=5&currentPage=x5', undefined],
    ['pageSize=5&currentPage=5x', undefined],
    ['pageSize=5&currentPage=-5', undefined],
    ['pageSize=5&currentPage=0', 0],
    ['pageSize=5&currentPage=120', 120],
  ])('?%s → position %s', (query, position) => {
    expect(readNextLink(`${base}${collection}?${query}`, collection, base).position).toBe(position);
  });

  it('keeps the parameters in the link order (decoded) and sorts them only in the key', () => {
    const next = readNextLink(`${base}${collection}?withTotalPages=true&query=name%20eq%20'a'&currentPage=3&pageSize=5`, collection, base);
    expect([...next.params.entries()]).toEqual([
      ['withTotalPages', 'true'],
      ['query', "name eq 'a'"],
      ['currentPage', '3'],
      ['pageSize', '5'],
    ]);
    expect(next.key).toBe('currentPage=3&pageSize=5&query=name+eq+%27a%27&withTotalPages=true');
    // The same parameters in another order give the same key.
    expect(readNextLink(`${base}${collection}?pageSize=5&currentPage=3&withTotalPages=true&query=name%20eq%20'a'`, collection, base).key).toBe(next.key);
  });
});
