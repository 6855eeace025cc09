import { describe, expect, it } from '@jest/globals';
import { NetworkError } from '../../src/index.js';
import { redactSecrets } from '../../src/errors/redact.js';

describe('credentials echoed by lower layers are masked', () => {
  it('masks Basic and Bearer credentials, auth cookies and XSRF tokens', () => {
    const text = 'No match for {"authorization":"Basic dDEwMC9hZG1pbjpwdw==","cookie":"authorization=eyJhbGciOi.x.y; XSRF-TOKEN=abc123","x-xsrf-token":"abc123"} Bearer eyJ0.eyJ1.sig';
    const masked = redactSecrets(text);
    for (const secret of ['dDEwMC9hZG1pbjpwdw==', 'eyJhbGciOi.x.y', 'abc123', 'eyJ0.eyJ1.sig']) expect(masked).not.toContain(secret);
    expect(masked).toMatch(/^No match for .*Bearer \*\*\*$/);
  });

  it('keeps a NetworkError cause message but not the credentials in it', () => {
    const cause = new Error('Nock: No match for request {"headers":{"authorization":"Basic c2VjcmV0"}}');
    const error = new NetworkError({ method: 'GET', url: 'https://x/y', cause });
    expect(error.message).toContain('Nock: No match');
    expect(error.message).not.toContain('c2VjcmV0');
    expect(JSON.stringify(error)).not.toContain('c2VjcmV0');
  });
});
