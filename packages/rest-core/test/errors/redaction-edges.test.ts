import { describe, expect, it } from '@jest/globals';
import { errorFromResponse, isCumulocityError, NetworkError } from '../../src/index.js';
import { redactSecrets, rememberCredentials, rememberSecret } from '../../src/errors/redact.js';

const request = { method: 'GET', url: 'https://t100.example.com/x' };
const basic = (userPass: string) => `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;

describe('the value after a secret name', () => {
  it('keeps the scheme of a named credential readable and masks what follows it', () => {
    const encoded = Buffer.from('t100/admin:pw-1', 'utf8').toString('base64');
    expect(redactSecrets(`authorization: Basic ${encoded}`)).toBe('authorization: Basic ***');
    expect(redactSecrets('X-Forwarded: x, Authorization: Bearer opaque-token-value')).toBe('X-Forwarded: x, Authorization: Bearer ***');
  });

  it('masks a quoted value up to its closing quote, past escaped quotes inside it', () => {
    expect(redactSecrets('{"password":"pa\\"ss-word","user":"u"}')).toBe('{"password":"***","user":"u"}');
  });

  it('leaves an empty value empty', () => {
    expect(redactSecrets('password=&user=admin')).toBe('password=&user=admin');
    expect(redactSecrets('{"password":"","user":"admin"}')).toBe('{"password":"","user":"admin"}');
  });
});

describe('remembered values', () => {
  it('a remembered value of exactly 4 characters is masked', () => {
    rememberSecret('k9#z');
    expect(redactSecrets('the code k9#z was sent')).toBe('the code *** was sent');
  });

  it('a remembered value that extends another remembered value is masked whole', () => {
    rememberSecret('prefix-secret');
    rememberSecret('prefix-secret-longer-1');
    expect(redactSecrets('echo prefix-secret-longer-1 and prefix-secret')).toBe('echo *** and ***');
  });

  it('Basic credentials with an empty user: the password alone is masked', () => {
    rememberCredentials(new Headers({ Authorization: basic(':only-password-77') }));
    expect(redactSecrets('you sent only-password-77')).toBe('you sent ***');
  });

  it('only Basic credentials are decoded: a Bearer token that happens to be base64 does not mask ordinary words', () => {
    rememberCredentials(new Headers({ Authorization: `Bearer ${Buffer.from('svc:plainword', 'utf8').toString('base64')}` }));
    expect(redactSecrets('a plainword here')).toBe('a plainword here');
  });

  it('cookies: values of 8 characters or more are remembered, shorter ones and pairs without a name are not', () => {
    rememberCredentials(new Headers({ Cookie: 'lang=en_GB; flagcookieword; authorization=cookie-tok-31; XSRF-TOKEN=abcd1234' }));
    expect(redactSecrets('locale en_GB, flagcookieword, token cookie-tok-31, xsrf abcd1234')).toBe(
      'locale en_GB, flagcookieword, token ***, xsrf ***',
    );
  });
});

describe('limits', () => {
  it('an error reply body is read for its excerpt from its first 16 KiB only', () => {
    const text = `password="${'x'.repeat(20_000)}" tail after 16 KiB`;
    const error = errorFromResponse(new Response(null, { status: 502 }), text, request);
    expect(error.body).toBe('password="***');
  });

  it('an error body nested deeper than 20 levels is cut at level 20', () => {
    let objects: unknown = 'leaf';
    let arrays: unknown = 'leaf';
    for (let level = 0; level < 25; level++) {
      objects = { a: objects };
      arrays = [arrays];
    }
    const error = errorFromResponse(new Response(null, { status: 400 }), JSON.stringify({ objects, arrays }), request);
    const at = (value: unknown, levels: number, step: (v: unknown) => unknown) => {
      let current = value;
      for (let level = 0; level < levels; level++) current = step(current);
      return current;
    };
    const body = error.body as { objects: unknown; arrays: unknown };
    // The body itself is level 0, so its fields are level 1.
    expect(typeof at(body.objects, 18, (v) => (v as { a: unknown }).a)).toBe('object');
    expect(at(body.objects, 19, (v) => (v as { a: unknown }).a)).toBe('***');
    expect(Array.isArray(at(body.arrays, 18, (v) => (v as unknown[])[0]))).toBe(true);
    expect(at(body.arrays, 19, (v) => (v as unknown[])[0])).toBe('***');
  });

  it('remembers at most 512 forms: the oldest drop out, the latest stay masked', () => {
    rememberSecret('oldest-secret-0001');
    expect(redactSecrets('oldest-secret-0001')).toBe('***');
    for (let i = 0; i < 600; i++) rememberSecret(`many-secret-${i}`);
    expect(redactSecrets('many-secret-599 many-secret-100')).toBe('*** ***');
    expect(redactSecrets('oldest-secret-0001')).toBe('oldest-secret-0001');
  });
});

describe('causes from lower layers', () => {
  it('a cause chain is copied 3 levels below the cause, deeper causes are dropped', () => {
    const deepest = Object.assign(new Error('level 3'), { cause: 'level 4 with Bearer abcdefgh' });
    const chain = new Error('level 0', { cause: new Error('level 1', { cause: new Error('level 2', { cause: deepest }) }) });
    const error = new NetworkError({ ...request, cause: chain });
    const chainAfter: unknown[] = [];
    for (let cause: unknown = error.cause; cause !== undefined; cause = (cause as Error).cause) chainAfter.push(cause instanceof Error ? cause.message : cause);
    expect(chainAfter).toStrictEqual(['level 0', 'level 1', 'level 2', 'level 3']);
  });

  it('keeps the name, string, number and boolean fields of a cause; a cause without name, message or stack gets defaults', () => {
    const cause = Object.assign(new TypeError('connect ECONNREFUSED'), { code: 'ECONNREFUSED', errno: -111, fatal: true, tfatoken: '123456' });
    const copy = new NetworkError({ ...request, cause }).cause as TypeError & Record<string, unknown>;
    expect([copy.name, copy.message, copy.code, copy.errno, copy.fatal, copy.tfatoken]).toEqual(['TypeError', 'connect ECONNREFUSED', 'ECONNREFUSED', -111, true, '***']);

    const plain = new NetworkError({ ...request, cause: { code: 'EPIPE' } }).cause as Error & Record<string, unknown>;
    expect([plain.name, plain.message, plain.stack, plain.code]).toEqual(['Error', '', 'Error: ', 'EPIPE']);
    const withMessage = new NetworkError({ ...request, cause: { message: 'socket closed' } }).cause as Error;
    expect(withMessage.stack).toBe('Error: socket closed');
  });

  it('a cause that is not an object (a string, null) is kept as it is, a string redacted', () => {
    const fromString = new NetworkError({ ...request, cause: 'hang up, Authorization: Basic dDpw' });
    expect(fromString.cause).toBe('hang up, Authorization: Basic ***');
    const fromNull = new NetworkError({ ...request, cause: null });
    expect(fromNull.cause).toBeNull();
    expect(fromNull.message).toBe('Network error (GET https://t100.example.com/x)');
    expect(fromNull.toJSON()).not.toHaveProperty('cause');
    expect(isCumulocityError(fromNull, 'NetworkError')).toBe(true);
  });

  it('a cause that is not an SDK error is replaced by a redacted copy', () => {
    const cause = new Error('request failed: {"authorization":"Bearer cause-token-42"}');
    const error = new NetworkError({ ...request, cause });
    expect(error.cause).not.toBe(cause);
    expect((error.cause as Error).message).toBe('request failed: {"authorization":"***"}');
  });
});
