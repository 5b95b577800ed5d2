import { ProtocolError, ValidationError } from '@cal/core';
import { unwrap, userPath, type GraphApi } from './graph-api.js';
import type { GraphFileAttachment } from './types.js';

/** outlook-large-attachments.md: attachments under 3 MB go in one POST; larger ones need an upload session. */
export const SIMPLE_UPLOAD_LIMIT = 3 * 1024 * 1024;
/** Each PUT to the upload URL carries at most 4 MB; 320 KiB multiples keep it aligned. */
const CHUNK = 10 * 320 * 1024;

function path(api: GraphApi, eventId: string) {
  if (typeof eventId !== 'string' || !eventId) throw new ValidationError('eventId is required', { provider: 'graph', details: [{ field: 'eventId', description: 'non-empty string' }] });
  return { ...userPath(api), 'event-id': eventId };
}

/** Lists an event's attachments. @public */
export async function listAttachments(api: GraphApi, eventId: string): Promise<GraphFileAttachment[]> {
  const page = await unwrap(api, api.client.GET('/users/{user-id}/events/{event-id}/attachments', { params: { path: path(api, eventId) } }));
  return page.value ?? [];
}

/** Gets one attachment (with `contentBytes` for files). @public */
export async function getAttachment(api: GraphApi, eventId: string, attachmentId: string): Promise<GraphFileAttachment> {
  return unwrap(api, api.client.GET('/users/{user-id}/events/{event-id}/attachments/{attachment-id}', { params: { path: { ...path(api, eventId), 'attachment-id': attachmentId } } }));
}

/** Deletes an attachment. @public */
export async function deleteAttachment(api: GraphApi, eventId: string, attachmentId: string): Promise<void> {
  await unwrap(api, api.client.DELETE('/users/{user-id}/events/{event-id}/attachments/{attachment-id}', { params: { path: { ...path(api, eventId), 'attachment-id': attachmentId } } }));
}

/** A file to attach. @public */
export interface FileInput {
  name: string;
  content: Uint8Array | string;
  contentType?: string;
  isInline?: boolean;
}

/** Result of {@link addAttachment}: the attachment (small files) or its id from the upload session. @public */
export interface AddedAttachment {
  readonly id: string | undefined;
  readonly uploadSession: boolean;
  readonly attachment?: GraphFileAttachment;
}

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/**
 * Attaches a file to an event. Up to 3 MB: one POST of a `fileAttachment`. Above: `createUploadSession`
 * and sequential PUTs of ≤ 4 MB with `Content-Range` to the pre-authenticated `uploadUrl` — sent
 * WITHOUT the token (the URL carries its own auth; Graph rejects an Authorization header there).
 * @public
 */
export async function addAttachment(api: GraphApi, eventId: string, file: FileInput, options: { signal?: AbortSignal } = {}): Promise<AddedAttachment> {
  if (!file || typeof file.name !== 'string' || !file.name || file.content === undefined) {
    throw new ValidationError('file needs a name and content', { provider: 'graph', operation: 'addAttachment', details: [{ field: 'file', description: '{ name, content }' }] });
  }
  const bytes = typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content;
  const contentType = file.contentType ?? 'application/octet-stream';
  const p = path(api, eventId);
  if (bytes.length <= SIMPLE_UPLOAD_LIMIT) {
    const attachment = await unwrap(api, api.client.POST('/users/{user-id}/events/{event-id}/attachments', {
      params: { path: p },
      body: { '@odata.type': '#microsoft.graph.fileAttachment', name: file.name, contentType, contentBytes: base64(bytes), ...(file.isInline === undefined ? {} : { isInline: file.isInline }) },
    }));
    return { id: attachment.id, uploadSession: false, attachment };
  }
  const session = await unwrap(api, api.client.POST('/users/{user-id}/events/{event-id}/attachments/createUploadSession', {
    params: { path: p },
    body: { AttachmentItem: { attachmentType: 'file', name: file.name, size: bytes.length, contentType } },
  }));
  if (!session.uploadUrl) throw new ProtocolError('createUploadSession returned no uploadUrl', { provider: 'graph' });
  let last: Response | undefined;
  for (let from = 0; from < bytes.length; from += CHUNK) {
    const chunk = bytes.slice(from, Math.min(from + CHUNK, bytes.length));
    last = await api.http.request(session.uploadUrl, {
      method: 'PUT',
      anonymous: true,
      headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes ${from}-${from + chunk.length - 1}/${bytes.length}` },
      body: chunk,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (from + chunk.length < bytes.length) await last.body?.cancel();
  }
  // The final 201 names the attachment in Location: …/attachments('<id>').
  const location = last?.headers.get('location') ?? '';
  const id = /attachments\('([^']+)'\)/.exec(location)?.[1] ?? /attachments\/([^/?]+)$/.exec(location)?.[1];
  await last?.body?.cancel();
  return { id: id ? decodeURIComponent(id) : undefined, uploadSession: true };
}
