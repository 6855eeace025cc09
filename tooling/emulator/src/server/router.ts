import { errors } from './errors.js';
import type { HttpMethod, RouteDefinition } from './route.js';
import { decodeComponent } from '../util/percent.js';

interface Compiled {
  route: RouteDefinition;
  segments: readonly string[];
  /** Static segments sort before parameters, so `/user/currentUser` beats `/user/:tenantId`. */
  rank: string;
}

/** Result of {@link Router.match}. */
export type RouteMatch =
  | { kind: 'found'; route: RouteDefinition; params: Record<string, string> }
  | { kind: 'methodNotAllowed'; allowed: HttpMethod[] }
  | { kind: 'notFound' };

/** Splits a path into non-empty segments (a trailing slash is ignored). */
export function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** Method + path-pattern router with `:name` parameters (URL-decoded). */
export class Router {
  private readonly routes: Compiled[] = [];

  /** Registers a route; a second registration of the same method and pattern shape throws. */
  add(route: RouteDefinition): void {
    const segments = splitPath(route.pattern);
    const shape = segments.map((s) => (s.startsWith(':') ? ':' : s)).join('/');
    const clash = this.routes.find(
      (r) => r.route.method === route.method && r.segments.map((s) => (s.startsWith(':') ? ':' : s)).join('/') === shape,
    );
    if (clash)
      throw new Error(`Route ${route.method} ${route.pattern} (area ${route.area}) clashes with ${clash.route.pattern} (area ${clash.route.area})`);
    this.routes.push({ route, segments, rank: segments.map((s) => (s.startsWith(':') ? '1' : '0')).join('') });
    this.routes.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  }

  /** All registered routes (diagnostics). */
  list(): RouteDefinition[] {
    return this.routes.map((r) => r.route);
  }

  /** Finds the route for a request path; throws a 400 error on a malformed %-escape. */
  match(method: string, path: string): RouteMatch {
    const parts = splitPath(path);
    const allowed = new Set<HttpMethod>();
    for (const r of this.routes) {
      if (r.segments.length !== parts.length) continue;
      const params = Object.create(null) as Record<string, string>;
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = r.segments[i] ?? '';
        const part = parts[i] ?? '';
        if (seg.startsWith(':')) params[seg.slice(1)] = decode(part);
        else ok = seg === part;
      }
      if (!ok) continue;
      if (r.route.method === method) return { kind: 'found', route: r.route, params };
      allowed.add(r.route.method);
    }
    return allowed.size > 0 ? { kind: 'methodNotAllowed', allowed: [...allowed] } : { kind: 'notFound' };
  }
}

function decode(segment: string): string {
  const decoded = decodeComponent(segment);
  if (decoded === undefined) throw errors.badRequest('general', `Malformed path segment '${segment}'`);
  return decoded;
}
