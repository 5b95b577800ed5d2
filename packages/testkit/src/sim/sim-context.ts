import { Buffer } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { SimHttpError } from './sim-http-error.js';
import type { SimContext, SimServer } from './types.js';

/** Lower-case header map; repeated headers joined with `, ` (RFC 9110 §5.3). @internal */
export function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Reads the whole body as UTF-8; rejects with SimHttpError(413) beyond `max` bytes. @internal */
export function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > max) {
        failed = true;
        reject(new SimHttpError(413, { error: 'payload_too_large', limit: max }, { Connection: 'close' }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

/** Builds the handler context. @internal */
export function createContext(init: {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  server: SimServer;
}): SimContext {
  const { headers, body } = init;
  return {
    method: init.method,
    url: init.url,
    path: init.url.pathname,
    params: init.params,
    query: init.url.searchParams,
    headers,
    body,
    server: init.server,
    json<T = unknown>(): T {
      try {
        return JSON.parse(body) as T;
      } catch {
        throw new SimHttpError(400, { error: 'invalid_json', error_description: 'request body is not valid JSON' });
      }
    },
    form(): URLSearchParams {
      return new URLSearchParams(body);
    },
    basicAuth() {
      const m = /^basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(headers['authorization'] ?? '');
      if (!m) return undefined;
      const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return undefined;
      return { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
    },
    bearer() {
      const m = /^bearer\s+(\S+)\s*$/i.exec(headers['authorization'] ?? '');
      return m ? m[1] : undefined;
    },
  };
}
