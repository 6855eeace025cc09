/** A file to send: a Blob (or File), raw bytes, or text. */
export type FileContent = Blob | Uint8Array | string;

/** The parts of a Cumulocity multipart upload (`/inventory/binaries`, event attachments). */
export interface MultipartUpload {
  /** The metadata part, sent as JSON in the `object` field, e.g. `{ name: 'hello.txt', type: 'text/plain' }`. */
  object: Readonly<Record<string, unknown>>;
  /** The content, sent in the `file` field. */
  file: FileContent;
  /** File name of the `file` part. @default object.name or 'file' */
  filename?: string;
  /** Content type of the `file` part. @default object.type or 'application/octet-stream' */
  contentType?: string;
}

/** A download whose body is still streaming. */
export interface Download {
  /** The body; read it or cancel it, or the connection stays busy. */
  body: ReadableStream<Uint8Array>;
  /** File name from `Content-Disposition`, if the server sent one. */
  filename?: string;
  /** The reply's `Content-Type`. */
  contentType?: string;
  /** The reply's `Content-Length`, if known. */
  size?: number;
}

/** A download read to the end. */
export interface DownloadedBytes {
  bytes: Uint8Array;
  filename?: string;
  contentType?: string;
}

/**
 * A `Blob` of `content` typed `contentType`. A Blob keeps its own type unless it has none or
 * `override` is set (the caller named the type explicitly).
 */
export function toBlob(content: FileContent, contentType: string, override = false): Blob {
  if (content instanceof Blob) {
    return content.type === '' || (override && content.type !== contentType) ? new Blob([content], { type: contentType }) : content;
  }
  // Copy bytes so the Blob never aliases a caller's buffer that may change later.
  const part = typeof content === 'string' ? content : new Uint8Array(content);
  return new Blob([part], { type: contentType });
}

/** The multipart form Cumulocity expects: an `object` JSON field and a `file` part. */
export function toMultipartForm(upload: MultipartUpload): FormData {
  const name = typeof upload.object.name === 'string' ? upload.object.name : undefined;
  const type = typeof upload.object.type === 'string' ? upload.object.type : undefined;
  const contentType = upload.contentType ?? type ?? 'application/octet-stream';
  const form = new FormData();
  form.append('object', JSON.stringify(upload.object));
  form.append('file', toBlob(upload.file, contentType, upload.contentType !== undefined), upload.filename ?? name ?? 'file');
  return form;
}

/**
 * The file name in a `Content-Disposition` header: RFC 5987 `filename*=UTF-8''…` wins over
 * `filename="…"`. Path parts are stripped so the name is safe to use as a local file name.
 *
 * @example
 * ```ts
 * filenameFromContentDisposition(`attachment; filename="report.csv"`); // 'report.csv'
 * ```
 */
export function filenameFromContentDisposition(header: string | null): string | undefined {
  if (header === null) return undefined;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2] !== undefined) {
    try {
      name = decodeURIComponent(extended[2].trim());
    } catch {
      name = undefined;
    }
  }
  if (name === undefined) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  }
  const base = name?.split(/[\\/]/).pop();
  return base === undefined || base === '' || base === '.' || base === '..' ? undefined : base;
}

/** A `Content-Disposition: attachment` value for `filename`, ASCII fallback plus RFC 5987 form. */
export function contentDispositionFor(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
