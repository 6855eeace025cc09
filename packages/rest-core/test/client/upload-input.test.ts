import { beforeEach, describe, expect, it } from '@jest/globals';
import { CumulocityRestClient, InvalidInputError, type MultipartUpload } from '../../src/index.js';
import { testAuth } from './test-auth.js';
import { thrownBy } from './expect-invalid.js';

// uploadMultipart refuses an upload without its two parts at the call, before anything is sent:
// a request body built from a half upload would be a form the server cannot use.

const base = 'https://t100.example.com';
let sent: string[] = [];
const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  sent.push(new Request(input, init).url);
  return new Response('{"id":"4711"}', { status: 201, headers: { 'Content-Type': 'application/json' } });
};
const client = () => new CumulocityRestClient({ baseUrl: base, auth: testAuth, retry: false, fetch: recordingFetch });

beforeEach(() => {
  sent = [];
});

const upload = (value: unknown) => value as MultipartUpload;
const objectMessage = 'upload.object: an upload needs an `object` (metadata) and a `file`';

describe('uploadMultipart refuses an upload without its `object` part', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'hello.txt'],
    ['a number', 42],
    ['an object without `object`', { file: 'Hello' }],
    ['`object: undefined`', { object: undefined, file: 'Hello' }],
    ['`object: null`', { object: null, file: 'Hello' }],
    ['`object` as a string', { object: 'hello.txt', file: 'Hello' }],
    ['`object` as a number', { object: 7, file: 'Hello' }],
    // A function is not an upload, whatever properties it carries.
    ['a function with `object` and `file` properties', Object.assign(() => undefined, { object: { name: 'a.txt' }, file: 'Hello' })],
  ])('%s → InvalidInputError at upload.object, nothing sent', (_name, value) => {
    const error = thrownBy(() => client().uploadMultipart('/inventory/binaries', upload(value)));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ name: 'InvalidInputError', message: objectMessage, path: 'upload.object' });
    expect(sent).toEqual([]);
  });
});

describe('uploadMultipart refuses an upload without its `file` part', () => {
  it.each([
    ['missing', { object: { name: 'a.txt' } }],
    ['undefined', { object: { name: 'a.txt' }, file: undefined }],
    ['null', { object: { name: 'a.txt' }, file: null }],
  ])('`file` %s → InvalidInputError at upload.file, nothing sent', (_name, value) => {
    const error = thrownBy(() => client().uploadMultipart('/inventory/binaries', upload(value)));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ name: 'InvalidInputError', message: 'upload.file: is required', path: 'upload.file' });
    expect(sent).toEqual([]);
  });
});

describe('uploadMultipart accepts the smallest complete uploads', () => {
  it.each([
    ['an empty `object` and an empty string `file`', { object: {}, file: '' }],
    ['an empty `file` of bytes', { object: { name: 'empty.bin' }, file: new Uint8Array(0) }],
  ])('%s: one POST', async (_name, value) => {
    await expect(client().uploadMultipart('/inventory/binaries', upload(value))).resolves.toEqual({ id: '4711' });
    expect(sent).toEqual([`${base}/inventory/binaries`]);
  });
});
