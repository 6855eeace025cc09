import type { IncomingMessage } from 'node:http';
import { C8yHttpError, errors } from './errors.js';
import { parseJsonDocument } from './json-document.js';
import { cumulocityTypeOf, isJsonMediaType, parseMediaType, type MediaType } from './media-types.js';
import { binaryUpload, multipartBoundary, parseMultipart, type BinaryUpload, type MultipartPart } from './multipart.js';

/** Reads the whole request body, failing with 413 past `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | C8yHttpError> {
  // Without Content-Length and Transfer-Encoding a request has no body (RFC 9112 §6.3): skip the stream.
  if (req.headers['transfer-encoding'] === undefined && (req.headers['content-length'] ?? '0') === '0') return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) tooLarge = true; // keep draining so the connection stays usable
    else chunks.push(chunk);
  }
  return tooLarge ? errors.payloadTooLarge('general', limit) : Buffer.concat(chunks);
}

/** What a route accepts as request body. `json` is the default for POST/PUT. */
export type BodyKind = 'json' | 'multipart' | 'form' | 'any';

/**
 * The request body with typed accessors. For `json` routes the pipeline has already validated
 * Content-Type (415) and syntax (400) before the handler runs.
 */
export class RequestBody {
  private parsedJson: unknown;
  private jsonParsed = false;

  /** Parsed Content-Type, if the request sent one. */
  readonly contentType: MediaType | undefined;

  constructor(
    /** Raw bytes, e.g. for binary uploads (`PUT /inventory/binaries/:id`). */
    readonly raw: Buffer,
    /** The Content-Type header as sent. */
    readonly contentTypeHeader: string | undefined,
    private readonly resource: string,
  ) {
    this.contentType = parseMediaType(contentTypeHeader);
  }

  /** True when the request carried no bytes. */
  get empty(): boolean {
    return this.raw.length === 0;
  }

  /** Body as UTF-8 text. */
  text(): string {
    return this.raw.toString('utf8');
  }

  /**
   * Parsed JSON; 400 if the body is empty or malformed, 422 if it is nested deeper than
   * 64 levels (`MAX_JSON_DEPTH`) or has a `__proto__` member. The cast is the caller's contract.
   */
  json<T = unknown>(): T {
    if (!this.jsonParsed) {
      if (this.empty) throw errors.badRequest(this.resource, 'Request body is missing');
      this.parsedJson = parseJsonDocument(this.text(), this.resource);
      this.jsonParsed = true;
    }
    return this.parsedJson as T;
  }

  /** `application/x-www-form-urlencoded` fields (e.g. `POST /tenant/oauth`). */
  form(): URLSearchParams {
    return new URLSearchParams(this.text());
  }

  /** All parts of a `multipart/form-data` body; 400 if it is malformed. */
  multipart(): MultipartPart[] {
    const boundary = multipartBoundary(this.contentTypeHeader);
    const parts = boundary ? parseMultipart(this.raw, boundary) : undefined;
    if (!parts) throw errors.badRequest(this.resource, 'Malformed multipart/form-data body');
    return parts;
  }

  /**
   * The Cumulocity binary upload form (`object` + `file` parts); 400 if malformed, 422 if the
   * `object` part is nested deeper than 64 levels (`MAX_JSON_DEPTH`) or has a `__proto__` member.
   */
  binaryUpload(): BinaryUpload {
    const upload = binaryUpload(this.multipart(), (text) => {
      try {
        return parseJsonDocument(text, this.resource);
      } catch (e) {
        if (e instanceof C8yHttpError && e.status === 400) throw errors.badRequest(this.resource, 'Part "object" is not valid JSON');
        throw e;
      }
    });
    return upload;
  }

  /** Validates the body against the route's declared kind (called by the pipeline). */
  validate(kind: BodyKind, jsonTypes: readonly string[] | undefined): void {
    if (kind === 'any' || this.empty) return;
    const ct = this.contentType;
    const header = this.contentTypeHeader ?? '';
    if (kind === 'json') {
      // A missing Content-Type is tolerated (treated as JSON); an unknown one is not.
      if (ct && !isJsonMediaType(ct)) throw errors.unsupportedMediaType(this.resource, header);
      const c8yType = ct && cumulocityTypeOf(ct);
      if (c8yType && jsonTypes && !jsonTypes.some((t) => t.toLowerCase() === c8yType))
        throw errors.unsupportedMediaType(this.resource, header);
      this.json();
    } else if (kind === 'multipart') {
      if (ct?.essence !== 'multipart/form-data') throw errors.unsupportedMediaType(this.resource, header);
    } else if (kind === 'form') {
      if (ct && ct.essence !== 'application/x-www-form-urlencoded') throw errors.unsupportedMediaType(this.resource, header);
    }
  }
}
