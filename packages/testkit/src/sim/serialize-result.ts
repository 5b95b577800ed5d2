import type { Fault, SimResult } from './types.js';

/** A response ready for the wire: lower-case header names, body as bytes. @internal */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

const encoder = new TextEncoder();

/** Turns a handler result into bytes + headers (object → JSON). @internal */
export function serializeResult(result: SimResult | undefined): WireResponse {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(result?.headers ?? {})) headers[k.toLowerCase()] = v;
  const raw = result?.body;
  let body: Uint8Array;
  let defaultType: string | undefined;
  if (raw === undefined) {
    body = new Uint8Array(0);
  } else if (typeof raw === 'string') {
    body = encoder.encode(raw);
    defaultType = 'text/plain; charset=utf-8';
  } else if (raw instanceof Uint8Array) {
    body = raw;
    defaultType = 'application/octet-stream';
  } else {
    body = encoder.encode(JSON.stringify(raw));
    defaultType = 'application/json';
  }
  if (defaultType && headers['content-type'] === undefined) headers['content-type'] = defaultType;
  return { status: result?.status ?? 200, headers, body };
}

/** The response a `status` / `unauthorized` fault answers with instead of running the handler. @internal */
export function faultResult(fault: Fault): SimResult | undefined {
  if (fault.kind === 'status') {
    const headers: Record<string, string> = { ...fault.headers };
    if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
    return { status: fault.status, headers, body: fault.body ?? { error: 'simulated_fault', status: fault.status } };
  }
  if (fault.kind === 'unauthorized') {
    // RFC 6750 §3.1: an expired/invalid token is answered 401 with `error="invalid_token"`.
    return {
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The access token expired"' },
      body: fault.body ?? { error: 'invalid_token', error_description: 'The access token expired' },
    };
  }
  return undefined;
}

/** RFC 9110 §6.4.1: these never carry content. @internal */
export function statusHasBody(status: number, method: string): boolean {
  return method !== 'HEAD' && status !== 204 && status !== 304 && !(status >= 100 && status < 200);
}
