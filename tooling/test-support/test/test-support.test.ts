import { describe, expect, it } from '@jest/globals';
import { CumulocityError, InvalidInputError } from '@c8y/rest-core';
import nock from 'nock';
import { BASE, expectInvalid, mt, nockChecks, recordingClient, sent, testClient, useNock, type NockChecks } from '../index.js';

describe('useNock, installed', () => {
  useNock();

  it('a request that an interceptor (from the test file’s nock) answers passes: helper and test share one nock', async () => {
    nock(BASE).get('/alarm/alarms/1').reply(200, { id: '1' }, { 'Content-Type': mt('alarm') });
    const response = await fetch(`${BASE}/alarm/alarms/1`);
    expect(await response.json()).toEqual({ id: '1' });
  });

  it('a recording client records `METHOD URL` in sent', async () => {
    nock(BASE).get('/inventory/managedObjects/7').reply(200, { id: '7' }, { 'Content-Type': mt('managedobject') });
    await recordingClient().get('/inventory/managedObjects/7');
    expect(sent).toEqual([`GET ${BASE}/inventory/managedObjects/7`]);
  });

  it('sent is cleared after each test', () => {
    expect(sent).toEqual([]);
  });
});

describe('nockChecks (the hooks useNock installs) fail when they should', () => {
  const failure = (run: () => void): string => {
    try {
      run();
    } catch (error) {
      return String(error);
    }
    throw new Error('expected the check to fail');
  };

  /** Runs `body` between the checks' start and stop; the checks pass again afterwards (the failing one reset them). */
  const between = async (body: (checks: NockChecks) => Promise<void> | void) => {
    const checks = nockChecks();
    checks.start();
    try {
      await body(checks);
      checks.check();
    } finally {
      checks.stop();
    }
  };

  it('an interceptor left unused fails the check', () =>
    between((checks) => {
      nock(BASE).get('/never/called').reply(200);
      expect(failure(() => checks.check())).toContain('GET https://t100.example.com:443/never/called');
      expect(nock.pendingMocks()).toEqual([]);
    }));

  it('a request no interceptor matches fails the check (and is refused: no real network)', () =>
    between(async (checks) => {
      nock(BASE).get('/expected').reply(200);
      await fetch(`${BASE}/expected`);
      await expect(fetch(`${BASE}/unexpected?x=1`)).rejects.toThrow();
      expect(failure(() => checks.check())).toContain('GET /unexpected?x=1');
    }));

  it('a request after stop is no longer recorded', async () => {
    const checks = nockChecks();
    checks.start();
    checks.stop();
    nock.disableNetConnect();
    try {
      await expect(fetch(`${BASE}/after-stop`)).rejects.toThrow();
    } finally {
      nock.enableNetConnect();
    }
    checks.check();
  });

  it('the check clears sent', () => {
    const checks = nockChecks();
    sent.push('GET x');
    checks.check();
    expect(sent).toEqual([]);
  });
});

describe('expectInvalid', () => {
  it('passes on an InvalidInputError naming the path (and matching the message)', async () => {
    await expectInvalid(Promise.reject(new InvalidInputError('must be positive', { path: 'pageSize' })), 'pageSize', /must be positive/);
    await expectInvalid(Promise.reject(new InvalidInputError('no path')), undefined);
  });

  it('fails on a resolution, another error, another path or another message', async () => {
    await expect(expectInvalid(Promise.resolve(1), 'x')).rejects.toThrow('expected InvalidInputError, got undefined');
    await expect(expectInvalid(Promise.reject(new CumulocityError('no')), 'x')).rejects.toThrow('expected InvalidInputError');
    await expect(expectInvalid(Promise.reject(new InvalidInputError('bad', { path: 'a' })), 'b')).rejects.toThrow();
    await expect(expectInvalid(Promise.reject(new InvalidInputError('bad', { path: 'a' })), 'a', /good/)).rejects.toThrow();
  });
});

describe('testClient', () => {
  it('is a client of tenant t100 at BASE', () => {
    expect(testClient()).toBeDefined();
    expect(BASE).toBe('https://t100.example.com');
    expect(mt('alarm')).toBe('application/vnd.com.nsn.cumulocity.alarm+json');
  });
});
