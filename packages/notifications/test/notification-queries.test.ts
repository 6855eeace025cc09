import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, isCumulocityError, toQueryString, type QuerySpec } from '@c8y/rest-core';
import { subscriptionDeleteQuery, subscriptionQuery } from '../src/index.js';

// The subscription query specs, as pure functions: filters → REST query parameters, per endpoint.

const wire = (filters: object | string, spec: QuerySpec) => toQueryString(buildQueryParams(filters, spec));
const errorOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    if (isCumulocityError(error, 'InvalidInputError')) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
};

describe('subscriptionQuery (GET /notification2/subscriptions)', () => {
  it('sends the REST names; source takes an id or an object', () => {
    expect(wire({ context: 'mo', source: { id: '42' }, subscription: 'deviceData', typeFilter: "'c8y_Speed'" }, subscriptionQuery)).toBe(
      "?context=mo&source=42&subscription=deviceData&typeFilter='c8y_Speed'",
    );
  });

  it('refuses a context that does not exist (JavaScript callers)', () => {
    expect(errorOf(() => buildQueryParams({ context: 'device' }, subscriptionQuery)).path).toBe('context');
  });

  it('refuses parameters the endpoint does not document, and a sort flag', () => {
    expect(errorOf(() => buildQueryParams({ nonPersistent: true }, subscriptionQuery)).path).toBe('nonPersistent');
    expect(errorOf(() => buildQueryParams({ ascending: true }, subscriptionQuery)).path).toBe('ascending');
  });
});

describe('subscriptionDeleteQuery (DELETE /notification2/subscriptions)', () => {
  it('sends context and source only', () => {
    expect(wire({ context: 'mo', source: { id: '42' } }, subscriptionDeleteQuery)).toBe('?context=mo&source=42');
    expect(wire({ context: 'tenant' }, subscriptionDeleteQuery)).toBe('?context=tenant');
  });

  it('refuses subscription and typeFilter: the endpoint would ignore them and delete more than asked', () => {
    const byName = errorOf(() => buildQueryParams({ context: 'tenant', subscription: 'x' }, subscriptionDeleteQuery));
    expect(byName.path).toBe('subscription');
    expect(byName.message).toMatch(/not a parameter of DELETE \/notification2\/subscriptions/);
    expect(errorOf(() => buildQueryParams({ source: '1', typeFilter: 'x' }, subscriptionDeleteQuery)).path).toBe('typeFilter');
  });
});
