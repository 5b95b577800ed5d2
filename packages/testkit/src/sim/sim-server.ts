import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { FaultRegistry } from './fault-injector.js';
import { compareSpecificity, compilePattern, matchPattern, type CompiledPattern } from './route-pattern.js';
import { sendResponse } from './send-response.js';
import { faultResult, serializeResult } from './serialize-result.js';
import { createContext, flattenHeaders, readBody } from './sim-context.js';
import { SimHttpError } from './sim-http-error.js';
import type { Fault, RecordedRequest, SimHandler, SimResult, SimServer, SimServerOptions } from './types.js';

interface Route {
  readonly method: string;
  readonly pattern: CompiledPattern;
  handler: SimHandler;
  readonly order: number;
}

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

/**
 * Starts a simulator server on a loopback address (default `127.0.0.1`, ephemeral port).
 * Plain `node:http`; keep-alive sockets are tracked so `close()` leaves nothing open.
 * @public
 */
export async function createSimServer(opts: SimServerOptions = {}): Promise<SimServer> {
  const host = opts.host ?? '127.0.0.1';
  const name = opts.name ?? 'sim';
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const routes: Route[] = [];
  const log: RecordedRequest[] = [];
  const errors: unknown[] = [];
  const resetHooks: Array<() => void> = [];
  const faults = new FaultRegistry();
  const sockets = new Set<Socket>();
  const timers = new Map<NodeJS.Timeout, (fired: boolean) => void>();
  let closed = false;
  let closing: Promise<void> | undefined;
  let order = 0;

  const sleep = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (closed) return resolve(false);
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve(true);
      }, ms);
      timers.set(timer, resolve);
    });

  const server = createServer({ keepAlive: true });
  server.on('connection', (socket) => {
    if (closed) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client that vanishes mid-request must not crash the test process.
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('sim: unexpected server address');
  const port = address.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  function findRoute(method: string, path: string): { route: Route; params: Record<string, string> } | { allow: string[] } {
    let best: { route: Route; params: Record<string, string> } | undefined;
    const allow = new Set<string>();
    const tryMethod = (m: string): void => {
      for (const route of routes) {
        const params = matchPattern(route.pattern, path);
        if (!params) continue;
        if (route.method !== m && route.method !== '*') {
          allow.add(route.method);
          continue;
        }
        if (!best) {
          best = { route, params };
          continue;
        }
        const cmp = compareSpecificity(route.pattern, best.route.pattern);
        // Equal specificity: an exact method beats '*', then registration order.
        if (cmp > 0 || (cmp === 0 && best.route.method === '*' && route.method !== '*')) best = { route, params };
      }
    };
    tryMethod(method);
    // RFC 9110 §9.3.2: HEAD is GET without content; fall back when no HEAD route exists.
    if (!best && method === 'HEAD') tryMethod('GET');
    return best ?? { allow: [...allow].sort() };
  }

  async function dispatch(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: string,
  ): Promise<SimResult> {
    const found = findRoute(method, url.pathname);
    if ('allow' in found) {
      if (found.allow.length > 0) {
        return { status: 405, headers: { Allow: found.allow.join(', ') }, body: { error: 'method_not_allowed' } };
      }
      return { status: 404, body: { error: 'not_found' } };
    }
    const ctx = createContext({ method, url, params: found.params, headers, body, server: sim });
    try {
      return (await found.route.handler(ctx)) ?? {};
    } catch (err) {
      if (err instanceof SimHttpError) return err.toResult();
      errors.push(err);
      const message = err instanceof Error ? err.message : String(err);
      return { status: 500, body: { error: 'internal_error', message: `${name}: ${message}` } };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `${urlHost}:${port}`}`);
    const headers = flattenHeaders(req);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      url: url.href,
      headers,
      body: '',
      at: Date.now(),
    };
    log.push(record);
    let body: string;
    try {
      body = await readBody(req, maxBody);
    } catch (err) {
      if (err instanceof SimHttpError) {
        record.status = err.status;
        await sendResponse(req, res, serializeResult(err.toResult()), undefined, sleep);
      } else {
        req.socket.destroy();
      }
      return;
    }
    record.body = body;
    const fault: Fault | undefined = faults.take(method, url.pathname);
    if (fault) record.fault = fault.kind;
    if (fault?.kind === 'slow-headers') {
      const fired = await sleep(fault.delayMs);
      if (!fired) return;
    }
    const result = (fault && faultResult(fault)) ?? (await dispatch(method, url, headers, body));
    if (closed) return;
    const status = await sendResponse(req, res, serializeResult(result), fault, sleep);
    if (status !== undefined) record.status = status;
  }

  server.on('request', (req, res) => {
    handle(req, res).catch((err: unknown) => {
      errors.push(err);
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'internal_error' }));
      }
    });
  });

  const sim: SimServer = {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    name,
    log,
    faults,
    errors,
    route(method: string, pattern: string, handler: SimHandler): void {
      if (!pattern.startsWith('/') && pattern !== '*') throw new Error(`sim route pattern must start with '/': ${pattern}`);
      const m = method.toUpperCase();
      const existing = routes.find((r) => r.method === m && r.pattern.source === pattern);
      if (existing) {
        existing.handler = handler;
        return;
      }
      routes.push({ method: m, pattern: compilePattern(pattern), handler, order: order++ });
    },
    reset(): void {
      log.length = 0;
      errors.length = 0;
      faults.clear();
      for (const fn of resetHooks) fn();
    },
    onReset(fn: () => void): void {
      resetHooks.push(fn);
    },
    close(): Promise<void> {
      if (closing) return closing;
      closed = true;
      for (const [timer, resolve] of timers) {
        clearTimeout(timer);
        resolve(false);
      }
      timers.clear();
      closing = new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        server.closeAllConnections();
      });
      return closing;
    },
  };
  return sim;
}
