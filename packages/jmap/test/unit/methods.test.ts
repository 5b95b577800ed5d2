import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ProtocolError, ValidationError } from '@cal/core';
import { JMAPMethodError, JMAPSetError, call, createJMAPClient } from '@cal/jmap';
import { ORIGIN, fakeServer } from './fake-fetch.js';

const URL_ = `${ORIGIN}/jmap/session`;
const mk = (api: (body: any) => unknown) => {
  const srv = fakeServer(api);
  return { srv, client: createJMAPClient({ url: URL_, username: 'u', password: 'pw', fetch: srv.fetch }) };
};
const set = (over: Record<string, unknown>) => ({
  accountId: 'a1', oldState: '1', newState: '2', created: null, updated: null, destroyed: null,
  notCreated: null, notUpdated: null, notDestroyed: null, ...over,
});
const reply = (body: any, ...responses: [string, unknown][]) => ({
  methodResponses: responses.map(([n, a], i) => [n, a, body.methodCalls[i]?.[2] ?? 'x']),
  sessionState: 's1',
});

describe('method errors and SetErrors', () => {
  it('a method-level error is a JMAPMethodError (a ProtocolError) with type, description and method', async () => {
    const { client } = mk((b) => reply(b, ['error', { type: 'serverFail', description: 'disk on fire' }]));
    const err = await client.getCalendars().catch((e) => e);
    expect(err).toBeInstanceOf(JMAPMethodError);
    expect(err).toBeInstanceOf(ProtocolError);
    expect(err).toMatchObject({ type: 'serverFail', description: 'disk on fire', method: 'Calendar/get', providerCode: 'serverFail', provider: 'jmap' });
  });

  it('a stale ifInState (stateMismatch) is a ConflictError', async () => {
    const { client, srv } = mk((b) => reply(b, ['error', { type: 'stateMismatch' }]));
    await expect(client.deleteEvent('E-1', { ifInState: 'old' })).rejects.toBeInstanceOf(ConflictError);
    expect(srv.posts()[0]!.body.methodCalls[0][1]).toEqual({ accountId: 'a1', destroy: ['E-1'], ifInState: 'old' });
  });

  it('a rejected create is a JMAPSetError listing the SetError', async () => {
    const { client } = mk((b) => reply(b, ['CalendarEvent/set', set({ notCreated: { 'new-0': { type: 'invalidProperties', properties: ['start'] } } })]));
    const err = await client.createEvent('c1', { title: 'x', start: 'bad' }).catch((e) => e);
    expect(err).toBeInstanceOf(JMAPSetError);
    expect(err.type).toBe('invalidProperties');
    expect(err.setErrors).toEqual([{ id: 'new-0', operation: 'create', error: { type: 'invalidProperties', properties: ['start'] } }]);
    expect(err.message).toContain('start');
    // JSON (logs) keeps the JMAP fields next to CalError's.
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({
      type: 'invalidProperties', method: 'CalendarEvent/set', callId: err.callId,
      setErrors: [{ id: 'new-0', operation: 'create', error: { type: 'invalidProperties', properties: ['start'] } }],
    });
  });

  it('destroying a missing event is a NotFoundError', async () => {
    const { client } = mk((b) => reply(b, ['CalendarEvent/set', set({ notDestroyed: { 'E-9': { type: 'notFound' } } })]));
    await expect(client.deleteEvent('E-9')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('getEvent of an unknown id is a NotFoundError', async () => {
    const { client } = mk((b) => reply(b, ['CalendarEvent/get', { accountId: 'a1', state: '1', list: [], notFound: ['E-9'] }]));
    await expect(client.getEvent('E-9')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('createEvents sends one CalendarEvent/set per maxObjectsInSet chunk and reports every rejected item', async () => {
    const { client, srv } = mk((b) => {
      const create = b.methodCalls[0][1].create as Record<string, unknown>;
      const created: Record<string, unknown> = {};
      const notCreated: Record<string, unknown> = {};
      for (const k of Object.keys(create)) {
        if (k === 'e1' || k === 'e2') notCreated[k] = { type: 'invalidProperties', properties: ['title'] };
        else created[k] = { id: `E-${k}` };
      }
      return reply(b, ['CalendarEvent/set', set({ created, notCreated })]);
    });
    const events = [0, 1, 2, 3, 4].map((i) => ({ title: `t${i}`, start: '2025-01-01T10:00:00' }));
    const res = await client.createEvents('c1', events);
    expect(srv.posts()).toHaveLength(3); // maxObjectsInSet = 2 in the fake session
    expect(res.ids).toEqual(['E-e0', undefined, undefined, 'E-e3', 'E-e4']);
    expect(res.errors.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(srv.posts()[0]!.body.methodCalls[0][1].create.e0).toMatchObject({ calendarIds: { c1: true }, title: 't0' });
  });

  it('validates input before any request', async () => {
    const { client, srv } = mk(() => ({}));
    await expect(client.createEvent('', { title: 'x' })).rejects.toBeInstanceOf(ValidationError);
    await expect(client.getEvent('')).rejects.toBeInstanceOf(ValidationError);
    await expect(client.searchEvents({ start: '2025-13-01 nonsense' })).rejects.toBeInstanceOf(ValidationError);
    await expect(client.createEvent('c1', 'not ical')).rejects.toBeInstanceOf(ValidationError);
    await expect(client.createTask('l1', 'x', { due: 'tomorrow' })).rejects.toBeInstanceOf(ValidationError);
    expect(srv.log).toHaveLength(0);
    expect(() => createJMAPClient({ url: 'not a url' })).toThrow(ValidationError);
  });

  it('updateEvent sends a replacement PatchObject that clears absent properties', async () => {
    const { client, srv } = mk((b) => reply(b, ['CalendarEvent/set', set({ updated: { 'E-1': null } })]));
    await client.updateEvent('E-1', { uid: 'u1', title: 'New', start: '2025-01-01T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H' });
    const patch = srv.posts()[0]!.body.methodCalls[0][1].update['E-1'];
    expect(patch).toMatchObject({ title: 'New', start: '2025-01-01T10:00:00', locations: null, alerts: null, participants: null });
    expect(patch).not.toHaveProperty('uid');
  });
});

describe('batching with result references', () => {
  it('request() sends every call in ONE request, fills accountId per capability, and types results', async () => {
    const { client, srv } = mk((b) =>
      reply(b,
        ['CalendarEvent/query', { accountId: 'a1', queryState: 'q', canCalculateChanges: false, position: 0, ids: ['E-1'] }],
        ['CalendarEvent/get', { accountId: 'a1', state: '1', list: [{ id: 'E-1', title: 'Standup' }], notFound: [] }],
        ['error', { type: 'unknownMethod' }],
      ),
    );
    const q = call('CalendarEvent/query', { filter: { text: 'standup' } });
    const g = call('CalendarEvent/get', { '#ids': q.ref('/ids'), properties: ['title'] });
    const t = call('Task/get', { ids: null });
    const res = await client.request([q, g, t]);
    expect(srv.posts()).toHaveLength(1);
    const sent = srv.posts()[0]!.body;
    expect(sent.using).toEqual(['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:calendars', 'urn:ietf:params:jmap:tasks']);
    expect(sent.methodCalls[1]).toEqual(['CalendarEvent/get', { accountId: 'a1', '#ids': { resultOf: q.id, name: 'CalendarEvent/query', path: '/ids' }, properties: ['title'] }, g.id]);
    expect(sent.methodCalls[2][1].accountId).toBe('t1'); // tasks account, not the calendars one
    const list = res.get(g).list; // typed: JSCalendarEvent[]
    expect(list[0]?.title).toBe('Standup');
    const failed = res.result(t);
    expect(failed.ok).toBe(false);
    expect(() => res.get(t)).toThrow(JMAPMethodError);
  });

  it('request() rejects duplicate call ids and more calls than maxCallsInRequest before sending', async () => {
    const { client, srv } = mk(() => ({}));
    await expect(client.request([call('Calendar/get', {}, 'x'), call('CalendarEvent/get', {}, 'x')])).rejects.toBeInstanceOf(ValidationError);
    await expect(client.request(Array.from({ length: 17 }, () => call('Calendar/get', {})))).rejects.toThrow(/maxCallsInRequest/);
    await expect(client.request([])).rejects.toBeInstanceOf(ValidationError);
    expect(srv.posts()).toHaveLength(0);
  });

  it('searchEvents is ONE request: query + get with #ids, bounds as LocalDateTime with a timeZone', async () => {
    const { client, srv } = mk((b) =>
      reply(b,
        ['CalendarEvent/query', { accountId: 'a1', queryState: 'q', canCalculateChanges: false, position: 0, ids: ['E-2', 'E-1'] }],
        ['CalendarEvent/get', { accountId: 'a1', state: '1', list: [{ id: 'E-1', title: 'a' }, { id: 'E-2', title: 'b' }], notFound: [] }],
      ),
    );
    const found = await client.searchEvents({ calendarId: 'c1', start: new Date('2025-01-01T00:00:00Z'), end: '2025-02-01T00:00:00Z', text: 'x' });
    expect(found.map((e) => e.id)).toEqual(['E-2', 'E-1']); // query order kept
    expect(srv.posts()).toHaveLength(1);
    const [query, get] = srv.posts()[0]!.body.methodCalls;
    expect(query[1]).toMatchObject({ filter: { inCalendars: ['c1'], after: '2025-01-01T00:00:00', before: '2025-02-01T00:00:00', text: 'x' }, timeZone: 'Etc/UTC' });
    expect(get[1]['#ids']).toEqual({ resultOf: query[2], name: 'CalendarEvent/query', path: '/ids' });
  });

  it('searchEvents switches to the draft-27 inCalendar filter when the server rejects inCalendars', async () => {
    const { client, srv } = mk((b) => {
      const f = b.methodCalls[0][1].filter;
      if (f.inCalendars) return reply(b, ['error', { type: 'invalidArguments', arguments: ['filter/inCalendars'] }], ['error', { type: 'invalidResultReference' }]);
      return reply(b,
        ['CalendarEvent/query', { accountId: 'a1', queryState: 'q', canCalculateChanges: false, position: 0, ids: [] }],
        ['CalendarEvent/get', { accountId: 'a1', state: '1', list: [], notFound: [] }]);
    });
    expect(await client.searchEvents({ calendarId: 'c1' })).toEqual([]);
    await client.searchEvents({ calendarId: 'c1' });
    expect(srv.posts().map((p) => Object.keys(p.body.methodCalls[0][1].filter)[0])).toEqual(['inCalendars', 'inCalendar', 'inCalendar']);
  });
});
