import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { constants as zlibConstants, gzip, gzipSync, type ZlibOptions } from 'node:zlib';
import { authenticate, hasCredentials, type Principal } from '../auth/authenticate.js';
import type { Tenant } from '../auth/tenants.js';
import type { FaultInjector, FaultRule } from '../faults/faults.js';
import type { Latency } from '../faults/latency.js';
import { pickHeaders, type LoggedRequest, type RequestLog } from '../log/request-log.js';
import { RequestBody, readBody } from './body.js';
import { RequestContext } from './context.js';
import { C8yHttpError, errors } from './errors.js';
import { QueryParams } from './query.js';
import { errorReply, type Reply } from './reply.js';
import type { Router } from './router.js';
import type { EmulatorServices } from './services.js';

const gzipAsync = promisify(gzip);
// Fastest level: the emulator serves loopback clients, where CPU matters more than bytes.
const GZIP_OPTIONS: ZlibOptions = { level: zlibConstants.Z_BEST_SPEED };
/** Bodies up to this size are gzipped synchronously (cheaper than a thread-pool round trip); larger ones off the event loop. */
const SYNC_GZIP_MAX_BYTES = 256 * 1024;

const STATUS_NAMES: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** What the request pipeline needs. */
export interface PipelineDeps {
  router: Router;
  emu: EmulatorServices;
  faults: FaultInjector;
  latency: Latency;
  log: RequestLog;
  maxBodyBytes: number;
  /** Called with unexpected handler exceptions (the client gets a 500). */
  onError?: (error: unknown, request: LoggedRequest) => void;
}

/**
 * The request pipeline: latency → faults → route → auth → body checks → handler → send.
 * Nothing thrown here may escape: every failure becomes a Cumulocity error response.
 */
export function createPipeline(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(deps, req, res).catch((error: unknown) => {
      // Last resort (e.g. a write after the socket died): never crash the process.
      deps.onError?.(error, { method: req.method ?? '', path: req.url ?? '', query: {}, headers: {}, status: 0 });
      if (!res.headersSent) res.socket?.destroy();
    });
  };
}

/**
 * The URL of a request target: origin-form (`/path?query`, taken as a path even when it starts with
 * `//`) or absolute-form (`http://host/path`); `undefined` if it is malformed.
 */
function requestUrl(target: string): URL | undefined {
  try {
    return target.startsWith('/') ? new URL(`http://emulator.invalid${target}`) : new URL(target);
  } catch {
    return undefined;
  }
}

/** `host[:port]` as RFC 3986 allows it (reg-name or IP literal), no percent-escapes. */
const HOST_SYNTAX = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=]+)(?::\d{0,5})?$/;

/** Whether a Host header can be used to build absolute links (`http://<host>/…`). */
function validHost(host: string): boolean {
  if (!HOST_SYNTAX.test(host)) return false;
  try {
    new URL(`http://${host}/`);
    return true;
  } catch {
    return false;
  }
}

async function handle(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { emu } = deps;
  const url = requestUrl(req.url ?? '/');
  const override = req.headers['x-http-method'];
  const method = (req.method === 'POST' && typeof override === 'string' ? override : (req.method ?? 'GET')).toUpperCase();
  const path = url ? url.pathname : (req.url ?? '');
  const query = new QueryParams(url?.search ?? '');
  const hostHeader = req.headers.host;
  // RFC 9112 §3.2: a request with an invalid Host is answered 400; a missing or empty one means this server.
  const hostValid = hostHeader === undefined || hostHeader === '' || validHost(hostHeader);
  const host = hostValid && hostHeader ? hostHeader : `127.0.0.1:${req.socket.localPort ?? 0}`;
  const hostTenant = emu.tenants.byHost(host.replace(/:\d+$/, '')) ?? emu.tenants.default;
  const entry: LoggedRequest = { method, path, query: query.toRecord(), headers: pickHeaders(req.headers), status: 0, tenant: hostTenant.id };

  const body = await readBody(req, deps.maxBodyBytes);
  const delay = deps.latency.next();
  if (delay > 0) await sleep(delay);

  const fault = deps.faults.pick(method, path, hostTenant.id);
  if (fault) entry.fault = fault.kind;
  if (fault?.kind === 'delay') await sleep(fault.ms);
  if (fault?.kind === 'drop' && fault.phase !== 'after') return drop(deps, req, entry);
  const early = fault && faultReply(fault);
  let reply: Reply;
  if (early) reply = early;
  else if (!url) reply = errorReply(errors.badRequest('general', 'Malformed request target'));
  else if (!hostValid) reply = errorReply(errors.badRequest('general', 'Invalid Host header'));
  else if (body instanceof C8yHttpError) reply = errorReply(body);
  else reply = await route(deps, req, method, path, query, host, hostTenant, body, entry);

  if (fault?.kind === 'drop') return drop(deps, req, entry);
  entry.status = reply.status;
  deps.log.push(entry);
  try {
    await send(req, res, reply, fault?.kind === 'slowBody' ? fault : undefined);
  } catch (error) {
    // A reply Node refuses to write (e.g. a header value with a line break, from stored client
    // data) still gets an answer, a 500 like any other handler bug, instead of a dropped connection.
    if (res.headersSent) throw error;
    deps.onError?.(error, entry);
    entry.status = 500;
    await send(req, res, errorReply(errors.internal(`Unexpected error in the emulator: ${error instanceof Error ? error.message : String(error)}`)), undefined);
  }
}

