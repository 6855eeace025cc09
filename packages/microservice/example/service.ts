/**
 * A minimal multi-tenant Cumulocity microservice on Node's `http`:
 *
 * - `GET /health` — the liveness and readiness probe of `cumulocity.json` (no credentials);
 * - `GET /managed-objects?pageSize=5` — a few managed objects, read as the calling user (with the
 *   caller's own credentials: they see what they may see, nothing more).
 *
 * Errors map to statuses: missing or unusable credentials 401, the platform's 4xx as they are,
 * the platform's failures 502. In your project import from '@c8y/microservice' and
 * '@c8y/rest-core'.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isCumulocityError, type CumulocityRestClient } from '@c8y/rest-core';
import type { MultiTenantCumulocityApp } from '../src/index.js';

/** What `/managed-objects` answers. */
export interface ManagedObjectsReply {
  /** The caller's tenant and user, as their credentials name them. */
  tenant: string | undefined;
  user: string | undefined;
  managedObjects: Array<{ id: string; name?: string; type?: string }>;
}

const MANAGED_OBJECTS = 'application/vnd.com.nsn.cumulocity.managedobjectcollection+json';

/** The service's HTTP server (not listening yet). */
export function createService(app: MultiTenantCumulocityApp<CumulocityRestClient>): Server {
  return createServer((req, res) => {
    handle(app, req, res).catch((error: unknown) => sendError(res, error));
  });
}

async function handle(app: MultiTenantCumulocityApp<CumulocityRestClient>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://service.invalid');
  if (url.pathname === '/health') return send(res, 200, { status: 'UP' });
  if (url.pathname !== '/managed-objects') return send(res, 404, { error: 'microservice/Not Found', message: `no route ${url.pathname}` });
  if (req.method !== 'GET') return send(res, 405, { error: 'microservice/Method Not Allowed', message: 'use GET' });

  const pageSize = Number(url.searchParams.get('pageSize') ?? 5);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 2000) {
    return send(res, 400, { error: 'microservice/Bad Request', message: 'pageSize must be a whole number from 1 to 2000' });
  }
  const caller = app.getUserClient(req.headers); // the caller's own credentials (401 when missing)
  const page = await caller.get<{ managedObjects?: unknown }>('/inventory/managedObjects', {
    params: { pageSize, withTotalPages: false },
    accept: MANAGED_OBJECTS,
  });
  const items = Array.isArray(page.managedObjects) ? (page.managedObjects as Array<Record<string, unknown>>) : [];
  const reply: ManagedObjectsReply = {
    tenant: caller.auth.tenantId,
    user: caller.auth.username,
    managedObjects: items.map((item) => ({ id: String(item.id), name: text(item.name), type: text(item.type) })),
  };
  send(res, 200, reply);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** SDK errors carry a status and a message without credentials; anything else is a bare 500. */
function sendError(res: ServerResponse, error: unknown): void {
  if (isCumulocityError(error, 'HttpError')) {
    const status = error.status >= 500 ? 502 : error.status;
    return send(res, status, { error: error.error ?? 'microservice/Error', message: error.message });
  }
  if (isCumulocityError(error)) return send(res, 502, { error: 'microservice/Bad Gateway', message: error.message });
  send(res, 500, { error: 'microservice/Internal Server Error', message: 'unexpected error' });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) }).end(json);
}
