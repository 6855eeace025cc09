import { describe, expect, it } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { isCumulocityError, type CumulocityRestClient } from '../../src/index.js';
import { resetConnection, sendJson, useTestServer, type RecordedRequest } from '../helpers/test-server.js';
import { authorization, clientFor, credentials, expectNoSecrets, password, rejectionOf } from '../helpers/transport-client.js';

const server = useTestServer();
const elsewhere = useTestServer();

type Scenario = {
  kind: string;
  handler: (request: RecordedRequest, res: ServerResponse) => void;
  call: (client: CumulocityRestClient) => Promise<unknown>;
  options?: Parameters<typeof clientFor>[1];
};

const html = (res: ServerResponse, status: number) => {
  res.writeHead(status, { 'Content-Type': 'text/html' });
  res.end('<html><body>Bad Gateway</body></html>');
};

const scenarios: Record<string, Scenario> = {
  'attempt timeout': { kind: 'TimeoutError', handler: () => undefined, call: (c) => c.get('/x'), options: { timeout: 250 } },
  'total timeout': { kind: 'TimeoutError', handler: () => undefined, call: (c) => c.get('/x'), options: { timeout: false, totalTimeout: 250 } },
  'connection reset (GET)': { kind: 'NetworkError', handler: (_q, res) => resetConnection(res), call: (c) => c.get('/x') },
  'connection reset (POST)': { kind: 'NetworkError', handler: (_q, res) => resetConnection(res), call: (c) => c.post('/x', { a: 1 }) },
  'JSON 500': { kind: 'ServerError', handler: (_q, res) => sendJson(res, 500, { error: 'x/Internal', message: 'boom' }), call: (c) => c.post('/x', {}) },
  'HTML 502': { kind: 'ServerError', handler: (_q, res) => html(res, 502), call: (c) => c.get('/x') },
  '429 beyond the cap': {
    kind: 'RateLimitedError',
    handler: (_q, res) => sendJson(res, 429, {}, { 'Retry-After': '3600' }),
    call: (c) => c.get('/x'),
  },
  '401 bad credentials': {
    kind: 'UnauthorizedError',
    handler: (_q, res) => sendJson(res, 401, { error: 'security/Unauthorized', message: 'Invalid credentials! : Bad credentials' }),
    call: (c) => c.get('/x'),
  },
  'HTML 200': { kind: 'ResponseFormatError', handler: (_q, res) => html(res, 200), call: (c) => c.get('/x') },
  'truncated JSON': {
    kind: 'ResponseFormatError',
    handler: (_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"a":');
    },
    call: (c) => c.get('/x'),
  },
  'cross-origin redirect': {
    kind: 'ResponseFormatError',
    handler: (_q, res) => {
      res.writeHead(302, { Location: `${elsewhere.url}/x` });
      res.end();
    },
    call: (c) => c.get('/x'),
  },
  'multipart upload 500': {
    kind: 'ServerError',
    handler: (_q, res) => sendJson(res, 500, {}),
    call: (c) => c.uploadMultipart('/inventory/binaries', { object: { name: 'a' }, file: 'A' }),
  },
  'download 503': { kind: 'ServerError', handler: (_q, res) => sendJson(res, 503, {}), call: (c) => c.downloadBytes('/x') },
};

describe('errors never carry credentials', () => {
  it.each(Object.entries(scenarios))('%s', async (_name, scenario) => {
    server.handle(scenario.handler);
    const client = clientFor(server, { retry: { limit: 1, baseDelayMs: 5, jitter: false }, ...scenario.options });
    const error = await rejectionOf(scenario.call(client));

    expect(isCumulocityError(error)).toBe(true);
    expect((error as Error).name).toBe(scenario.kind);
    // The request did carry the credentials…
    expect(server.requests[0]?.headers.authorization).toBe(authorization);
    // …the error does not: message, String(), JSON, causes, and a deep inspect as a logger would print it.
    expectNoSecrets(error);
    const inspected = inspect(error, { depth: 10, showHidden: true });
    for (const secret of [authorization, btoa(credentials), credentials, password]) expect(inspected).not.toContain(secret);
  });

  it('the client itself prints without secrets', () => {
    const client = clientFor(server);
    for (const text of [String(client), JSON.stringify(client), inspect(client, { depth: 10 })]) {
      for (const secret of [authorization, btoa(credentials), password]) expect(text).not.toContain(secret);
    }
  });
});
