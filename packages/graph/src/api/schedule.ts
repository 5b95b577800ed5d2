import { ValidationError } from '@cal/core';
import { preferHeader, unwrap, userPath, type GraphApi } from './graph-api.js';
import type { FindMeetingTimesRequest, MeetingTimeSuggestionsResult, ScheduleInformation } from './types.js';
import { toDate, utcDateTime, type DateInput } from '../time/date-time.js';

/** Decoded `availabilityView` digit (calendar-getschedule.md; O365 `get_availability`). @public */
export type Availability = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

const DIGITS: readonly Availability[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere'];

/** Decodes an `availabilityView` string: one status per interval. @public */
export function decodeAvailabilityView(view: string): Availability[] {
  return [...view].map((d) => DIGITS[Number(d)] ?? 'unknown');
}

/** A schedule with its view decoded into time slots. @public */
export interface DecodedSchedule extends ScheduleInformation {
  /** One entry per `interval` minutes from `start`. */
  readonly slots: { readonly start: Date; readonly end: Date; readonly availability: Availability }[];
}

/**
 * Free/busy for users, rooms or lists (POST calendar/getSchedule). Not available for personal
 * Microsoft accounts. Interval: 5–1440 minutes (default 30).
 * @public
 */
export async function getSchedule(
  api: GraphApi,
  options: { schedules: string[]; start: DateInput; end: DateInput; interval?: number },
): Promise<DecodedSchedule[]> {
  const interval = options.interval ?? 30;
  const details = [];
  if (!Array.isArray(options.schedules) || options.schedules.length === 0) details.push({ field: 'schedules', description: 'at least one address' });
  if (!Number.isInteger(interval) || interval < 5 || interval > 1440) details.push({ field: 'interval', description: 'integer minutes, 5–1440' });
  if (details.length) throw new ValidationError('Invalid getSchedule request', { provider: 'graph', operation: 'getSchedule', details });
  const start = toDate(options.start, 'start');
  const end = toDate(options.end, 'end');
  const res = await unwrap(api, api.client.POST('/users/{user-id}/calendar/getSchedule', {
    params: { path: userPath(api) },
    headers: preferHeader(api),
    body: { schedules: options.schedules, startTime: utcDateTime(start), endTime: utcDateTime(end), availabilityViewInterval: interval },
  }));
  const step = interval * 60_000;
  return (res.value ?? []).map((info) => ({
    ...info,
    slots: decodeAvailabilityView(info.availabilityView ?? '').map((availability, i) => ({
      start: new Date(start.getTime() + i * step),
      end: new Date(Math.min(start.getTime() + (i + 1) * step, end.getTime())),
      availability,
    })),
  }));
}

/**
 * Meeting time suggestions (user-findmeetingtimes.md). The `Prefer: outlook.timezone` sent is the
 * context's Windows zone: an IANA name there makes this endpoint fail (Q&A 1324397).
 * @public
 */
export async function findMeetingTimes(api: GraphApi, request: FindMeetingTimesRequest): Promise<MeetingTimeSuggestionsResult> {
  if (!request || typeof request !== 'object') throw new ValidationError('request is required', { provider: 'graph', operation: 'findMeetingTimes' });
  return unwrap(api, api.client.POST('/users/{user-id}/findMeetingTimes', { params: { path: userPath(api) }, headers: preferHeader(api), body: request }));
}
