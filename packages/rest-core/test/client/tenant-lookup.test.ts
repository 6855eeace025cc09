import { beforeEach, describe, expect, it } from '@jest/globals';
import { getEventListeners } from 'node:events';
import { CumulocityRestClient, ResponseFormatError, type AuthStrategy } from '../../src/index.js';

// getTenantId without a tenant in the options or the credentials: one GET /tenant/currentTenant,
// shared by every caller, checked for a tenant name, and tried again by a later call when it failed.
// A caller's signal ends that caller's wait, not the shared lookup.

const base = 'https://t100.example.com';
const lookupUrl = `${base}/tenant/currentTenant`;
/** Credentials that name no tenant: the client has to ask. */
const anonymous: AuthStrategy = { authorize: () => undefined, toString: () => 'None' };

/** A reply the test sends when it likes. */
interface PendingReply {
  answer: (response: Response) => void;
}

let requests: string[] = [];
let script: Array<() => Response | PendingReply> = [];
let pending: PendingReply[] = [];

/** Answers each request with the next entry of `script`; a `PendingReply` entry waits for the test. */
const scriptedFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  requests.push(new Request(input, init).url);
  const next = script.shift();
  if (next === undefined) return Promise.reject(new Error('unexpected request'));
  const reply = next();
  if (reply instanceof Response) return Promise.resolve(reply);
  return new Promise<Response>((resolve) => {
    reply.answer = resolve;
    pending.push(reply);
  });
};

const json = (body: string, status = 200) => () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
const later = () => (): PendingReply => ({ answer: () => undefined });
const client = () => new CumulocityRestClient({ baseUrl: base, auth: anonymous, retry: false, fetch: scriptedFetch });
const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

/** Waits (on the event loop, not a clock) until the scripted fetch holds a reply for the test. */
async function heldReply(): Promise<PendingReply> {
  for (let i = 0; i < 100 && pending.length === 0; i++) await new Promise((resolve) => setImmediate(resolve));
  const reply = pending.shift();
  if (reply === undefined) throw new Error('no request arrived');
  return reply;
}

beforeEach(() => {
  requests = [];
  script = [];
  pending = [];
});

describe('the reply must name the tenant', () => {
  it.each([
    ['an object without `name`', json('{"domainName":"t100.example.com"}')],
    ['an empty `name`', json('{"name":""}')],
    ['a numeric `name`', json('{"name":100}')],
    ['a `name` of null', json('{"name":null}')],
    ['a `name` that is an object', json('{"name":{"id":"t100"}}')],
    ['a JSON null', json('null')],
    ['an empty 200', json('')],
    ['a 204', () => new Response(null, { status: 204 })],
  ])('%s → ResponseFormatError naming the request', async (_name, reply) => {
    script = [reply];
    const error = await client()
      .getTenantId()
      .then(
        (value) => Promise.reject(new Error(`resolved ${value}`)),
        (error: unknown) => error,
      );
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({
      name: 'ResponseFormatError',
      message: `Unexpected reply: GET /tenant/currentTenant did not name the tenant (GET ${lookupUrl})`,
      method: 'GET',
      url: lookupUrl,
    });
    expect(requests).toEqual([lookupUrl]);
  });
});

describe('a failed lookup is tried again by a later call', () => {
  it('after an error status: the next call sends a new request and gets the tenant', async () => {
    script = [json('{"error":"general/unavailable","message":"busy"}', 503), json('{"name":"t555"}')];
    const c = client();
    await expect(c.getTenantId()).rejects.toMatchObject({ name: 'ServerError', status: 503 });
    await expect(c.getTenantId()).resolves.toBe('t555');
    await expect(c.getTenantId()).resolves.toBe('t555');
    expect(requests).toEqual([lookupUrl, lookupUrl]);
  });

  it('after a reply without a tenant name: the next call sends a new request and gets the tenant', async () => {
    script = [json('{}'), json('{"name":"t555"}')];
    const c = client();
    await expect(c.getTenantId()).rejects.toBeInstanceOf(ResponseFormatError);
    await expect(c.getTenantId()).resolves.toBe('t555');
    await expect(c.getTenantId()).resolves.toBe('t555');
    expect(requests).toEqual([lookupUrl, lookupUrl]);
  });
});

describe("a caller's signal", () => {
  it('already aborted: rejects with its reason and sends nothing', async () => {
    const c = client();
    const reason = new Error('aborted before the call');
    const signal = AbortSignal.abort(reason);
    await expect(c.getTenantId({ signal })).rejects.toBe(reason);
    expect(requests).toEqual([]);
    expect(listeners(signal)).toBe(0);
  });

  it('aborted during the lookup: rejects with its reason at once; the lookup goes on and serves the next call', async () => {
    script = [later()];
    const c = client();
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const waiting = c.getTenantId({ signal: controller.signal });
    const reply = await heldReply();
    expect(listeners(controller.signal)).toBe(1);

    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    // The lookup is still waiting for its reply, but the aborted signal holds nothing of this call.
    expect(listeners(controller.signal)).toBe(0);

    const next = c.getTenantId();
    reply.answer(json('{"name":"t555"}')());
    await expect(next).resolves.toBe('t555');
    await expect(c.getTenantId()).resolves.toBe('t555');
    expect(requests).toEqual([lookupUrl]);
  });

  it('not aborted: resolves with the tenant and leaves no listener once the lookup is over', async () => {
    script = [later()];
    const c = client();
    const controller = new AbortController();
    const waiting = c.getTenantId({ signal: controller.signal });
    const reply = await heldReply();
    expect(listeners(controller.signal)).toBe(1);

    reply.answer(json('{"name":"t555"}')());
    await expect(waiting).resolves.toBe('t555');
    expect(listeners(controller.signal)).toBe(0);
    expect(requests).toEqual([lookupUrl]);
  });

  it('not aborted, the lookup fails: rejects with its error and leaves no listener', async () => {
    script = [json('{"error":"general/unavailable","message":"busy"}', 503)];
    const controller = new AbortController();
    await expect(client().getTenantId({ signal: controller.signal })).rejects.toMatchObject({ name: 'ServerError', status: 503 });
    expect(listeners(controller.signal)).toBe(0);
  });

  it('with a tenant known from the options: resolves it without a request or a listener', async () => {
    const controller = new AbortController();
    const c = new CumulocityRestClient({ baseUrl: base, auth: anonymous, tenantId: 't7', fetch: scriptedFetch });
    await expect(c.getTenantId({ signal: controller.signal })).resolves.toBe('t7');
    expect(listeners(controller.signal)).toBe(0);
    expect(requests).toEqual([]);
  });
});
