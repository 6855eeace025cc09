import { afterEach, describe, expect, it, jest } from '@jest/globals';
import ky from 'ky';
import { getEventListeners } from 'node:events';
import { sendAttempt, type AttemptPlan } from '../../src/client/attempt.js';
import { readReply } from '../../src/client/read-reply.js';
import { CumulocityRestClient, ResponseFormatError } from '../../src/index.js';
import { testAuth } from './test-auth.js';

// One attempt (src/client/attempt.ts): what it leaves on the call's signal, how a caller's abort
// ends it, what happens to a reply that arrives after the abort, and a redirect without a target.

const base = 'https://t100.example.com';
const url = new URL(`${base}/x`);
const description = { method: 'GET', url: url.toString() };
/** The ky instance the client builds (no retries, no timeout, no redirects followed). */
const kyInstance = ky.create({ retry: 0, timeout: false, throwHttpErrors: false, redirect: 'manual' });

const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;
const okJson = () => new Response('{"id":"1"}', { status: 200, headers: { 'Content-Type': 'application/json' } });

/** A fetch whose reply the test sends when it likes; `called` opens when the request is made. */
function heldFetch(): { fetch: typeof globalThis.fetch; called: Promise<void>; answer: (response: Response) => void; calls: () => number } {
  let calls = 0;
  let open: () => void = () => undefined;
  const called = new Promise<void>((resolve) => (open = resolve));
  let answer: (response: Response) => void = () => undefined;
  const reply = new Promise<Response>((resolve) => (answer = resolve));
  return {
    fetch: () => {
      calls++;
      open();
      return reply;
    },
    called,
    answer: (response) => answer(response),
    calls: () => calls,
  };
}

function plan(overrides: Partial<AttemptPlan>): AttemptPlan {
  return {
    url,
    method: 'GET',
    headers: new Headers({ Accept: 'application/json' }),
    body: undefined,
    read: (response, context) => readReply(response, 'json', context),
    timeoutMs: 60_000,
    callSignal: undefined,
    maxBytes: false,
    stream: { idleTimeoutMs: false, signal: undefined, maxBytes: false, request: description },
    description,
    ...overrides,
  };
}

afterEach(() => {
  jest.useRealTimers();
});

describe("the call's signal during and after an attempt", () => {
  it.each([
    ['a reply', () => Promise.resolve(okJson()), { ok: true, value: { id: '1' } }],
    ['an error status', () => Promise.resolve(new Response('{}', { status: 503 })), { ok: false, failure: { kind: 'status', status: 503, retryAfter: null } }],
    ['a network failure', () => Promise.reject(new TypeError('fetch failed')), { ok: false, failure: { kind: 'network' } }],
  ])('with a deadline, ended by %s: one listener while it runs; no listener and no timer after', async (_name, reply, expected) => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    const call = new AbortController();
    const held = heldFetch();
    const attempt = sendAttempt(kyInstance, held.fetch, plan({ callSignal: call.signal, timeoutMs: 60_000 }));
    await held.called;
    expect(listeners(call.signal)).toBe(1);
    expect(jest.getTimerCount()).toBe(1);

    reply().then(held.answer, (error: unknown) => held.answer(Promise.reject(error) as unknown as Response));
    await expect(attempt).resolves.toMatchObject(expected);
    expect(listeners(call.signal)).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('without a deadline (timeout: false): only the wait for the reply listens to the call signal, and nothing after', async () => {
    const call = new AbortController();
    const held = heldFetch();
    const attempt = sendAttempt(kyInstance, held.fetch, plan({ callSignal: call.signal, timeoutMs: false }));
    await held.called;
    expect(listeners(call.signal)).toBe(1);

    held.answer(okJson());
    await expect(attempt).resolves.toEqual({ ok: true, value: { id: '1' } });
    expect(listeners(call.signal)).toBe(0);
  });
});

describe("a caller's abort", () => {
  it.each([60_000, false] as const)('ends the attempt (timeout %p) with the reason itself, not a failure to retry', async (timeoutMs) => {
    const call = new AbortController();
    const reason = new Error('caller gave up');
    const held = heldFetch();
    const attempt = sendAttempt(kyInstance, held.fetch, plan({ callSignal: call.signal, timeoutMs }));
    await held.called;

    call.abort(reason);
    await expect(attempt).rejects.toBe(reason);
    expect(listeners(call.signal)).toBe(0);
    expect(held.calls()).toBe(1);
  });

  it('a reply that arrives after the abort has its body cancelled (the connection is not left busy)', async () => {
    const held = heldFetch();
    const client = new CumulocityRestClient({ baseUrl: base, auth: testAuth, retry: false, fetch: held.fetch });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const call = client.get('/x', { signal: controller.signal });
    await held.called;

    controller.abort(reason);
    await expect(call).rejects.toBe(reason);

    let cancelled: unknown = 'not cancelled';
    let cancel: () => void = () => undefined;
    const cancelledNow = new Promise<void>((resolve) => (cancel = resolve));
    const body = new ReadableStream<Uint8Array>({
      cancel(why) {
        cancelled = why;
        cancel();
      },
    });
    held.answer(new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }));
    // Settles once the late reply has been dealt with; a body nobody cancels would stay open.
    await Promise.race([cancelledNow, new Promise((resolve) => setImmediate(() => setImmediate(resolve)))]);
    expect(cancelled).toBeUndefined();
    expect(held.calls()).toBe(1);
  });
});

describe('a redirect', () => {
  const redirectingClient = (response: () => Response) =>
    new CumulocityRestClient({ baseUrl: base, auth: testAuth, retry: false, fetch: () => Promise.resolve(response()) });

  it.each([300, 301, 302, 303, 307, 308])('%i without a Location header is refused with the exact message', async (status) => {
    const error = await redirectingClient(() => new Response(null, { status }))
      .get('/x')
      .then(
        (value) => Promise.reject(new Error(`resolved ${JSON.stringify(value)}`)),
        (error: unknown) => error,
      );
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({
      name: 'ResponseFormatError',
      message: `Unexpected reply: a redirect was refused: credentials stay with the configured URL (GET ${base}/x)`,
      status,
      method: 'GET',
      url: `${base}/x`,
    });
  });

  it('a browser’s opaque redirect (status 0, as fetch with redirect: manual gives it there) is refused and not retried', async () => {
    let attempts = 0;
    const client = new CumulocityRestClient({
      baseUrl: base,
      auth: testAuth,
      retry: { limit: 3, baseDelayMs: 0, jitter: false },
      // Response.error() is what a browser's opaqueredirect looks like to the client: status 0, no headers, no body.
      fetch: () => (attempts++, Promise.resolve(Response.error())),
    });
    const error = await client.get('/x').then(
      (value) => Promise.reject(new Error(`resolved ${JSON.stringify(value)}`)),
      (error: unknown) => error,
    );
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({
      name: 'ResponseFormatError',
      message: `Unexpected reply: a redirect was refused: credentials stay with the configured URL (GET ${base}/x)`,
      status: 0,
    });
    expect(attempts).toBe(1);
  });

  it('with a Location header, the message names the target', async () => {
    const error = await redirectingClient(() => new Response(null, { status: 302, headers: { Location: 'https://elsewhere.example.com/y' } }))
      .get('/x')
      .then(
        (value) => Promise.reject(new Error(`resolved ${JSON.stringify(value)}`)),
        (error: unknown) => error,
      );
    expect(error).toMatchObject({
      name: 'ResponseFormatError',
      message: `Unexpected reply: a redirect to https://elsewhere.example.com/y was refused: credentials stay with the configured URL (GET ${base}/x)`,
      status: 302,
    });
  });
});
