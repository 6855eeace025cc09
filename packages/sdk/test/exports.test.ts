import { describe, expect, it } from '@jest/globals';
import * as alarms from '@c8y/alarms';
import * as applications from '@c8y/applications';
import * as audit from '@c8y/audit';
import * as deviceControl from '@c8y/device-control';
import * as deviceRegistry from '@c8y/device-registry';
import * as events from '@c8y/events';
import * as identity from '@c8y/identity';
import * as inventory from '@c8y/inventory';
import * as measurements from '@c8y/measurements';
import * as microservice from '@c8y/microservice';
import * as model from '@c8y/model';
import * as notifications from '@c8y/notifications';
import * as restCore from '@c8y/rest-core';
import * as tenant from '@c8y/tenant';
import * as units from '@c8y/units';
import * as users from '@c8y/users';
import * as browser from '../src/index.js';

// The re-exports: every export of every package, under its own name and as the same value. A name
// two packages export with different values would vanish from `export *` at run time (and be a
// TS2308 at compile time) — this test names it.

const PACKAGES: Record<string, Record<string, unknown>> = {
  '@c8y/rest-core': restCore,
  '@c8y/units': units,
  '@c8y/model': model,
  '@c8y/inventory': inventory,
  '@c8y/identity': identity,
  '@c8y/measurements': measurements,
  '@c8y/events': events,
  '@c8y/alarms': alarms,
  '@c8y/device-control': deviceControl,
  '@c8y/users': users,
  '@c8y/applications': applications,
  '@c8y/tenant': tenant,
  '@c8y/audit': audit,
  '@c8y/notifications': notifications,
  '@c8y/device-registry': deviceRegistry,
};

const sdk = browser as unknown as Record<string, unknown>;

describe('re-exports', () => {
  it.each(Object.keys(PACKAGES))('every export of %s, as the same value', (name) => {
    const missing = Object.entries(PACKAGES[name] ?? {})
      .filter(([key, value]) => sdk[key] !== value)
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it('no other name than the packages’ and CumulocityClient', () => {
    const known = new Set(['CumulocityClient', ...Object.values(PACKAGES).flatMap((module) => Object.keys(module))]);
    expect(Object.keys(sdk).filter((key) => !known.has(key))).toEqual([]);
  });

  it('the browser entry has no getClient and installs no DateTime provider; the Node entry does both', async () => {
    expect('getClient' in sdk).toBe(false);
    expect('startRepl' in sdk).toBe(false);
    expect('SimpleCumulocityApp' in sdk).toBe(false); // @c8y/microservice needs Node.js
    expect(model.hasDateTimeProvider()).toBe(false);
    const node = (await import('../src/node/index.js')) as unknown as Record<string, unknown>;
    expect(model.hasDateTimeProvider()).toBe(true);
    for (const key of Object.keys(sdk)) expect(node[key]).toBe(sdk[key]);

    // @c8y/microservice: every export, the two apps bound to CumulocityClient (subclasses).
    const bound = ['MultiTenantCumulocityApp', 'SimpleCumulocityApp'];
    const apps = microservice as unknown as Record<string, unknown>;
    expect(Object.keys(apps).filter((key) => !bound.includes(key) && node[key] !== apps[key])).toEqual([]);
    for (const name of bound) {
      const Bound = node[name] as abstract new (...args: never[]) => unknown;
      expect(Bound).not.toBe(apps[name]);
      expect(Bound.prototype).toBeInstanceOf(apps[name] as abstract new (...args: never[]) => unknown);
    }

    const extra = Object.keys(node).filter((key) => !(key in sdk) && !(key in apps));
    expect(extra.sort()).toEqual(['clearClientCache', 'cumulocityClientFactory', 'getClient', 'startRepl']);
  });
});
