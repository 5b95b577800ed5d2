import { expectTypeOf, test } from 'vitest';
import { call, type JMAPResponse, type JSCalendarEvent, type QueryResponse, type ResultReference, type SyncResult } from '@cal/jmap';

declare const res: JMAPResponse;

test('typed method calls and result references', () => {
  const q = call('CalendarEvent/query', { filter: { text: 'standup', inCalendars: ['c1'] }, limit: 5 });
  expectTypeOf(q.ref('/ids')).toEqualTypeOf<ResultReference>();
  const g = call('CalendarEvent/get', { '#ids': q.ref('/ids'), properties: ['title'] });
  expectTypeOf(res.get(q)).toEqualTypeOf<QueryResponse>();
  expectTypeOf(res.get(g).list).toEqualTypeOf<JSCalendarEvent[]>();
  // @ts-expect-error: not a member of a CalendarEvent/query response
  q.ref('/nope');
  // @ts-expect-error: ids must be an array of ids or null
  call('CalendarEvent/get', { ids: 5 });
  // @ts-expect-error: a reference must be a ResultReference
  call('CalendarEvent/get', { '#ids': '/ids' });
  // unknown methods are allowed, typed as plain records
  expectTypeOf(res.get(call('Example/echo', { a: 1 }))).toEqualTypeOf<Record<string, unknown>>();
});

test('sync result shape', () => {
  expectTypeOf<SyncResult['syncToken']>().toEqualTypeOf<string>();
  expectTypeOf<SyncResult['fullResync']>().toEqualTypeOf<boolean>();
});
