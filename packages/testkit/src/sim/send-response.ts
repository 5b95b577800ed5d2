import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyForContentType, malformedBody } from './fault-bodies.js';
import { statusHasBody, type WireResponse } from './serialize-result.js';
import type { Fault } from './types.js';

/** Sleeps on a timer the server can cancel at close(); resolves `false` when cancelled. @internal */
export type Sleep = (ms: number) => Promise<boolean>;

const encoder = new TextEncoder();

/**
 * Writes `wire` to `res`, applying the wire-level part of `fault` (`reset`, `truncated`, `malformed`,
 * `content-type`). Returns the status actually sent (undefined when the socket was destroyed first).
 * @internal
 */
export async function sendResponse(
  req: IncomingMessage,
  res: ServerResponse,
  wire: WireResponse,
  fault: Fault | undefined,
  sleep: Sleep,
): Promise<number | undefined> {
  if (res.destroyed || res.headersSent) return undefined;
  const method = req.method?.toUpperCase() ?? 'GET';
  let { body } = wire;
  const headers = { ...wire.headers };
  const contentType = headers['content-type'] ?? '';

  if (fault?.kind === 'malformed') {
    body = malformedBody(contentType, body);
  } else if (fault?.kind === 'content-type') {
    headers['content-type'] = fault.contentType;
    body = bodyForContentType(fault.contentType, body);
  }

  if ((fault?.kind === 'reset' || fault?.kind === 'truncated') && statusHasBody(wire.status, method)) {
    if (body.length < 2) {
      // Nothing to cut in half: send a filler body so "head arrives, body breaks" still happens.
      body = encoder.encode('{"sim":"this body is cut short on purpose"}');
      headers['content-type'] = 'application/json';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(wire.status, headers);
    const part = body.subarray(0, Math.floor(body.length / 2));
    await new Promise<void>((resolve) => res.write(part, () => resolve()));
    // Give the client time to see the head (so fetch() resolves) before the body breaks.
    await sleep(25);
    const socket = res.socket ?? req.socket;
    if (fault.kind === 'reset') {
      // A TCP RST (where supported) rather than a FIN: the "connection reset by peer" case.
      if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
      else socket.destroy();
    } else {
      // Graceful FIN after fewer bytes than Content-Length announced (RFC 9112 §6.3: incomplete message).
      socket.end();
    }
    return wire.status;
  }
  if (fault?.kind === 'reset' || fault?.kind === 'truncated') {
    // No body allowed (HEAD/204/304): the only way to break the exchange is before the head.
    req.socket.destroy();
    return undefined;
  }

  if (statusHasBody(wire.status, method) || method === 'HEAD') headers['content-length'] = String(body.length);
  res.writeHead(wire.status, headers);
  res.end(statusHasBody(wire.status, method) ? body : undefined);
  return wire.status;
}
