import { describe, expectTypeOf, it } from 'vitest';
import { CronofyClient, type CronofyAuthorization, type CronofyCalendar, type CronofyEvent, type CronofyFreeBusy, type CronofyPages, type BatchResult } from '@cal/cronofy';

const cronofy = new CronofyClient({ accessToken: 't', dataCenter: 'uk' });

describe('public types', () => {
  it('paged reads yield typed items', () => {
    const events = cronofy.readEvents({ fromDate: new Date(), toDate: '2026-01-01', tzid: 'Europe/London' });
    expectTypeOf(events).toEqualTypeOf<CronofyPages<'events', CronofyEvent>>();
    expectTypeOf(events.all()).resolves.toEqualTypeOf<CronofyEvent[]>();
    expectTypeOf(events.currentPage()).toEqualTypeOf<CronofyEvent[]>();
    expectTypeOf(cronofy.readFreeBusy().fetchNextPage()).resolves.toEqualTypeOf<CronofyFreeBusy[] | undefined>();
    expectTypeOf<CronofyEvent['summary']>().toEqualTypeOf<string | undefined>();
  });

  it('methods return the unwrapped shapes', () => {
    expectTypeOf(cronofy.listCalendars()).resolves.toEqualTypeOf<CronofyCalendar[]>();
    expectTypeOf(cronofy.getAuthorizationFromCode('c', 'https://x')).resolves.toEqualTypeOf<CronofyAuthorization>();
    expectTypeOf(cronofy.batch([])).resolves.toEqualTypeOf<BatchResult>();
    expectTypeOf(cronofy.isAuthorizationExpired()).toEqualTypeOf<boolean>();
  });

  it('rejects wrong inputs at compile time', () => {
    // @ts-expect-error unknown data center
    new CronofyClient({ dataCenter: 'us2' });
    // @ts-expect-error participation status is a fixed set
    void cronofy.changeParticipationStatus('c', 'u', 'maybe');
    // @ts-expect-error an event needs start and end
    void cronofy.upsertEvent('c', { event_id: 'e', summary: 's' });
  });
});
