import type { AuthStrategy } from '../../src/auth/auth-strategy.js';

/** A minimal strategy for client tests (the real strategies have their own tests). */
export const testPassword = 's3cr3t-Pa55';
export const testAuthorization = `Basic ${btoa(`t100/admin:${testPassword}`)}`;

export const testAuth: AuthStrategy = {
  tenantId: 't100',
  username: 'admin',
  authorize(headers) {
    headers.set('Authorization', testAuthorization);
  },
  toString: () => 'TestAuth(t100/admin)',
};
