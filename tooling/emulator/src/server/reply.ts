import { c8yMediaType, ERROR_MEDIA_TYPE } from './media-types.js';
import type { C8yHttpError } from './errors.js';

/** Response headers; arrays for repeated headers such as `Set-Cookie`. */
export type ReplyHeaders = Record<string, string | string[]>;

/** What a handler returns. The pipeline adds Content-Length, gzip and fault behaviour. */
export interface Reply {
  status: number;
  headers: ReplyHeaders;
  /** Omitted for empty responses. */
  body?: Buffer;
}

/** Resolves a media type argument: a Cumulocity short name (`alarm`) or a full type (`text/csv`). */
export function resolveMediaType(type: string): string {
  return type.includes('/') ? type : c8yMediaType(type);
}

/** A JSON reply. `type` is a Cumulocity short name or a full media type (default `application/json`). */
export function jsonReply(status: number, body: unknown, type = 'application/json', headers: ReplyHeaders = {}): Reply {
  return { status, headers: { 'Content-Type': resolveMediaType(type), ...headers }, body: Buffer.from(JSON.stringify(body), 'utf8') };
}

/** An empty reply (204, or a POST/PUT answered without `Accept`). */
export function emptyReply(status: number, headers: ReplyHeaders = {}): Reply {
  return { status, headers };
}

/** Raw bytes with their content type (binaries, CSV, …). */
export function rawReply(status: number, data: Buffer | string, contentType: string, headers: ReplyHeaders = {}): Reply {
  return { status, headers: { 'Content-Type': contentType, ...headers }, body: Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8') };
}

/** The Cumulocity error reply for an error. */
export function errorReply(error: C8yHttpError): Reply {
  return jsonReply(error.status, error.toBody(), ERROR_MEDIA_TYPE, { ...error.headers });
}
