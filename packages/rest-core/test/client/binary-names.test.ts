import { describe, expect, it } from '@jest/globals';
import { contentDispositionFor, filenameFromContentDisposition, toBlob, toMultipartForm } from '../../src/client/binary.js';

describe('toBlob', () => {
  it('a typed Blob keeps its own type (and is not copied) unless the caller overrides it', () => {
    const png = new Blob(['x'], { type: 'image/png' });
    expect(toBlob(png, 'text/plain')).toBe(png);
    expect(toBlob(png, 'text/plain', false)).toBe(png);
    expect(toBlob(png, 'image/png', true)).toBe(png);
  });

  it('an override to another type re-types the content', async () => {
    const png = new Blob(['x'], { type: 'image/png' });
    const retyped = toBlob(png, 'text/plain', true);
    expect(retyped).not.toBe(png);
    expect(retyped.type).toBe('text/plain');
    expect(await retyped.text()).toBe('x');
  });

  it('an untyped Blob takes the given type', async () => {
    const untyped = new Blob(['x']);
    const typed = toBlob(untyped, 'text/plain');
    expect(typed.type).toBe('text/plain');
    expect(await typed.text()).toBe('x');
  });

  it('copies bytes, so a later change to the caller buffer is not sent', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const blob = toBlob(bytes, 'application/octet-stream');
    bytes[0] = 9;
    expect(blob.type).toBe('application/octet-stream');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
  });
});

describe('toMultipartForm', () => {
  const filePart = (form: FormData): File => {
    const part = form.get('file');
    if (!(part instanceof File)) throw new Error(`expected a File part, got ${String(part)}`);
    return part;
  };

  it('sends the object as JSON and names and types the file from it', async () => {
    const form = toMultipartForm({ object: { name: 'hello.txt', type: 'text/plain' }, file: 'hello' });
    expect([...form.keys()]).toEqual(['object', 'file']);
    expect(form.get('object')).toBe('{"name":"hello.txt","type":"text/plain"}');
    const file = filePart(form);
    expect(file.name).toBe('hello.txt');
    expect(file.type).toBe('text/plain');
    expect(await file.text()).toBe('hello');
  });

  it('defaults to the name "file" and the type application/octet-stream', () => {
    const file = filePart(toMultipartForm({ object: { name: 42, type: ['text/plain'] }, file: new Uint8Array([1]) }));
    expect(file.name).toBe('file');
    expect(file.type).toBe('application/octet-stream');
  });

  it('filename and contentType win over the object', () => {
    const file = filePart(
      toMultipartForm({ object: { name: 'a.txt', type: 'text/plain' }, file: 'x', filename: 'b.csv', contentType: 'text/csv' }),
    );
    expect(file.name).toBe('b.csv');
    expect(file.type).toBe('text/csv');
  });

  it("a typed Blob keeps its type over the object's type, but not over an explicit contentType", () => {
    const png = new Blob(['x'], { type: 'image/png' });
    expect(filePart(toMultipartForm({ object: { name: 'a.png', type: 'application/octet-stream' }, file: png })).type).toBe('image/png');
    expect(filePart(toMultipartForm({ object: { name: 'a.png' }, file: png, contentType: 'image/x-custom' })).type).toBe('image/x-custom');
    expect(filePart(toMultipartForm({ object: { name: 'a.bin', type: 'text/plain' }, file: new Blob(['x']) })).type).toBe('text/plain');
  });
});

describe('filenameFromContentDisposition', () => {
  it.each([
    [null, undefined],
    ['attachment', undefined],
    ['inline; size=3', undefined],
    ['attachment; filename="report.csv"', 'report.csv'],
  ])('%j → %j', (header, expected) => {
    expect(filenameFromContentDisposition(header)).toBe(expected);
  });

  it.each([
    // The RFC 5987 form wins over the plain one; spaces around "=" are allowed.
    [`attachment; filename="naive.txt"; filename* = UTF-8''na%C3%AFve.txt`, 'naïve.txt'],
    [`attachment; filename*=UTF-8''na%C3%AFve.txt; filename="naive.txt"`, 'naïve.txt'],
    // A language tag.
    [`attachment; filename="resume.txt"; filename*=UTF-8'en'r%C3%A9sum%C3%A9.txt`, 'résumé.txt'],
    // An apostrophe a lenient server left unencoded belongs to the name.
    [`attachment; filename*=UTF-8''Bob's%20file.txt`, "Bob's file.txt"],
    // Whitespace before the next parameter is not part of the name.
    [`attachment; filename*=UTF-8''report.txt ; size=3`, 'report.txt'],
  ])('the extended form: %j → %j', (header, expected) => {
    expect(filenameFromContentDisposition(header)).toBe(expected);
  });

  it.each([
    [`attachment; filename="plain.txt"; filename*=UTF-8''bad%E0%A4%A.txt`, 'plain.txt'],
    [`attachment; filename*=UTF-8''100%.txt; filename=plain.txt`, 'plain.txt'],
    [`attachment; filename*=UTF-8''100%.txt`, undefined],
  ])('a bad percent-escape falls back to the plain name: %j → %j', (header, expected) => {
    expect(filenameFromContentDisposition(header)).toBe(expected);
  });

  it.each([
    ['attachment; filename="say \\"hi\\".txt"', 'say "hi".txt'],
    ['attachment; filename = "a b.txt"', 'a b.txt'],
    ['attachment; filename=report.csv ; size=3', 'report.csv'],
    ['attachment; filename =  report.csv', 'report.csv'],
  ])('the plain form, quoted with escapes or unquoted and trimmed: %j → %j', (header, expected) => {
    expect(filenameFromContentDisposition(header)).toBe(expected);
  });

  it.each([
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename=C:\\x\\y.txt', 'y.txt'],
    ['attachment; filename="C:\\\\x\\\\y.txt"', 'y.txt'],
    [`attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd`, 'passwd'],
  ])('keeps only the last path part: %j → %j', (header, expected) => {
    expect(filenameFromContentDisposition(header)).toBe(expected);
  });

  it.each([
    'attachment; filename=""',
    'attachment; filename="."',
    'attachment; filename=".."',
    'attachment; filename="dir/"',
    'attachment; filename="a/.."',
    'attachment; filename="a\\\\."',
    `attachment; filename*=UTF-8''%2E%2E`,
  ])('no usable name (empty, "." or ".."): %j → undefined', (header) => {
    expect(filenameFromContentDisposition(header)).toBeUndefined();
  });
});

describe('contentDispositionFor', () => {
  it('writes an ASCII fallback and the RFC 5987 form, which reads back to the name', () => {
    const header = contentDispositionFor('naïve "x"\\.txt');
    expect(header).toBe(`attachment; filename="na_ve _x__.txt"; filename*=UTF-8''na%C3%AFve%20%22x%22%5C.txt`);
    expect(filenameFromContentDisposition(contentDispositionFor('naïve "x".txt'))).toBe('naïve "x".txt');
  });
});
