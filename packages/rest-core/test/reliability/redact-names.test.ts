import { describe, expect, it } from '@jest/globals';
import { redactedCause, redactJson, redactSecrets, rememberCredentials, rememberSecret, secretNames } from '../../src/errors/redact.js';
import { InvalidInputError } from '../../src/errors/invalid-input-error.js';

const value = 'V4lue-S3cret.9z';
const spaced = 'V4lue S3cret with spaces';

/** The ways a named secret shows up in the texts lower layers produce. */
const syntaxes: Array<[string, (name: string) => string, string]> = [
  ['header line', (name) => `${name}: ${value}`, value],
  ['header line, upper case', (name) => `${name.toUpperCase()}: ${value}`, value],
  ['JSON', (name) => `{"${name}":"${value}","other":1}`, value],
  ['JSON, spaces in the value', (name) => `{"${name}": "${spaced}"}`, spaced],
  ['JSON inside a JSON string', (name) => JSON.stringify({ echo: JSON.stringify({ [name]: value }) }), value],
  ['util.inspect', (name) => `{ '${name}': '${value}', other: 1 }`, value],
  ['util.inspect of an array', (name) => `{ '${name}': [ '${value}' ] }`, value],
  ['Map inspect', (name) => `Map(1) { '${name}' => '${value}' }`, value],
  ['form or query', (name) => `a=1&${name}=${value}&b=2`, value],
  ['cookie', (name) => `lang=en; ${name}=${value}; Path=/`, value],
  ['URL-encoded', (name) => `q=${encodeURIComponent(`${name}=${value}`)}`, value],
];

describe('redactSecrets masks the value after every secret name it claims', () => {
  it('claims the names of every credential the SDK sends or receives', () => {
    expect([...secretNames].sort()).toEqual(
      ['access_token', 'authorization', 'cookie', 'password', 'proxy-authorization', 'refresh_token', 'set-cookie', 'tfa_code', 'tfatoken', 'x-xsrf-token', 'xsrf-token'].sort(),
    );
  });

  for (const name of secretNames) {
    it.each(syntaxes)(`${name}: %s`, (_syntax, write, secret) => {
      const text = write(name);
      const masked = redactSecrets(text);
      expect(masked).not.toContain(secret);
      expect(masked).not.toContain('S3cret');
      expect(masked).toContain('***');
      // The name and the rest of the text stay readable.
      expect(masked.toLowerCase()).toContain(name.toLowerCase().replace(/=.*/, ''));
    });
  }

  it('the literal cases from the issue', () => {
    expect(redactSecrets('{"TFAToken":"918273"}')).toBe('{"TFAToken":"***"}');
    expect(redactSecrets('x-xsrf-token: abc123def')).toBe('x-xsrf-token: ***');
    expect(redactSecrets('X-XSRF-TOKEN=abc123def; Path=/')).toBe('X-XSRF-TOKEN=***; Path=/');
    expect(redactSecrets('"X-XSRF-TOKEN":["abc123def"]')).toBe('"X-XSRF-TOKEN":["***"]');
    expect(redactSecrets('grant_type=PASSWORD&username=admin&password=s3cr%C3%BCt&tfa_code=123456')).toBe('grant_type=PASSWORD&username=admin&password=***&tfa_code=***');
    expect(redactSecrets('tfa-code: 123456')).toBe('tfa-code: ***');
  });

  it('Basic and Bearer credentials and JWTs anywhere, also URL-encoded', () => {
    expect(redactSecrets('sent Basic dDEvdTpwdw== here')).toBe('sent Basic *** here');
    expect(redactSecrets('sent Bearer%20abc.def.ghi here')).toBe('sent Bearer%20*** here');
    expect(redactSecrets('token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln in a sentence')).toBe('token *** in a sentence');
  });

  it('leaves texts without credentials alone', () => {
    for (const text of ['404 inventory/Not Found: Finding device data from database failed', 'pageSize=100&currentPage=2', 'Authorization failed', 'the password is too short']) {
      expect(redactSecrets(text)).toBe(text);
    }
  });
});

describe('by value: the credentials the SDK has sent, in every encoding', () => {
  it('Basic: the header, its base64, the decoded user:password, the password raw, URL-, form- and JSON-encoded', () => {
    const password = 'Val Ue/ä+&"=pw-7781';
    const basic = Buffer.from(`t9/someone:${password}`, 'utf8').toString('base64');
    rememberCredentials(new Headers({ Authorization: `Basic ${basic}`, Cookie: 'authorization=cookie-token-value-1234; XSRF-TOKEN=xs', 'X-XSRF-TOKEN': 'xsrf-value-5678', TFAToken: 'tfa-value-9012' }));
    const forms = [basic, `t9/someone:${password}`, password, encodeURIComponent(password), new URLSearchParams({ p: password }).toString().slice(2), JSON.stringify(password).slice(1, -1), 'cookie-token-value-1234', 'xsrf-value-5678', 'tfa-value-9012'];
    for (const form of forms) {
      expect(redactSecrets(`unnamed ${form} in a sentence`)).toBe('unnamed *** in a sentence');
    }
  });

  it('remembered values of fewer than 4 characters are not masked (they would mask ordinary words)', () => {
    rememberSecret('abc');
    expect(redactSecrets('abc is a word')).toBe('abc is a word');
  });

  it('redactJson masks secret-named keys and every string; redactedCause keeps plain fields', () => {
    rememberSecret('json-secret-3344');
    expect(redactJson({ message: 'x json-secret-3344 y', headers: { Authorization: 'whatever', cookie: ['a=b'] }, n: 1 })).toEqual({
      message: 'x *** y',
      headers: { Authorization: '***', cookie: ['a=b'] },
      n: 1,
    });
    const cause = redactedCause(Object.assign(new Error('failed: json-secret-3344'), { code: 'ECONNRESET', errno: -104, password: 'pw', socket: {} })) as Error & Record<string, unknown>;
    expect(cause.message).toBe('failed: ***');
    expect(cause.stack).not.toContain('json-secret-3344');
    expect({ code: cause.code, errno: cause.errno, password: cause.password, socket: cause.socket }).toEqual({ code: 'ECONNRESET', errno: -104, password: '***', socket: undefined });
  });
});

describe('a field named like a secret', () => {
  it('an InvalidInputError about the password field keeps its message readable (and its value, if any, redacted)', () => {
    const error = new InvalidInputError('must be a non-empty string', { path: 'password' });
    expect(error.message).toBe('password: must be a non-empty string');
    expect(String(error.stack).split('\n')[0]).toBe('InvalidInputError: password: must be a non-empty string');
    expect(new InvalidInputError('got "password=hunter2"', { path: 'options' }).message).not.toContain('hunter2');
  });
});
