import type { IncomingHttpHeaders } from 'node:http';
import type { AuthScheme } from '../auth/authenticate.js';
import type { Tenant } from '../auth/tenants.js';
import type { User } from '../auth/users.js';
import { envelopeJson, paginate, parsePageRequest, type CollectionEnvelope, type PageRequest, type PageSource } from '../paging/paging.js';
import { isoTimestamp } from '../util/clock.js';
import { hashSeed } from '../util/random.js';
import type { RequestBody } from './body.js';
import { errors } from './errors.js';
import type { QueryParams } from './query.js';
import { emptyReply, jsonReply, rawReply, resolveMediaType, type Reply, type ReplyHeaders } from './reply.js';
import type { HttpMethod } from './route.js';
import type { EmulatorServices } from './services.js';

/** Options of {@link RequestContext.page}. */
export interface PageOptions<T, R> {
  /** Array property of the collection (`managedObjects`, `alarms`, `references`, …). */
  key: string;
  /** Renders an item (applied to the page's items only). */
  map?: (item: T) => R;
  /**
   * Restricted mode only: whether the user can read the item (e.g. an inventory-role check).
   * Without it, a seeded share of positions is treated as invisible.
   */
  visible?: (item: T) => boolean;
  /** Force (`true`) or suppress (`false`) restricted mode; default: the user's `restrictedPaging` flag. */
  restricted?: boolean;
}

/** Options of {@link RequestContext.okJsonPage}: like {@link PageOptions}, items rendered as JSON text. */
export interface JsonPageOptions<T> extends Omit<PageOptions<T, string>, 'map'> {
  /** The JSON text of an item (e.g. a cached rendering). */
  json: (item: T) => string;
}

/** Everything a handler knows about its request, plus reply helpers. */
export class RequestContext {
  private pageRequest: PageRequest | undefined;

  constructor(
    readonly method: HttpMethod,
    /** Request path without query string, as sent (not decoded). */
    readonly path: string,
    /** Path parameters, URL-decoded. */
    readonly params: Readonly<Record<string, string>>,
    readonly query: QueryParams,
    /** Raw request headers (lower-case names). */
    readonly headers: IncomingHttpHeaders,
    readonly body: RequestBody,
    /** Tenant of the authenticated user, else the tenant the host maps to. */
    readonly tenant: Tenant,
    private readonly principal: User | undefined,
    /** How the request authenticated (undefined: anonymous). */
    readonly authScheme: AuthScheme | undefined,
    /** Absolute origin the client used (`http://127.0.0.1:8111`), from the Host header. */
    readonly baseUrl: string,
    /** Error prefix of the route (`inventory`, `alarm`, …). */
    readonly resource: string,
    /** Emulator-wide services: ids, clock, tenants, tokens, seeded randomness, settings. */
    readonly emu: EmulatorServices,
  ) {}

  /** The authenticated user; throws 401 on anonymous requests (routes with `auth: 'none'|'optional'`). */
  get user(): User {
    if (!this.principal) throw errors.unauthorized('Full authentication is required to access this resource');
    return this.principal;
  }

  /** A path parameter of the route pattern (`:id` → `ctx.param('id')`), URL-decoded. */
  param(name: string): string {
    const value = this.params[name];
    if (value === undefined) throw new Error(`Route has no parameter :${name}`);
    return value;
  }

  /** True if the request authenticated. */
  get authenticated(): boolean {
    return this.principal !== undefined;
  }

  /** True if the request sent an `Accept` header (any value, `*∕*` included): POST/PUT then return the body. */
  get acceptSent(): boolean {
    return this.headers.accept !== undefined;
  }

  /** Current time as an ISO 8601 string from the emulator clock. */
  now(): string {
    return isoTimestamp(this.emu.clock.now());
  }

