import { describe, expect, it } from '@jest/globals';
import { BasicAuth, CumulocityRestClient, isCumulocityError } from '../../src/index.js';

// Error redaction masks the credentials the SDK has sent, remembered from outgoing requests in a
// bounded, most-recent-last memory shared by every client of the process. A service with many
// clients (one per tenant or user) pushes the first clients' credentials out of it; a client must
// still have its own credentials masked in the errors of its next requests.

const base = 'https://t100.example.com';
const password = 'Echo-Pa55-w0rd-QWERTY';

/** Answers every request with a 500 whose message echoes `echo` in plain text. */
const echoingFetch = (echo: string) => async () =>
  new Response(JSON.stringify({ error: 'general/internalError', message: `login t1/admin with ${echo} refused` }), {
    status: 500,
    headers: { 'Content-Type': 'application/json' },
  });

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isCumulocityError(error)) throw new Error(`expected an SDK error, got ${String(error)}`);
  return error;
}

describe('credentials remembered for redaction', () => {
  it('a client’s password is masked in its errors after 100 other clients have sent their own credentials', async () => {
    const client = new CumulocityRestClient({ baseUrl: base, auth: new BasicAuth('t1/admin', password), retry: false, fetch: echoingFetch(password) });
    const first = await errorOf(client.get('/x'));
    expect(first.message).toBe(`500 general/internalError: login t1/admin with *** refused (GET ${base}/x)`);

    for (let index = 0; index < 100; index++) {
      const other = new CumulocityRestClient({
        baseUrl: base,
        auth: new BasicAuth(`t${index}/user${index}`, `other-password-${index}-secret`),
        retry: false,
        fetch: echoingFetch('nothing'),
      });
      await errorOf(other.get('/x'));
    }

    const later = await errorOf(client.get('/x'));
    expect(later.message).toBe(`500 general/internalError: login t1/admin with *** refused (GET ${base}/x)`);
    expect(JSON.stringify(later)).not.toContain(password);
  });
});