function faultReply(fault: FaultRule): Reply | undefined {
  if (fault.kind === 'rateLimit') {
    const err = new C8yHttpError(429, 'general/Too Many Requests', 'Requests rate exceeds the limit', {
      'Retry-After': String(fault.retryAfter ?? 1),
    });
    return errorReply(err);
  }
  if (fault.kind === 'error') {
    const name = STATUS_NAMES[fault.status] ?? 'Error';
    return errorReply(new C8yHttpError(fault.status, `general/${name}`, fault.message ?? `Injected fault: ${name}`));
  }
  return undefined;
}

function drop(deps: PipelineDeps, req: IncomingMessage, entry: LoggedRequest): void {
  entry.status = 0;
  deps.log.push(entry);
  req.socket.destroy();
}

async function route(
  deps: PipelineDeps,
  req: IncomingMessage,
  method: string,
  path: string,
  query: QueryParams,
  host: string,
  hostTenant: Tenant,
  raw: Buffer,
  entry: LoggedRequest,
): Promise<Reply> {
  try {
    const match = deps.router.match(method, path);
    if (match.kind === 'notFound') throw errors.notFound('general', `No resource found for ${method} ${path}`);
    if (match.kind === 'methodNotAllowed') throw errors.methodNotAllowed(match.allowed);
    const { route: def, params } = match;
    const opts = def.options;

    let principal: Principal | undefined;
    const authMode = opts.auth ?? 'required';
    if (authMode === 'required' || (authMode === 'optional' && hasCredentials(req.headers))) {
      const result = authenticate(req.headers, hostTenant, deps.emu.tenants, deps.emu.tokens);
      if (result instanceof C8yHttpError) throw result;
      principal = result;
      entry.tenant = principal.tenant.id;
      entry.user = principal.user.userName;
    }
    const user = principal?.user;
    if (user?.isBootstrap) {
      const kind = user.kind === 'deviceBootstrap' ? 'device' : 'service';
      if (!(opts.bootstrap ?? []).includes(kind)) throw errors.forbidden();
    }
    if (opts.roles && user && !user.hasAnyRole(...opts.roles)) throw errors.forbidden();

    const limit = opts.maxBodyBytes ?? deps.maxBodyBytes;
    if (raw.length > limit) throw errors.payloadTooLarge(def.resource, limit);
    const body = new RequestBody(raw, header(req, 'content-type'), def.resource);
    const defaultKind = method === 'POST' || method === 'PUT' || method === 'PATCH' ? 'json' : 'any';
    body.validate(opts.body ?? defaultKind, opts.jsonTypes);

    const ctx = new RequestContext(
      def.method,
      path,
      params,
      query,
      req.headers,
      body,
      principal?.tenant ?? hostTenant,
      user,
      principal?.scheme,
      `http://${host}`,
      def.resource,
      deps.emu,
    );
    return await def.handler(ctx);
  } catch (error) {
    if (error instanceof C8yHttpError) return errorReply(error);
    deps.onError?.(error, entry);
    const message = error instanceof Error ? error.message : String(error);
    return errorReply(errors.internal(`Unexpected error in the emulator: ${message}`));
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function send(req: IncomingMessage, res: ServerResponse, reply: Reply, slow: FaultRule | undefined): Promise<void> {
  let body = reply.body;
  const headers = { ...reply.headers };
  if (body && body.length > 0 && /\bgzip\b/i.test(header(req, 'accept-encoding') ?? '')) {
    body = body.length <= SYNC_GZIP_MAX_BYTES ? gzipSync(body, GZIP_OPTIONS) : await gzipAsync(body, GZIP_OPTIONS);
    headers['Content-Encoding'] = 'gzip';
    headers['Vary'] = 'Accept-Encoding';
  }
  headers['Content-Length'] = String(body?.length ?? 0);
  res.writeHead(reply.status, headers);
  if (!body || body.length === 0) {
    res.end();
    return;
  }
  if (slow?.kind !== 'slowBody') {
    res.end(body);
    return;
  }
  res.flushHeaders();
  const size = Math.max(1, slow.chunkSize ?? 16);
  for (let i = 0; i < body.length; i += size) {
    if (res.destroyed) return;
    res.write(body.subarray(i, i + size));
    if (i + size < body.length) await sleep(slow.chunkDelayMs ?? 20);
  }
  res.end();
}
