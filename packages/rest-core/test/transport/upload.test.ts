import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '../../src/index.js';
import { parseMultipart, sendJson, useTestServer, type RecordedRequest } from '../helpers/test-server.js';
import { authorization, clientFor, countingFetch, fastRetry, rejectionOf } from '../helpers/transport-client.js';

const server = useTestServer();
const managedObjectType = 'application/vnd.com.nsn.cumulocity.managedobject+json';

function created(): void {
  server.handle((_request, res) => sendJson(res, 201, { id: '4711', name: 'hello.txt' }, { 'Content-Type': managedObjectType }));
}

function only(): RecordedRequest {
  expect(server.count).toBe(1);
  const request = server.requests[0];
  if (request === undefined) throw new Error('no request');
  return request;
}

/** The `file` part of a parsed form, checked to be a File. */
function filePart(form: FormData): File {
  const file = form.get('file');
  if (typeof file === 'string' || file === null) throw new Error(`the file part is ${file === null ? 'missing' : 'a plain field'}`);
  return file;
}

describe('uploadMultipart', () => {
  it('sends the object part as JSON and the file part with name, type and content', async () => {
    created();
    const reply = await clientFor(server).uploadMultipart('/inventory/binaries', {
      object: { name: 'hello.txt', type: 'text/plain' },
      file: 'Hello',
    });
    expect(reply).toEqual({ id: '4711', name: 'hello.txt' });

    const request = only();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/inventory/binaries');
    expect(request.headers.authorization).toBe(authorization);
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=.+/);

    const form = await parseMultipart(request);
    expect([...form.keys()]).toEqual(['object', 'file']);
    const object = form.get('object');
    expect(typeof object).toBe('string');
    expect(JSON.parse(object as string)).toEqual({ name: 'hello.txt', type: 'text/plain' });
    const file = filePart(form);
    expect(file.name).toBe('hello.txt');
    expect(file.type).toBe('text/plain');
    expect(await file.text()).toBe('Hello');
  });

  it('keeps a UTF-8 file name intact on the wire', async () => {
    created();
    const name = 'Prüfbericht – 温度 ✓.txt';
    await clientFor(server).uploadMultipart('/inventory/binaries', { object: { name, type: 'text/plain' }, file: 'äöü' });

    const request = only();
    expect(request.body.includes(Buffer.from(`filename="${name}"`, 'utf8'))).toBe(true);
    const form = await parseMultipart(request);
    expect(JSON.parse(form.get('object') as string)).toEqual({ name, type: 'text/plain' });
    const file = filePart(form);
    expect(file.name).toBe(name);
    expect(await file.text()).toBe('äöü');
  });

  it('sends Uint8Array content byte for byte (every byte value, no text decoding)', async () => {
    created();
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
    await clientFor(server).uploadMultipart('/inventory/binaries', {
      object: { name: 'blob.bin', type: 'application/octet-stream' },
      file: bytes,
    });
    const file = filePart(await parseMultipart(only()));
    expect(file.name).toBe('blob.bin');
    expect(file.type).toBe('application/octet-stream');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });

  it('sends a Blob, with explicit filename and contentType overriding the object', async () => {
    created();
    const blob = new Blob(['{"x":1}'], { type: 'text/plain' }); // the explicit contentType wins over the Blob's own
    await clientFor(server).uploadMultipart('/inventory/binaries', {
      object: { name: 'display name', type: 'text/plain', c8y_Custom: { a: [1, 2] } },
      file: blob,
      filename: 'data.json',
      contentType: 'application/json',
    });
    const form = await parseMultipart(only());
    expect(JSON.parse(form.get('object') as string)).toEqual({ name: 'display name', type: 'text/plain', c8y_Custom: { a: [1, 2] } });
    const file = filePart(form);
    expect(file.name).toBe('data.json');
    expect(file.type).toBe('application/json');
    expect(await file.text()).toBe('{"x":1}');
  });

  it('a Blob without a type gets the object type', async () => {
    created();
    await clientFor(server).uploadMultipart('/event/events/12/binaries', {
      object: { name: 'photo.png', type: 'image/png' },
      file: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])]),
    });
    const file = filePart(await parseMultipart(only()));
    expect(file.type).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });

  it('a multipart POST answered 429 is retried with the same form', async () => {
    server.handle((request, res) =>
      request.index === 0 ? sendJson(res, 429, {}, { 'Retry-After': '0' }) : sendJson(res, 201, { id: '1' }),
    );
    await clientFor(server).uploadMultipart('/inventory/binaries', { object: { name: 'a.txt', type: 'text/plain' }, file: 'A' });
    expect(server.count).toBe(2);
    for (const request of server.requests) {
      const file = filePart(await parseMultipart(request));
      expect([file.name, await file.text()]).toEqual(['a.txt', 'A']);
    }
  });

  it('a multipart POST answered 500 is not retried', async () => {
    server.handle((_request, res) => sendJson(res, 500, { error: 'binaries/failed' }));
    const error = await rejectionOf(
      clientFor(server).uploadMultipart('/inventory/binaries', { object: { name: 'a', type: 'text/plain' }, file: 'A' }),
    );
    expect(isCumulocityError(error, 'ServerError')).toBe(true);
    expect(server.count).toBe(1);
  });
});

