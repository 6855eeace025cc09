import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '../../src/index.js';
import { sendJson, useTestServer } from '../helpers/test-server.js';
import { authorization, clientFor, countingFetch, expectNoSecrets, rejectionOf } from '../helpers/transport-client.js';

// When a call settles, its retry loop has stopped and each attempt it made was answered (a
// redirect is a reply): the counts below are final then, with no waiting for late requests.

const server = useTestServer();
const elsewhere = useTestServer(); // another origin (another port)

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])('a %i to another origin is refused; the other origin never sees the credentials', async (status) => {
    server.handle((_request, res) => {
      res.writeHead(status, { Location: `${elsewhere.url}/steal?from=test` });
      res.end();
    });
    elsewhere.handle((_request, res) => sendJson(res, 200, { stolen: true }));
    const counted = countingFetch();
    const error = await rejectionOf(clientFor(server, { fetch: counted.fetch }).get('/inventory/managedObjects'));

    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    if (!isCumulocityError(error, 'ResponseFormatError')) return;
    expect(error.status).toBe(status);
    expect(error.message).toContain('redirect');
    expect(error.message).toContain(`${elsewhere.url}/steal`);
    expect(counted.attempts()).toBe(1); // not retried
    expect(server.count).toBe(1);
    expect(server.requests[0]?.headers.authorization).toBe(authorization);
    expect(elsewhere.count).toBe(0);
    expectNoSecrets(error);
  });

  it('a redirect of a POST is refused too, nothing is sent elsewhere', async () => {
    server.handle((_request, res) => {
      res.writeHead(307, { Location: `${elsewhere.url}/event/events` });
      res.end();
    });
    const counted = countingFetch();
    const error = await rejectionOf(clientFor(server, { fetch: counted.fetch }).post('/event/events', { type: 'x' }));
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(counted.attempts()).toBe(1);
    expect(elsewhere.count).toBe(0);
    expect(server.count).toBe(1);
  });

  it('a redirect on the same origin is not followed either', async () => {
    server.handle((request, res) => {
      if (request.url === '/moved') return sendJson(res, 200, { followed: true });
      res.writeHead(302, { Location: '/moved' });
      res.end();
    });
    const counted = countingFetch();
    const error = await rejectionOf(clientFor(server, { fetch: counted.fetch }).get('/x'));
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(counted.attempts()).toBe(1);
    expect(server.requests.map((request) => request.url)).toEqual(['/x']);
  });

  it('an absolute URL on another origin is refused before anything is sent', async () => {
    const counted = countingFetch();
    const error = await rejectionOf(clientFor(server, { fetch: counted.fetch }).get(`${elsewhere.url}/inventory/managedObjects`));
    expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
    expect(counted.attempts()).toBe(0);
    expect(elsewhere.count).toBe(0);
    expect(server.count).toBe(0);
  });
});
