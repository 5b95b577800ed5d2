import { graphError } from './graph-errors.js';
import { requireEvent } from './present.js';
import { jsonBody, type GraphRouter } from './router.js';
import type { GraphState } from './state.js';
import { deleteEvent, touch } from './routes-events.js';

/** Reads an action parameter; CSDL names are PascalCase, docs examples camelCase: match case-insensitively. */
function param(body: Record<string, unknown> | null, name: string): unknown {
  if (!body) return undefined;
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

/** accept / decline / tentativelyAccept / cancel / forward (event-accept.md etc.): 202 Accepted, no body. */
export function actionRoutes(router: GraphRouter, state: GraphState): void {
  const respond = (kind: 'accepted' | 'declined' | 'tentativelyAccepted') => (req: Parameters<Parameters<GraphRouter['on']>[2]>[0], box: Parameters<Parameters<GraphRouter['on']>[2]>[1], p: Record<string, string>) => {
    const ev = requireEvent(box, p['id'] as string);
    const body = jsonBody<Record<string, unknown> | null>(req);
    if (ev.data['isOrganizer'] === true && ev.data['responseStatus'] && (ev.data['responseStatus'] as { response?: string }).response === 'organizer') {
      throw graphError(400, 'ErrorInvalidRequest', "Your request can't be completed. You can't respond to a meeting you organized.");
    }
    ev.data['responseStatus'] = { response: kind, time: new Date().toISOString() };
    touch(state, ev);
    if (param(body, 'sendResponse') !== false) box.outbox.push({ kind, eventId: ev.data.id, body });
    return { status: 202 };
  };
  router.on('POST', 'events/:id/accept', respond('accepted'));
  router.on('POST', 'events/:id/decline', respond('declined'));
  router.on('POST', 'events/:id/tentativelyAccept', respond('tentativelyAccepted'));
  router.on('POST', 'events/:id/cancel', (req, box, p) => {
    const ev = requireEvent(box, p['id'] as string);
    // event-cancel.md: only the organizer can cancel; attendees get ErrorAccessDenied.
    if (ev.data['isOrganizer'] !== true) throw graphError(400, 'ErrorAccessDenied', 'Your request can\'t be completed. You need to be an organizer to cancel a meeting.');
    box.outbox.push({ kind: 'cancel', eventId: ev.data.id, body: jsonBody(req) });
    deleteEvent(state, box, ev);
    return { status: 202 };
  });
  router.on('POST', 'events/:id/forward', (req, box, p) => {
    const ev = requireEvent(box, p['id'] as string);
    const body = jsonBody(req);
    const to = param(body, 'toRecipients');
    if (!Array.isArray(to) || to.length === 0) throw graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is required.');
    box.outbox.push({ kind: 'forward', eventId: ev.data.id, body });
    return { status: 202 };
  });
}
