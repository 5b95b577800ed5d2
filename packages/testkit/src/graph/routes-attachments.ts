import { SimHttpError } from '../sim/sim-http-error.js';
import type { SimServer } from '../sim/types.js';
import { graphError } from './graph-errors.js';
import { requireEvent, select } from './present.js';
import { jsonBody, type GraphRouter } from './router.js';
import { newId, type GraphState, type StoredEvent } from './state.js';
import { touch } from './routes-events.js';

/** outlook-large-attachments.md: POST accepts files under 3 MB; larger ones need an upload session. */
const SIMPLE_LIMIT = 3 * 1024 * 1024;
/** Each PUT to the upload URL carries at most 4 MB (attachment-createuploadsession.md). */
const CHUNK_LIMIT = 4 * 1024 * 1024;

interface Session {
  ev: StoredEvent;
  name: string;
  size: number;
  contentType: string;
  received: number;
  chunks: string[];
}

/** Event attachments, including upload sessions served (unauthenticated, like Graph's) under /upload/:id. */
export function attachmentRoutes(router: GraphRouter, state: GraphState, sim: SimServer): void {
  const sessions = new Map<string, Session>();
  sim.onReset(() => sessions.clear());

  router.on('GET', 'events/:id/attachments', (req, box, p) => {
    const ev = requireEvent(box, p['id'] as string);
    return { body: { value: [...ev.attachments.values()].map((a) => select(req, a)) } };
  });
  router.on('GET', 'events/:id/attachments/:att', (req, box, p) => {
    const att = requireEvent(box, p['id'] as string).attachments.get(p['att'] as string);
    if (!att) throw graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return { body: select(req, att) };
  });
  router.on('DELETE', 'events/:id/attachments/:att', (_req, box, p) => {
    const ev = requireEvent(box, p['id'] as string);
    if (!ev.attachments.delete(p['att'] as string)) throw graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    ev.data['hasAttachments'] = ev.attachments.size > 0;
    return { status: 204 };
  });
  router.on('POST', 'events/:id/attachments', (req, box, p) => {
    const ev = requireEvent(box, p['id'] as string);
    const body = jsonBody(req) ?? {};
    if (body['@odata.type'] !== '#microsoft.graph.fileAttachment') throw graphError(400, 'ErrorInvalidParameter', 'Only file attachments are supported by the simulator.');
    const bytes = typeof body['contentBytes'] === 'string' ? Buffer.from(body['contentBytes'], 'base64').length : 0;
    if (bytes > SIMPLE_LIMIT) throw graphError(413, 'ErrorRequestEntityTooLarge', 'The request exceeds the maximum supported size. Use an upload session.');
    const att = { '@odata.type': '#microsoft.graph.fileAttachment', id: newId('AAMkAGatt'), name: body['name'], contentType: body['contentType'] ?? 'application/octet-stream', size: bytes, isInline: body['isInline'] ?? false, lastModifiedDateTime: new Date().toISOString(), contentBytes: body['contentBytes'] };
    ev.attachments.set(att.id, att);
    ev.data['hasAttachments'] = true;
    touch(state, ev);
    return { status: 201, body: att };
  });
  router.on('POST', 'events/:id/attachments/createUploadSession', (req, box, p) => {
    const ev = requireEvent(box, p['id'] as string);
    const body = jsonBody(req) ?? {};
    const key = Object.keys(body).find((k) => k.toLowerCase() === 'attachmentitem');
    const item = (key ? body[key] : undefined) as { attachmentType?: string; name?: string; size?: number; contentType?: string } | undefined;
    if (!item || item.attachmentType !== 'file' || !item.name || typeof item.size !== 'number') {
      throw graphError(400, 'ErrorInvalidParameter', 'AttachmentItem with attachmentType, name and size is required.');
    }
    if (item.size > 150 * 1024 * 1024) throw graphError(413, 'ErrorAttachmentSizeLimitExceeded', 'The attachment is larger than 150 MB.');
    const id = newId('upl').replace(/=/g, '');
    sessions.set(id, { ev, name: item.name, size: item.size, contentType: item.contentType ?? 'application/octet-stream', received: 0, chunks: [] });
    const expiration = new Date(Date.now() + 15 * 60_000).toISOString();
    return { status: 201, body: { uploadUrl: `${sim.url}/upload/${id}`, expirationDateTime: expiration, nextExpectedRanges: ['0-'] } };
  });

  // The upload URL is pre-authenticated: Graph rejects an Authorization header on it (docs: do not send one).
  sim.route('PUT', '/upload/:id', (ctx) => {
    const s = sessions.get(ctx.params['id'] as string);
    if (!s) throw graphError(404, 'ErrorItemNotFound', 'The upload session was not found or has expired.');
    if (ctx.headers['authorization']) throw graphError(401, 'InvalidAuthenticationToken', 'Do not send an Authorization header to the upload URL.');
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(ctx.headers['content-range'] ?? '');
    const length = Number(ctx.headers['content-length'] ?? ctx.body.length);
    if (!m) throw graphError(400, 'InvalidContentRange', 'Content-Range is required.');
    const [from, to, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (from !== s.received || total !== s.size || to - from + 1 !== length || length > CHUNK_LIMIT) {
      throw new SimHttpError(416, { error: { code: 'InvalidRange', message: `Expected range ${s.received}-` } });
    }
    s.chunks.push(ctx.body);
    s.received = to + 1;
    if (s.received < s.size) {
      return { status: 200, body: { expirationDateTime: new Date(Date.now() + 15 * 60_000).toISOString(), nextExpectedRanges: [`${s.received}-`] } };
    }
    sessions.delete(ctx.params['id'] as string);
    const att = { '@odata.type': '#microsoft.graph.fileAttachment', id: newId('AAMkAGatt'), name: s.name, contentType: s.contentType, size: s.size, isInline: false, lastModifiedDateTime: new Date().toISOString(), contentBytes: Buffer.from(s.chunks.join(''), 'utf8').toString('base64') };
    s.ev.attachments.set(att.id, att);
    s.ev.data['hasAttachments'] = true;
    touch(state, s.ev);
    // The final response is 201 with the new attachment's URL in Location.
    return { status: 201, headers: { location: `${sim.url}/v1.0/me/events('${s.ev.data.id}')/attachments('${att.id}')` } };
  });
}