describe('putBinary', () => {
  it('sends raw bytes with Content-Type and an RFC 5987 Content-Disposition', async () => {
    server.handle((_request, res) => sendJson(res, 201, { id: '9' }));
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    await clientFor(server).putBinary('/inventory/binaries/9', bytes, { contentType: 'application/pdf', filename: 'Résumé 2024.pdf' });

    const request = only();
    expect(request.method).toBe('PUT');
    expect(request.url).toBe('/inventory/binaries/9');
    expect(request.headers['content-type']).toBe('application/pdf');
    expect(request.headers['content-disposition']).toBe(
      `attachment; filename="R_sum_ 2024.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%202024.pdf`,
    );
    expect(request.headers['content-length']).toBe('300');
    expect(new Uint8Array(request.body)).toEqual(bytes);
    expect(request.headers.authorization).toBe(authorization);
  });

  it('escapes quotes in the ASCII fallback name', async () => {
    server.handle((_request, res) => sendJson(res, 200, {}));
    await clientFor(server).putBinary('/inventory/binaries/9', 'x', { filename: 'a "b".txt' });
    expect(only().headers['content-disposition']).toBe(`attachment; filename="a _b_.txt"; filename*=UTF-8''a%20%22b%22.txt`);
  });

  it('defaults to application/octet-stream and no Content-Disposition; a string is sent as UTF-8', async () => {
    server.handle((_request, res) => sendJson(res, 200, {}));
    await clientFor(server).putBinary('/inventory/binaries/9', 'Grüße');
    const request = only();
    expect(request.headers['content-type']).toBe('application/octet-stream');
    expect(request.headers['content-disposition']).toBeUndefined();
    expect(request.body.toString('utf8')).toBe('Grüße');
  });

  it('sends a Blob as it is, retried for PUT after a 503', async () => {
    server.handle((request, res) => (request.index === 0 ? sendJson(res, 503, {}) : sendJson(res, 200, { id: '9' })));
    await clientFor(server).putBinary('/inventory/binaries/9', new Blob(['abc']), { contentType: 'text/csv', filename: 'x.csv' });
    expect(server.count).toBe(2);
    expect(server.requests.map((request) => [request.headers['content-type'], request.body.toString()])).toEqual([
      ['text/csv', 'abc'],
      ['text/csv', 'abc'],
    ]);
  });
});

describe('a stream body', () => {
  const streamOf = (text: string) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    });

  it('is sent as it is', async () => {
    server.handle((_request, res) => sendJson(res, 200, { ok: true }));
    await expect(clientFor(server).put('/inventory/binaries/1', streamOf('streamed bytes'))).resolves.toEqual({ ok: true });
    const request = only();
    expect(request.body.toString()).toBe('streamed bytes');
    expect(request.headers['content-type']).toBe('application/octet-stream');
  });

  it('is never retried: PUT answered 503 with retries on → exactly one request, ServerError', async () => {
    server.handle((_request, res) => sendJson(res, 503, { error: 'core/Unavailable', message: 'busy' }));
    const counted = countingFetch();
    const client = clientFor(server, { fetch: counted.fetch, retry: { ...fastRetry, limit: 3 } });
    const error = await rejectionOf(client.put('/inventory/binaries/1', streamOf('streamed bytes')));

    expect(isCumulocityError(error, 'ServerError')).toBe(true);
    expect((error as { status?: unknown }).status).toBe(503);
    expect(counted.attempts()).toBe(1);
    expect(only().body.toString()).toBe('streamed bytes');
  });
});
