import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { inspect } from 'node:util';
import { BasicAuth } from '../../src/auth/index.js';
import { CumulocityRestClient } from '../../src/client/index.js';
import { isCumulocityError } from '../../src/errors/index.js';
import { decodeBasic } from './helpers.js';

// BasicAuth#updatePassword: the same instance (and every client built with it) sends the new
// password from the next authorized request on; requests in flight keep the header they carry.

const BASE = 'https://t100.example.com';
const OLD = 'Old-S3cret!';
const NEW = 'N3w-S3cret!';

function authorizationOf(auth: BasicAuth, tenantId?: string): string {
  const headers = new Headers();
  auth.authorize(headers, tenantId === undefined ? {} : { tenantId });
  return decodeBasic(headers.get('authorization'));
}

/** A promise with its resolve function, to hold a reply until the test releases it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Resolves once `condition()` holds; checks after every turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('BasicAuth#updatePassword', () => {
  it('later headers carry the new password; tenant, user name and TFA token stay', () => {
    const auth = new BasicAuth('t100/jane', OLD, { tfaToken: 'tfa-1' });
    expect(authorizationOf(auth)).toBe(`t100/jane:${OLD}`);
    auth.updatePassword(NEW);
    const headers = new Headers();
    auth.authorize(headers, {});
    expect(decodeBasic(headers.get('authorization'))).toBe(`t100/jane:${NEW}`);
    expect(headers.get('tfatoken')).toBe('tfa-1');
    expect([auth.tenantId, auth.username]).toEqual(['t100', 'jane']);
  });

  it('a tenant taken from the context is still put in front (the cached header is not reused)', () => {
    const auth = new BasicAuth('jane', OLD);
    expect(authorizationOf(auth, 't200')).toBe(`t200/jane:${OLD}`);
    auth.updatePassword(NEW);
    expect(authorizationOf(auth, 't200')).toBe(`t200/jane:${NEW}`);
    expect(authorizationOf(auth)).toBe(`jane:${NEW}`);
  });

  it('a header already set keeps the old password', () => {
    const auth = new BasicAuth('t100/jane', OLD);
    const sent = new Headers();
    auth.authorize(sent, {});
    auth.updatePassword(NEW);
    expect(decodeBasic(sent.get('authorization'))).toBe(`t100/jane:${OLD}`);
  });

  it.each([
    ['an empty password', ''],
    ['a password with LF', 'abc\ndef'],
    ['a password with NUL', 'abc\0def'],
    ['a lone surrogate', 'abc\uD800'],
    ['a non-string', 42 as unknown as string],
  ])('refuses %s with InvalidInputError naming `password`, and the old password stays', (_name, value) => {
    const auth = new BasicAuth('t100/jane', OLD);
    let caught: unknown;
    try {
      auth.updatePassword(value);
    } catch (error) {
      caught = error;
    }
    expect(isCumulocityError(caught, 'InvalidInputError')).toBe(true);
    expect((caught as { path?: string }).path).toBe('password');
    if (typeof value === 'string' && value !== '') expect((caught as Error).message).not.toContain(value);
    expect(authorizationOf(auth)).toBe(`t100/jane:${OLD}`);
  });

  it('the new password never shows in String(), JSON or util.inspect', () => {
    const auth = new BasicAuth('t100/jane', OLD);
    auth.updatePassword(NEW);
    for (const text of [String(auth), JSON.stringify(auth), inspect(auth, { showHidden: true }), inspect({ auth }, { depth: 5 })]) {
      expect(text).toMatch(/t100\/jane|"jane"/);
      expect(text).not.toContain(NEW);
      expect(text).not.toContain(OLD);
    }
    expect(Object.getOwnPropertyNames(auth)).toEqual([]);
  });
});

describe('a client whose BasicAuth password is updated', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());

  it('a request in flight keeps the old header; the next request sends the new one', async () => {
    const auth = new BasicAuth('t100/jane', OLD);
    const client = new CumulocityRestClient({ baseUrl: BASE, auth, retry: false });
    const held = gate();
    const seen: string[] = [];
    nock(BASE)
      .get('/slow')
      .reply(async function () {
        seen.push(decodeBasic(String(this.req.headers.authorization)));
        await held.promise;
        return [200, { slow: true }];
      })
      .get('/after')
      .reply(function () {
        seen.push(decodeBasic(String(this.req.headers.authorization)));
        return [200, { after: true }];
      });
    const slow = client.get('/slow');
    await until(() => seen.length === 1);
    auth.updatePassword(NEW);
    expect(await client.get('/after')).toEqual({ after: true });
    held.open();
    expect(await slow).toEqual({ slow: true });
    expect(seen).toEqual([`t100/jane:${OLD}`, `t100/jane:${NEW}`]);
  });

  it('a retry after the update is authorized again, with the new password', async () => {
    const auth = new BasicAuth('t100/jane', OLD);
    const client = new CumulocityRestClient({ baseUrl: BASE, auth, retry: { limit: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    const held = gate();
    const seen: string[] = [];
    nock(BASE)
      .get('/flaky')
      .reply(async function () {
        seen.push(decodeBasic(String(this.req.headers.authorization)));
        await held.promise;
        return [503, { error: 'general/Unavailable', message: 'try again' }];
      })
      .get('/flaky')
      .reply(function () {
        seen.push(decodeBasic(String(this.req.headers.authorization)));
        return [200, { ok: true }];
      });
    const call = client.get('/flaky');
    await until(() => seen.length === 1);
    auth.updatePassword(NEW);
    held.open();
    expect(await call).toEqual({ ok: true });
    expect(seen).toEqual([`t100/jane:${OLD}`, `t100/jane:${NEW}`]);
  });

  it('errors mask the new password like the old one', async () => {
    const auth = new BasicAuth('t100/jane', OLD);
    const client = new CumulocityRestClient({ baseUrl: BASE, auth, retry: false });
    nock(BASE).get('/first').reply(200, {});
    await client.get('/first');
    auth.updatePassword(NEW);
    const basic = Buffer.from(`t100/jane:${NEW}`).toString('base64');
    nock(BASE)
      .get('/echo')
      .reply(500, { error: 'general/internalError', message: `rejected ${NEW} in Basic ${basic} after ${OLD}` });
    const error = await client.get('/echo').then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    expect(isCumulocityError(error, 'ServerError')).toBe(true);
    for (const text of [error?.message ?? '', JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(text).not.toContain(NEW);
      expect(text).not.toContain(basic);
      expect(text).not.toContain(OLD);
    }
  });
});
