import type { IncomingHttpHeaders } from 'node:http';

/** The request headers the log keeps. Credentials are reduced to their scheme / presence. */
export interface LoggedHeaders {
  accept?: string;
  'content-type'?: string;
  /** `Basic`, `Bearer`, … — never the credentials. */
  authorization?: string;
  /** True if an `authorization` cookie was sent (its value is never logged). */
  authCookie?: boolean;
  'x-cumulocity-application-key'?: string;
  'x-cumulocity-processing-mode'?: string;
  /** True if `X-XSRF-TOKEN` was sent. */
  'x-xsrf-token'?: boolean;
  'accept-encoding'?: string;
}

/** One handled request, as tests see it in `emulator.requests`. */
export interface LoggedRequest {
  method: string;
  /** Path without query string. */
  path: string;
  /** Parsed query; repeated keys become arrays. */
  query: Record<string, string | string[]>;
  headers: LoggedHeaders;
  /** Response status; `0` when the connection was dropped. */
  status: number;
  /** Tenant id (authenticated, or resolved from the host), if known. */
  tenant?: string;
  /** Authenticated user name. */
  user?: string;
  /** The fault kind applied, if any. */
  fault?: string;
}

/** The request log: an array (assert on it directly) with `clear()`. */
export type RequestLog = LoggedRequest[] & { clear(): void };

/** Creates an empty request log. */
export function createRequestLog(): RequestLog {
  const log: LoggedRequest[] = [];
  return Object.assign(log, {
    clear(): void {
      log.length = 0;
    },
  });
}

/** Picks the logged subset of headers. */
export function pickHeaders(headers: IncomingHttpHeaders): LoggedHeaders {
  const out: LoggedHeaders = {};
  const str = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v.join(', ') : v);
  const accept = str(headers.accept);
  if (accept !== undefined) out.accept = accept;
  const contentType = str(headers['content-type']);
  if (contentType !== undefined) out['content-type'] = contentType;
  if (headers.authorization) out.authorization = headers.authorization.split(' ')[0] ?? '';
  if (/(^|;)\s*authorization=/.test(headers.cookie ?? '')) out.authCookie = true;
  const appKey = str(headers['x-cumulocity-application-key']);
  if (appKey !== undefined) out['x-cumulocity-application-key'] = appKey;
  const mode = str(headers['x-cumulocity-processing-mode']);
  if (mode !== undefined) out['x-cumulocity-processing-mode'] = mode;
  if (headers['x-xsrf-token'] !== undefined) out['x-xsrf-token'] = true;
  const enc = str(headers['accept-encoding']);
  if (enc !== undefined) out['accept-encoding'] = enc;
  return out;
}
