import { formatEventTime } from './event-time.js';
import { formatTime } from './time-format.js';
import type { CronofyTime } from './time-values.js';
import type { BatchEntry, CronofyEventInput } from './types.js';

/** Builds batch entries for the common sub-requests (pycronofy `BatchBuilder`). @public */
export const batchEntries = {
  /** Upsert an event (times formatted like `upsertEvent`). */
  upsertEvent(calendarId: string, event: CronofyEventInput): BatchEntry {
    const data = { ...event, start: formatEventTime(event.start, 'event.start', 'batch'), end: formatEventTime(event.end, 'event.end', 'batch') };
    return { method: 'POST', relativeUrl: `/v1/calendars/${encodeURIComponent(calendarId)}/events`, data };
  },
  deleteEvent(calendarId: string, eventId: string): BatchEntry {
    return { method: 'DELETE', relativeUrl: `/v1/calendars/${encodeURIComponent(calendarId)}/events`, data: { event_id: eventId } };
  },
  upsertAvailablePeriod(period: { available_period_id: string; start: CronofyTime; end: CronofyTime }): BatchEntry {
    return { method: 'POST', relativeUrl: '/v1/available_periods', data: { ...period, start: formatTime(period.start, 'start', 'batch'), end: formatTime(period.end, 'end', 'batch') } };
  },
  deleteAvailablePeriod(availablePeriodId: string): BatchEntry {
    return { method: 'DELETE', relativeUrl: '/v1/available_periods', data: { available_period_id: availablePeriodId } };
  },
  deleteExternalEvent(calendarId: string, eventUid: string): BatchEntry {
    return { method: 'DELETE', relativeUrl: `/v1/calendars/${encodeURIComponent(calendarId)}/events`, data: { event_uid: eventUid } };
  },
};
