import { toEpoch } from './time-zones.js';

/** A user of the simulated tenant. @public */
export interface GraphSimUser {
  id: string;
  displayName: string;
  mail: string;
  userPrincipalName: string;
}

/** A stored event: Graph's JSON plus the simulator's bookkeeping (`calendarId`, `seq`). @public */
export interface StoredEvent {
  calendarId: string;
  /** Change sequence number (delta sync). */
  seq: number;
  data: Record<string, unknown> & { id: string };
  attachments: Map<string, Record<string, unknown> & { id: string }>;
}

/** One user's mailbox. @public */
export interface Mailbox {
  user: GraphSimUser;
  calendars: Map<string, Record<string, unknown> & { id: string; groupId: string }>;
  groups: Map<string, Record<string, unknown> & { id: string }>;
  events: Map<string, StoredEvent>;
  /** Deleted event ids with the seq of their deletion. */
  tombstones: { id: string; calendarId: string; seq: number; start: number; end: number }[];
  defaultCalendarId: string;
  /** Messages "sent" by forward / cancel / responses, for assertions. */
  outbox: { kind: string; eventId: string; body: unknown }[];
}

let counter = 0;
/** Graph-like opaque id (base64 alphabet with padding, so clients must percent-encode it). */
export function newId(prefix = 'AAMkAG'): string {
  counter++;
  return `${prefix}${Math.random().toString(36).slice(2, 8)}${counter.toString(36)}=`;
}

/** The simulator's whole state. @public */
export class GraphState {
  readonly mailboxes = new Map<string, Mailbox>();
  seq = 0;

  addUser(user: Partial<GraphSimUser> & { id: string }): Mailbox {
    const full: GraphSimUser = {
      id: user.id,
      displayName: user.displayName ?? user.id,
      mail: user.mail ?? `${user.id}@contoso.example`,
      userPrincipalName: user.userPrincipalName ?? user.mail ?? `${user.id}@contoso.example`,
    };
    const groupId = newId('AAMkAGgrp');
    const calId = newId('AAMkAGcal');
    const box: Mailbox = {
      user: full,
      calendars: new Map(),
      groups: new Map([[groupId, { id: groupId, name: 'My Calendars', classId: crypto.randomUUID(), changeKey: '1' }]]),
      events: new Map(),
      tombstones: [],
      defaultCalendarId: calId,
      outbox: [],
    };
    box.calendars.set(calId, calendarJson(calId, 'Calendar', full, groupId, true));
    this.mailboxes.set(full.id, box);
    return box;
  }

  /** Finds a mailbox by id, mail or UPN (Graph accepts both in /users/{id | userPrincipalName}). */
  find(idOrMail: string): Mailbox | undefined {
    const direct = this.mailboxes.get(idOrMail);
    if (direct) return direct;
    const lower = idOrMail.toLowerCase();
    for (const box of this.mailboxes.values()) {
      if (box.user.mail.toLowerCase() === lower || box.user.userPrincipalName.toLowerCase() === lower) return box;
    }
    return undefined;
  }

  nextSeq(): number {
    return ++this.seq;
  }
}

/** A calendar resource as Graph returns it. */
export function calendarJson(
  id: string,
  name: string,
  owner: GraphSimUser,
  groupId: string,
  isDefault = false,
): Record<string, unknown> & { id: string; groupId: string } {
  return {
    id,
    name,
    color: 'auto',
    hexColor: '',
    isDefaultCalendar: isDefault,
    changeKey: newId('ck'),
    canShare: true,
    canViewPrivateItems: true,
    canEdit: true,
    isRemovable: !isDefault,
    owner: { name: owner.displayName, address: owner.mail },
    groupId,
  };
}

/** Start/end of an event in epoch ms. */
export function eventBounds(data: Record<string, unknown>): { start: number; end: number } {
  const s = data['start'] as { dateTime?: string; timeZone?: string } | undefined;
  const e = data['end'] as { dateTime?: string; timeZone?: string } | undefined;
  const start = s?.dateTime ? toEpoch(s.dateTime, s.timeZone) : NaN;
  const end = e?.dateTime ? toEpoch(e.dateTime, e.timeZone) : start;
  return { start, end };
}
