import { expectTypeOf, test } from 'vitest';
import type { AuthStrategy } from '@cal/core';
import { CalDAVClient, basic, bearer, digest, type Calendar, type CalendarObject, type Principal, type SyncResult, type BusyPeriod } from '@cal/caldav';

test('the fixed public API of issue 4 type-checks', () => {
  expectTypeOf(basic).returns.toEqualTypeOf<AuthStrategy>();
  expectTypeOf(bearer).parameter(0).toEqualTypeOf<string | (() => string | Promise<string>)>();
  expectTypeOf(digest).returns.toEqualTypeOf<AuthStrategy>();
  const client = new CalDAVClient({ url: 'https://dav.example.com/', auth: basic('u', 'p'), timeout: 5000 });
  expectTypeOf(client.principal()).resolves.toEqualTypeOf<Principal>();
  expectTypeOf<Principal['calendars']>().returns.resolves.toEqualTypeOf<Calendar[]>();
  expectTypeOf<Principal['makeCalendar']>().parameter(0).toMatchTypeOf<{ name: string; id?: string; components?: string[] }>();
  expectTypeOf<Principal['calendar']>().parameter(0).toEqualTypeOf<{ name: string } | { url: string }>();
  expectTypeOf<Calendar['events']>().returns.resolves.toEqualTypeOf<CalendarObject[]>();
  expectTypeOf<string>().toMatchTypeOf<Parameters<Calendar['createEvent']>[0]>();
  expectTypeOf<{ summary: string; start: Date; end: Date }>().toMatchTypeOf<Parameters<Calendar['createEvent']>[0]>();
  expectTypeOf<Calendar['changesSince']>().returns.resolves.toEqualTypeOf<SyncResult>();
  expectTypeOf<SyncResult>().toMatchTypeOf<{ changed: CalendarObject[]; deleted: string[]; syncToken: string; fullResync: boolean }>();
  expectTypeOf<Calendar['syncToken']>().returns.resolves.toEqualTypeOf<string>();
  expectTypeOf<Calendar['freeBusy']>().returns.resolves.toEqualTypeOf<BusyPeriod[]>();
  expectTypeOf<Calendar>().toHaveProperty('ctag');
  expectTypeOf<CalendarObject>().toMatchTypeOf<{ url: string; etag: string | undefined; data: string; uid: string | undefined }>();
  expectTypeOf<CalendarObject['save']>().returns.resolves.toEqualTypeOf<CalendarObject>();
  expectTypeOf<CalendarObject['delete']>().returns.resolves.toEqualTypeOf<void>();
  expectTypeOf<CalendarObject['complete']>().returns.resolves.toEqualTypeOf<CalendarObject>();
});
