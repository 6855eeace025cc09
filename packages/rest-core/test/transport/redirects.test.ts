import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '../../src/index.js';
import { delay, sendJson, useTestServer } from '../helpers/test-server.js';
import { authorization, clientFor, expectNoSecrets, rejectionOf } from '../helpers/transport-client.js';

const server = useTestServer();
const elsewhere = useTestServer(); // another origin (another port)

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])('a %i to another origin is refused; the other origin never sees the credentials', async (status) => {
    server.handle((_request, res) => {
      res.writeHead(status, { Location: `${elsewhere.url}/steal?from=test` });
      res.end();
    });
    elsewhere.handle((_request, res) => sendJson(res, 200, { stolen: true }));
    const error = await rejectionOf(clientFor(server).get('/inventory/managedObjects'));

    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    if (!isCumulocityError(error, 'ResponseFormatError')) return;
    expect(error.status).toBe(status);
    expect(error.message).toContain('redirect');
    expect(error.message).toContain(`${elsewhere.url}/steal`);
    await delay(50);
    expect(server.count).toBe(1); // not retried
    expect(server.requests[0]?.headers.authorization).toBe(authorization);
    expect(elsewhere.count).toBe(0);
    expectNoSecrets(error);
  });

  it('a redirect of a POST is refused too, nothing is sent elsewhere', async () => {
    server.handle((_request, res) => {
      res.writeHead(307, { Location: `${elsewhere.url}/event/events` });
      res.end();
    });
    const error = await rejectionOf(clientFor(server).post('/event/events', { type: 'x' }));
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    await delay(50);
    expect(elsewhere.count).toBe(0);
    expect(server.count).toBe(1);
  });

  it('a redirect on the same origin is not followed either', async () => {
    server.handle((request, res) => {
      if (request.url === '/moved') return sendJson(res, 200, { followed: true });
      res.writeHead(302, { Location: '/moved' });
      res.end();
    });
    const error = await rejectionOf(clientFor(server).get('/x'));
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    await delay(50);
    expect(server.requests.map((request) => request.url)).toEqual(['/x']);
  });

  it('an absolute URL on another origin is refused before anything is sent', async () => {
    const error = await rejectionOf(clientFor(server).get(`${elsewhere.url}/inventory/managedObjects`));
    expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
    await delay(50);
    expect(elsewhere.count).toBe(0);
    expect(server.count).toBe(0);
  });
});
