import { describe, expect, it } from 'vitest';
import { ConflictError } from '@cal/core';
import { createJMAPClient } from '@cal/jmap';
import { ORIGIN, fakeServer } from './fake-fetch.js';

/** A change log the fake server pages through per RFC 8620 §5.2 (maxChanges, hasMoreChanges). */
const pages: Record<string, { newState: string; more: boolean; created: string[]; updated: string[]; destroyed: string[] }> = {
  '10': { newState: '11', more: true, created: ['E-1', 'E-2'], updated: ['E-0'], destroyed: [] },
  '11': { newState: '12', more: true, created: ['E-3'], updated: ['E-1', 'E-9'], destroyed: ['E-2'] },
  '12': { newState: '13', more: false, created: [], updated: [], destroyed: ['E-9', 'E-8'] },
};

function api(body: any) {
  const calls = body.methodCalls as [string, any, string][];
  const [name, args, id] = calls[0]!;
  if (name === 'CalendarEvent/get' && Array.isArray(args.ids) && args.ids.length === 0 && calls.length === 3) {
    // full resync: state first, then a query page and a #ids get
    const q = calls[1]!;
    expect(q[1]).toMatchObject({ position: 0, calculateTotal: true });
    expect(calls[2]![1]['#ids']).toEqual({ resultOf: q[2], name: 'CalendarEvent/query', path: '/ids' });
    return {
      methodResponses: [
        ['CalendarEvent/get', { accountId: 'a1', state: '99', list: [], notFound: [] }, id],
        ['CalendarEvent/query', { accountId: 'a1', queryState: 'q', canCalculateChanges: false, position: 0, ids: ['E-1', 'E-3'], total: 2 }, q[2]],
        ['CalendarEvent/get', { accountId: 'a1', state: '99', list: [{ id: 'E-1' }, { id: 'E-3' }], notFound: [] }, calls[2]![2]],
      ],
      sessionState: 's1',
    };
  }
  if (name === 'CalendarEvent/get' && Array.isArray(args.ids) && args.ids.length === 0) {
    return { methodResponses: [['CalendarEvent/get', { accountId: 'a1', state: '10', list: [], notFound: [] }, id]], sessionState: 's1' };
  }
  const page = pages[args.sinceState];
  if (!page) return { methodResponses: [['error', { type: 'cannotCalculateChanges' }, id], ['error', { type: 'invalidResultReference' }, calls[1]![2]], ['error', { type: 'invalidResultReference' }, calls[2]![2]]], sessionState: 's1' };
  // the two gets resolve their #ids references against this page
  const get = (ids: string[], cid: string) => ['CalendarEvent/get', { accountId: 'a1', state: page.newState, list: ids.map((i) => ({ id: i, title: `${i}@${page.newState}` })), notFound: [] }, cid];
  return {
    methodResponses: [
      ['CalendarEvent/changes', { accountId: 'a1', oldState: args.sinceState, newState: page.newState, hasMoreChanges: page.more, created: page.created, updated: page.updated, destroyed: page.destroyed }, id],
      get(page.created, calls[1]![2]),
      get(page.updated, calls[2]![2]),
    ],
    sessionState: 's1',
  };
}

describe('sync', () => {
  it('getSyncToken is CalendarEvent/get with ids: []', async () => {
    const srv = fakeServer(api);
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, username: 'u', password: 'pw', fetch: srv.fetch });
    expect(await client.getSyncToken()).toBe('10');
    expect(srv.posts()[0]!.body.methodCalls[0][1]).toEqual({ accountId: 'a1', ids: [] });
  });

  it('pages through hasMoreChanges (one request per page), merges the pages and returns the final state', async () => {
    const srv = fakeServer(api);
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, username: 'u', password: 'pw', fetch: srv.fetch });
    const res = await client.getObjectsBySyncToken('10', { maxChanges: 3 });
    expect(res.syncToken).toBe('13');
    expect(res.fullResync).toBe(false);
    expect(res.requests).toBe(3);
    expect(srv.posts()).toHaveLength(3);
    // E-1 created then updated → added (latest version); E-2 created then destroyed → nothing;
    // E-9 updated then destroyed → deleted; E-8 destroyed → deleted.
    expect(res.added.map((o) => [o.id, o.title])).toEqual([['E-1', 'E-1@12'], ['E-3', 'E-3@12']]);
    expect(res.modified.map((o) => o.id)).toEqual(['E-0']);
    expect(res.deleted.sort()).toEqual(['E-8', 'E-9']);
    const first = srv.posts()[0]!.body.methodCalls;
    expect(first[0]).toEqual(['CalendarEvent/changes', { accountId: 'a1', sinceState: '10', maxChanges: 3 }, first[0][2]]);
    expect(first[1][1]['#ids']).toEqual({ resultOf: first[0][2], name: 'CalendarEvent/changes', path: '/created' });
    expect(first[2][1]['#ids']).toEqual({ resultOf: first[0][2], name: 'CalendarEvent/changes', path: '/updated' });
  });

  it('cannotCalculateChanges means a full resync, flagged in the result', async () => {
    const srv = fakeServer(api);
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, username: 'u', password: 'pw', fetch: srv.fetch });
    const res = await client.getObjectsBySyncToken('ancient');
    expect(res).toMatchObject({ fullResync: true, syncToken: '99', modified: [], deleted: [] });
    expect(res.added.map((o) => o.id)).toEqual(['E-1', 'E-3']);
  });

  it('a stale ifInState on a write is a ConflictError', async () => {
    const srv = fakeServer((b) => ({ methodResponses: [['error', { type: 'stateMismatch' }, b.methodCalls[0][2]]], sessionState: 's1' }));
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, username: 'u', password: 'pw', fetch: srv.fetch });
    await expect(client.patchEvent('E-1', { title: 'x' }, { ifInState: '1' })).rejects.toBeInstanceOf(ConflictError);
  });
});
