import { ValidationError } from '@cal/core';
import { unwrap, userPath, type GraphApi } from './graph-api.js';
import type { GraphRecipient, TimeSlot } from './types.js';

function eventPath(api: GraphApi, eventId: string, operation: string) {
  if (typeof eventId !== 'string' || !eventId) throw new ValidationError('eventId is required', { provider: 'graph', operation, details: [{ field: 'eventId', description: 'non-empty string' }] });
  return { path: { ...userPath(api), 'event-id': eventId } };
}

/** Options of accept / decline / tentativelyAccept. Bodies use the docs' camelCase names. @public */
export interface ResponseOptions {
  comment?: string;
  /** Send a response to the organizer. @default true */
  sendResponse?: boolean;
}

/** Accepts a meeting (event-accept.md). @public */
export async function acceptEvent(api: GraphApi, eventId: string, options: ResponseOptions = {}): Promise<void> {
  await unwrap(api, api.client.POST('/users/{user-id}/events/{event-id}/accept', { params: eventPath(api, eventId, 'acceptEvent'), body: options }));
}

/** Declines a meeting, optionally proposing a new time (event-decline.md). @public */
export async function declineEvent(api: GraphApi, eventId: string, options: ResponseOptions & { proposedNewTime?: TimeSlot } = {}): Promise<void> {
  await unwrap(api, api.client.POST('/users/{user-id}/events/{event-id}/decline', { params: eventPath(api, eventId, 'declineEvent'), body: options }));
}

/** Tentatively accepts a meeting (event-tentativelyaccept.md). @public */
export async function tentativelyAcceptEvent(api: GraphApi, eventId: string, options: ResponseOptions & { proposedNewTime?: TimeSlot } = {}): Promise<void> {
  await unwrap(api, api.client.POST('/users/{user-id}/events/{event-id}/tentativelyAccept', { params: eventPath(api, eventId, 'tentativelyAcceptEvent'), body: options }));
}

/** Cancels a meeting you organize and notifies attendees (event-cancel.md). @public */
export async function cancelEvent(api: GraphApi, eventId: string, options: { comment?: string } = {}): Promise<void> {
  await unwrap(api, api.client.POST('/users/{user-id}/events/{event-id}/cancel', { params: eventPath(api, eventId, 'cancelEvent'), body: options }));
}

/** Forwards a meeting request (event-forward.md). Recipients may be plain addresses. @public */
export async function forwardEvent(api: GraphApi, eventId: string, options: { toRecipients: (string | GraphRecipient)[]; comment?: string }): Promise<void> {
  const to = options?.toRecipients;
  if (!Array.isArray(to) || to.length === 0) {
    throw new ValidationError('toRecipients needs at least one recipient', { provider: 'graph', operation: 'forwardEvent', details: [{ field: 'toRecipients', description: 'non-empty array' }] });
  }
  const toRecipients = to.map((r) => (typeof r === 'string' ? { emailAddress: { address: r } } : r));
  await unwrap(api, api.client.POST('/users/{user-id}/events/{event-id}/forward', {
    params: eventPath(api, eventId, 'forwardEvent'),
    body: { toRecipients, ...(options.comment === undefined ? {} : { comment: options.comment }) },
  }));
}