  /** Absolute URL for a path on this server (`ctx.url('/inventory/managedObjects/1')`). */
  url(path: string): string {
    return `${this.baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
  }

  /** 403 `security/Forbidden` unless the user has at least one of `roles`. */
  requireRole(...roles: readonly string[]): void {
    if (!this.user.hasAnyRole(...roles)) throw errors.forbidden();
  }

  /** The validated paging parameters (422 on invalid `pageSize`/`currentPage`). */
  get paging(): PageRequest {
    this.pageRequest ??= parsePageRequest(this.query, this.emu, this.resource);
    return this.pageRequest;
  }

  /**
   * One page of a collection with absolute `self`/`next`/`prev` links built from this request.
   * `source` is an array or a `{slice(offset, limit), count?()}` provider.
   */
  page<T, R = T>(source: PageSource<T>, options: PageOptions<T, R>): CollectionEnvelope {
    const restricted = options.restricted ?? this.principal?.restrictedPaging ?? false;
    const page = this.paging;
    const settings = this.emu.restrictedPaging;
    const userName = this.principal?.userName ?? '';
    const visible = options.visible;
    return paginate(
      source,
      options.key,
      {
        baseUrl: this.url(this.path),
        query: this.query,
        page,
        nextLinks: this.emu.nextLinks,
        ...(restricted
          ? {
              restricted: {
                scanWindow: Math.max(1, settings.scanWindow(page.pageSize)),
                visible: (item: unknown, position: number) =>
                  visible
                    ? visible(item as T)
                    : hashSeed(this.emu.seed, this.tenant.id, userName, this.path, position) / 2 ** 32 >= settings.hiddenRatio,
              },
            }
          : {}),
      },
      options.map,
    );
  }

  /**
   * 200 with one page of a collection whose items are JSON text already: the body of
   * `ok(page(source, {...options, map: (item) => JSON.parse(json(item))}), type)`, built by joining
   * the items' text instead of serialising them again.
   */
  okJsonPage<T>(source: PageSource<T>, options: JsonPageOptions<T>, type: string): Reply {
    const { json, ...pageOptions } = options;
    const envelope = this.page(source, { ...pageOptions, map: json });
    return rawReply(200, envelopeJson(envelope, options.key), resolveMediaType(type));
  }

  /** 200 with a JSON body; `type` is a Cumulocity short name (`currenttenant`) or a full media type. */
  ok(body: unknown, type?: string, headers?: ReplyHeaders): Reply {
    return jsonReply(200, body, type, headers);
  }

  /** Any status with a JSON body. */
  json(status: number, body: unknown, type?: string, headers?: ReplyHeaders): Reply {
    return jsonReply(status, body, type, headers);
  }

  /**
   * 201 Created with `Location` (default: `body.self`). The body is sent only if the request had
   * an `Accept` header (Cumulocity rule for POST/PUT).
   */
  created(body: unknown, type?: string, location?: string): Reply {
    const self = typeof body === 'object' && body !== null ? (body as { self?: unknown }).self : undefined;
    const loc = location ?? (typeof self === 'string' ? self : undefined);
    const headers: ReplyHeaders = loc ? { Location: loc } : {};
    return this.acceptSent ? jsonReply(201, body, type, headers) : emptyReply(201, headers);
  }

  /** 200 after an update; body only if the request had an `Accept` header. */
  updated(body: unknown, type?: string): Reply {
    return this.acceptSent ? jsonReply(200, body, type) : emptyReply(200);
  }

  /** 204 No Content (deletes). */
  noContent(): Reply {
    return emptyReply(204);
  }

  /** An empty reply with any status and headers (e.g. 200 with `Set-Cookie`). */
  empty(status: number, headers?: ReplyHeaders): Reply {
    return emptyReply(status, headers);
  }

  /** Raw bytes (binaries, CSV). */
  raw(status: number, data: Buffer | string, contentType: string, headers?: ReplyHeaders): Reply {
    return rawReply(status, data, contentType, headers);
  }
}
