import { describe, expect, it } from '@jest/globals';
import { CumulocityRestClient, isCumulocityError, type RestClientOptions } from '../../src/index.js';
import { thrownBy } from './expect-invalid.js';

// The client refuses to be built without an options object, before it looks at any field; and
// `auth` must be a strategy object.

describe('client options must be an object', () => {
  it.each([[undefined], [null], ['https://t100.example.com'], [42], [true]])('%p → InvalidInputError at options', (options) => {
    const error = thrownBy(() => new CumulocityRestClient(options as unknown as RestClientOptions));
    if (!isCumulocityError(error, 'InvalidInputError')) throw new Error(`expected InvalidInputError, got ${String(error)}`);
    expect(error.message).toBe('options: client options are required');
    expect(error.path).toBe('options');
  });
});

describe('options.auth must be a strategy object', () => {
  it.each([
    ['a function carrying an authorize method', () => Object.assign(() => undefined, { authorize: () => undefined })],
    ['a string', () => 'Basic dDEwMC9hZG1pbjpzM2NyM3Q='],
    ['an object without authorize', () => ({ authorize: 'yes' })],
  ])('%s is refused', (_, auth) => {
    const options = { baseUrl: 'https://t100.example.com', auth: auth() } as unknown as RestClientOptions;
    const error = thrownBy(() => new CumulocityRestClient(options));
    if (!isCumulocityError(error, 'InvalidInputError')) throw new Error(`expected InvalidInputError, got ${String(error)}`);
    expect(error.message).toBe('options.auth: is required: an auth strategy such as new BasicAuth(user, password)');
    expect(error.path).toBe('options.auth');
  });
});
