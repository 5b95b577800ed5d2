import type { OAuthGrant } from '../sim/oauth/types.js';
import type { SimResult } from '../sim/types.js';
import { graphError } from './graph-errors.js';
import type { GraphState, Mailbox } from './state.js';

/** One Graph request as the handlers see it: from the wire or from inside a `$batch`. */
export interface GraphReq {
  method: string;
  /** Path after `/v1.0`, still percent-encoded, e.g. `/me/events/AAMk%3D`. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
  grant: OAuthGrant;
  /** `http://127.0.0.1:PORT/v1.0`: where nextLinks point. */
  apiBase: string;
  /** The path prefix naming the mailbox as the client sent it (`/me` or `/users/x`), for nextLinks. */
  prefix: string;
}

/** A handler of a user-scoped route. */
export type GraphHandler = (req: GraphReq, box: Mailbox, params: Record<string, string>) => SimResult | Promise<SimResult>;

interface Route {
  method: string;
  parts: string[];
  handler: GraphHandler;
}

/** Minimal router for the part of the path after `/me` or `/users/{id}`. */
export class GraphRouter {
  private readonly routes: Route[] = [];

  constructor(private readonly state: GraphState) {}

  on(method: string, pattern: string, handler: GraphHandler): void {
    this.routes.push({ method, parts: pattern.split('/').filter(Boolean), handler });
  }

  /** Runs a request; throws `SimHttpError` with Graph error bodies for unknown routes or users. */
  async dispatch(req: Omit<GraphReq, 'prefix'>): Promise<SimResult> {
    const segments = req.path.split('/').filter(Boolean);
    let box: Mailbox | undefined;
    let rest: string[];
    let prefix: string;
    const app = req.grant.userId.startsWith('app:');
    if (segments[0] === 'me') {
      // user-get.md: /me needs a signed-in user; app-only tokens must name the user.
      if (app) throw graphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
      box = this.state.find(req.grant.userId);
      rest = segments.slice(1);
      prefix = '/me';
    } else if (segments[0] === 'users' && segments[1]) {
      const id = decodeURIComponent(segments[1]);
      box = this.state.find(id);
      if (box && !app && box.user.id !== req.grant.userId) {
        throw graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      }
      rest = segments.slice(2);
      prefix = `/users/${segments[1]}`;
    } else {
      throw graphError(400, 'BadRequest', `Resource not found for the segment '${segments[0] ?? ''}'.`);
    }
    if (!box) throw graphError(404, 'Request_ResourceNotFound', `Resource '${segments[1] ?? 'me'}' does not exist or one of its queried reference-property objects are not present.`);
    // GET /me and GET /users/{id} (user-get.md)
    if (rest.length === 0 && req.method === 'GET') return { body: { '@odata.context': `${req.apiBase}/$metadata#users/$entity`, ...box.user } };
    for (const route of this.routes) {
      if (route.method !== req.method || route.parts.length !== rest.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      route.parts.forEach((p, i) => {
        const seg = rest[i] as string;
        if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(seg);
        else if (p !== seg) ok = false;
      });
      if (ok) return route.handler({ ...req, prefix }, box, params);
    }
    throw graphError(400, 'BadRequest', `Resource not found for the segment '${rest.join('/')}'.`);
  }
}

/** Reads a JSON body or answers Graph's 400. */
export function jsonBody<T = Record<string, unknown>>(req: GraphReq): T {
  try {
    return JSON.parse(req.body || 'null') as T;
  } catch {
    throw graphError(400, 'BadRequest', 'Unable to read JSON request payload.');
  }
}

/** The `Prefer` preferences of a request (comma-joined or repeated headers), lower-case keys. */
export function preferences(req: GraphReq): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers['prefer'] ?? '').split(',')) {
    const [k, ...v] = part.split('=');
    if (!k?.trim()) continue;
    out.set(k.trim().toLowerCase(), v.join('=').trim().replace(/^"|"$/g, ''));
  }
  return out;
}
