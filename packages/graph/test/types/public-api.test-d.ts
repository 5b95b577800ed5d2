import { assertType, describe, expectTypeOf, it } from 'vitest';
import {
  GraphConnection,
  createGraphApi,
  calendarView,
  createGraphCalendar,
  isRemoved,
  recurrence,
  syncCalendarView,
  type DeltaItem,
  type GraphEvent,
  type GraphPaths,
  type PatternedRecurrence,
  type RemovedEvent,
} from '@cal/graph';

const api = createGraphApi({ accessToken: 't' });

describe('@cal/graph public types', () => {
  it('GraphConnection options are checked', () => {
    assertType(new GraphConnection({ clientId: 'x', authFlowType: 'public' }));
    // @ts-expect-error clientId is required
    new GraphConnection({ clientSecret: 's' });
    // @ts-expect-error unknown flow
    new GraphConnection({ clientId: 'x', authFlowType: 'password' });
    // @ts-expect-error O365 snake_case is camelCase here
    new GraphConnection({ clientId: 'x', requests_delay: 0 });
  });

  it('calendarView yields typed events; the window is required', () => {
    expectTypeOf(calendarView(api, { start: new Date(), end: new Date() })).toEqualTypeOf<AsyncGenerator<GraphEvent>>();
    // @ts-expect-error end is required
    calendarView(api, { start: new Date() });
  });

  it('delta items narrow with isRemoved', () => {
    const item = {} as DeltaItem;
    if (isRemoved(item)) expectTypeOf(item).toEqualTypeOf<RemovedEvent>();
    expectTypeOf(syncCalendarView(api, { start: 0, end: 1 }).deltaLink).toEqualTypeOf<string | undefined>();
  });

  it('the generated paths carry the required calendarView window', () => {
    type Q = NonNullable<GraphPaths['/users/{user-id}/calendarView']['get']['parameters']['query']>;
    expectTypeOf<Q['startDateTime']>().toEqualTypeOf<string>();
    expectTypeOf<Q['$select']>().toEqualTypeOf<string[] | undefined>();
  });

  it('openapi-fetch client rejects unknown paths and bad bodies', () => {
    // @ts-expect-error not a path of the document
    api.client.GET('/users/{user-id}/mailFolders', { params: { path: { 'user-id': 'me' } } });
    // @ts-expect-error subject must be a string
    api.client.POST('/users/{user-id}/events', { params: { path: { 'user-id': 'me' } }, body: { subject: 1 } });
  });

  it('recurrence builds a patternedRecurrence; bound API drops the api argument', () => {
    expectTypeOf(recurrence().daily().from('2026-01-01').build()).toMatchTypeOf<PatternedRecurrence>();
    const cal = createGraphCalendar(new GraphConnection({ clientId: 'x', authFlowType: 'public' }));
    expectTypeOf(cal.getEvent).parameters.toEqualTypeOf<[eventId: string, options?: { select?: string[] }]>();
  });
});
