/** One part of a `multipart/form-data` body. */
export interface MultipartPart {
  /** The `name` of the Content-Disposition header (`object`, `filesize`, `file`, …). */
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  /** Part headers, lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly data: Buffer;
}

/** Extracts the boundary of a `multipart/form-data` Content-Type, or `undefined`. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  const m = contentType && /^\s*multipart\/form-data\s*;.*?boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Splits a `multipart/form-data` body. Returns `undefined` if it is malformed. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) return undefined;
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') return parts; // closing delimiter
    if (body.subarray(pos, pos + 2).toString() === '\r\n') pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) return undefined;
    const headers = Object.create(null) as Record<string, string>; // part header names are request input
    for (const line of body.subarray(pos, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) return undefined;
    const disposition = headers['content-disposition'] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return undefined;
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    parts.push({
      name,
      headers,
      data: body.subarray(headerEnd + 4, next),
      ...(filename !== undefined ? { filename } : {}),
      ...(headers['content-type'] ? { contentType: headers['content-type'] } : {}),
    });
    pos = next + 2;
  }
}

/** The Cumulocity binary-upload form: JSON part `object` and binary part `file`. */
export interface BinaryUpload {
  /** Parsed JSON of the `object` part (`{name, type, …}`), or `undefined` if absent. */
  readonly object: unknown;
  readonly file: { readonly data: Buffer; readonly filename?: string; readonly contentType?: string } | undefined;
  /** Value of a `filesize` part if the client sent one. */
  readonly fileSize?: number;
}

/**
 * Interprets parts as a Cumulocity binary upload. `parseJson` reads the `object` part (default
 * `JSON.parse`, which throws `SyntaxError` if it is not JSON).
 */
export function binaryUpload(parts: readonly MultipartPart[], parseJson: (text: string) => unknown = JSON.parse): BinaryUpload {
  const objectPart = parts.find((p) => p.name === 'object');
  const filePart = parts.find((p) => p.name === 'file');
  const sizePart = parts.find((p) => p.name === 'filesize');
  return {
    object: objectPart ? parseJson(objectPart.data.toString('utf8')) : undefined,
    file: filePart
      ? {
          data: filePart.data,
          ...(filePart.filename !== undefined ? { filename: filePart.filename } : {}),
          ...(filePart.contentType !== undefined ? { contentType: filePart.contentType } : {}),
        }
      : undefined,
    ...(sizePart ? { fileSize: Number(sizePart.data.toString('utf8')) } : {}),
  };
}
