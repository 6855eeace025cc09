import { describe, expect, it } from '@jest/globals';
import { normalizeBaseUrl, resolveRequestUrl } from '../../src/index.js';
import { expectInvalid } from './expect-invalid.js';

describe('normalizeBaseUrl', () => {
  it.each([[''], ['   '], [42], [undefined], [null]])('requires a tenant URL: %p', (input) => {
    expectInvalid(() => normalizeBaseUrl(input as string), 'baseUrl', 'baseUrl: a tenant URL is required, e.g. https://mytenant.cumulocity.com');
    expectInvalid(
      () => normalizeBaseUrl(input as string, 'options.baseUrl'),
      'options.baseUrl',
      'options.baseUrl: a tenant URL is required, e.g. https://mytenant.cumulocity.com',
    );
  });

  it.each([
    ' https://proxy.example.com/c8y/../outside ',
    'https://proxy.example.com/c8y/./x',
    'proxy.example.com/c8y/%2E%2e',
    'https://proxy.example.com/c8y\\..\\x',
    // Right before a query or fragment: still a segment of the path.
    'https://proxy.example.com/c8y/..?x=1',
    'https://proxy.example.com/c8y/.#top',
  ])('refuses a "." or ".." path segment, quoting the trimmed input: %j', (input) => {
    expectInvalid(
      () => normalizeBaseUrl(input),
      'baseUrl',
      `baseUrl: the path must not contain "." or ".." segments: ${JSON.stringify(input.trim())}`,
    );
  });

  it.each(['https://proxy.example.com/c8y?x=/../', 'https://proxy.example.com/c8y#/..', 'https://proxy.example.com/c8y?a#/./b'])(
    'a ".." after "?" or "#" is no path segment: %j is refused for its query or fragment',
    (input) => {
      expectInvalid(() => normalizeBaseUrl(input), 'baseUrl', 'baseUrl: the URL must not have a query string or fragment');
    },
  );

  it.each(['https://user@proxy.example.com', 'https://:secret@proxy.example.com', 'https://user:secret@proxy.example.com/c8y'])(
    'refuses credentials in the URL, a user name or a password alone too: %j',
    (input) => {
      expectInvalid(() => normalizeBaseUrl(input), 'baseUrl', 'baseUrl: credentials do not belong in the URL; pass them as `auth`');
    },
  );

  it('checks only the path for dot segments, not the host', () => {
    // A fully qualified name with its trailing dot, and hosts made of dots: none is a path segment.
    expect(normalizeBaseUrl('https://x./c8y')).toBe('https://x./c8y');
    expect(normalizeBaseUrl('https://tenant.example.com./')).toBe('https://tenant.example.com.');
    expect(normalizeBaseUrl('https://../c8y')).toBe('https://../c8y');
    expect(normalizeBaseUrl('http://./')).toBe('http://.');
  });

  it('keeps dots that are part of a segment name', () => {
    expect(normalizeBaseUrl('https://proxy.example.com/c8y.v2/..x/')).toBe('https://proxy.example.com/c8y.v2/..x');
    expect(normalizeBaseUrl('https://proxy.example.com/c8y./x../')).toBe('https://proxy.example.com/c8y./x..');
    expect(normalizeBaseUrl('https://proxy.example.com/a%2e/b%2E%2e')).toBe('https://proxy.example.com/a%2e/b%2E%2e');
  });
});

describe('resolveRequestUrl', () => {
  const base = 'https://t100.example.com';
  const prefixed = 'https://proxy.example.com/c8y';

  it.each([[''], [42], [undefined], [null]])('requires a path: %p', (path) => {
    expectInvalid(() => resolveRequestUrl(base, path as string), 'path', 'path: a request path is required');
  });

  it('refuses a lone UTF-16 surrogate', () => {
    expectInvalid(
      () => resolveRequestUrl(base, '/inventory/managedObjects/\uD800'),
      'path',
      'path: contains a lone UTF-16 surrogate (half of a character): it cannot be sent',
    );
  });

  it.each(['relative/path', '//evil.example.com/x', '/\\evil.example.com/x', '/\\', 'https//t100.example.com/x'])(
    'a path that is neither "/…" (nor "//…", "/\\…") nor an absolute URL is refused: %j',
    (path) => {
      expectInvalid(() => resolveRequestUrl(base, path), 'path', `path: must start with "/" or be an absolute URL, got ${JSON.stringify(path)}`);
    },
  );

  it('appends a plain path to the base, prefix included', () => {
    expect(resolveRequestUrl(base, '/inventory/managedObjects?pageSize=5').href).toBe('https://t100.example.com/inventory/managedObjects?pageSize=5');
    expect(resolveRequestUrl(prefixed, '/inventory/managedObjects').href).toBe('https://proxy.example.com/c8y/inventory/managedObjects');
  });

  it('a path ending in "/\\" is still relative: the backslash is a slash', () => {
    expect(resolveRequestUrl(base, '/inventory/\\').href).toBe('https://t100.example.com/inventory//');
    expect(resolveRequestUrl(prefixed, '/a\\b').href).toBe('https://proxy.example.com/c8y/a/b');
  });

  it('resolves ".", "..", "%2e" and backslashes that stay under the base path', () => {
    expect(resolveRequestUrl(prefixed, '/a/../b').href).toBe('https://proxy.example.com/c8y/b');
    expect(resolveRequestUrl(prefixed, '/a/%2E%2e/b/./c').href).toBe('https://proxy.example.com/c8y/b/c');
    expect(resolveRequestUrl(prefixed, '/a\\..\\b').href).toBe('https://proxy.example.com/c8y/b');
    expect(resolveRequestUrl(prefixed, '/x/..').href).toBe('https://proxy.example.com/c8y/');
    expect(resolveRequestUrl(base, '/../x').href).toBe('https://t100.example.com/x');
  });

  it('accepts absolute URLs under the base, the base path itself included', () => {
    expect(resolveRequestUrl(prefixed, 'https://proxy.example.com/c8y?pageSize=5').href).toBe('https://proxy.example.com/c8y?pageSize=5');
    expect(resolveRequestUrl(prefixed, 'https://proxy.example.com/c8y/inventory/managedObjects?currentPage=2').href).toBe(
      'https://proxy.example.com/c8y/inventory/managedObjects?currentPage=2',
    );
    expect(resolveRequestUrl(base, 'https://t100.example.com/inventory/managedObjects?currentPage=2').href).toBe(
      'https://t100.example.com/inventory/managedObjects?currentPage=2',
    );
  });

  it.each([
    [prefixed, 'https://proxy.example.com/other/x', 'https://proxy.example.com/other/x'],
    [prefixed, 'https://proxy.example.com/c8yx/y', 'https://proxy.example.com/c8yx/y'],
    [prefixed, '/..', 'https://proxy.example.com/'],
    [prefixed, '/../outside', 'https://proxy.example.com/outside'],
    [prefixed, '/%2e%2E/outside', 'https://proxy.example.com/outside'],
    [prefixed, '/a\\..\\..\\outside', 'https://proxy.example.com/outside'],
    [base, 'https://evil.example.com/inventory', 'https://evil.example.com/inventory'],
    [base, 'http://t100.example.com/inventory', 'http://t100.example.com/inventory'],
  ])('refuses to send credentials outside %s: %j', (baseUrl, path, resolved) => {
    expectInvalid(
      () => resolveRequestUrl(baseUrl, path),
      'path',
      `path: refusing to send credentials to ${resolved}: it is outside the configured ${baseUrl}`,
    );
  });
});
