import { graphError } from './graph-errors.js';
import { preferences, jsonBody, type GraphRouter } from './router.js';
import { eventBounds, type GraphState, type Mailbox } from './state.js';
import { fromEpoch, isWindowsZone, toEpoch } from './time-zones.js';

type DT = { dateTime?: string; timeZone?: string };
/** availabilityView digits (calendar-getschedule.md): 0 free, 1 tentative, 2 busy, 3 oof, 4 workingElsewhere. */
const DIGIT: Record<string, number> = { free: 0, tentative: 1, busy: 2, oof: 3, workingElsewhere: 4 };

function busyRows(box: Mailbox, from: number, to: number) {
  const rows: { start: number; end: number; status: string; subject: string }[] = [];
  for (const ev of box.events.values()) {
    const { start, end } = eventBounds(ev.data);
    if (start < to && end > from && ev.data['isCancelled'] !== true) rows.push({ start, end, status: String(ev.data['showAs'] ?? 'busy'), subject: String(ev.data['subject'] ?? '') });
  }
  return rows;
}

function param(body: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

/** calendar/getSchedule and findMeetingTimes. */
export function scheduleRoutes(router: GraphRouter, state: GraphState): void {
  router.on('POST', 'calendar/getSchedule', (req) => {
    const body = jsonBody(req) ?? {};
    const schedules = param(body, 'schedules') as string[] | undefined;
    const s = param(body, 'startTime') as DT | undefined;
    const e = param(body, 'endTime') as DT | undefined;
    const interval = Number(param(body, 'availabilityViewInterval') ?? 30);
    if (!Array.isArray(schedules) || !s?.dateTime || !e?.dateTime) throw graphError(400, 'ErrorInvalidParameter', 'schedules, startTime and endTime are required.');
    if (interval < 5 || interval > 1440) throw graphError(400, 'ErrorInvalidParameter', 'availabilityViewInterval must be between 5 and 1440.');
    const from = toEpoch(s.dateTime, s.timeZone);
    const to = toEpoch(e.dateTime, e.timeZone);
    const zone = preferences(req).get('outlook.timezone') ?? 'UTC';
    const value = schedules.map((id) => {
      const box = state.find(id);
      if (!box) return { scheduleId: id, availabilityView: '', scheduleItems: [], error: { message: 'The user was not found.', responseCode: 'UserNotFound' } };
      const rows = busyRows(box, from, to);
      let view = '';
      for (let t = from; t < to; t += interval * 60_000) {
        let d = 0;
        for (const r of rows) if (r.start < t + interval * 60_000 && r.end > t) d = Math.max(d, DIGIT[r.status] ?? 2);
        view += String(d);
      }
      return {
        scheduleId: id,
        availabilityView: view,
        scheduleItems: rows.map((r) => ({ isPrivate: false, status: r.status, subject: r.subject, location: '', start: fromEpoch(r.start, zone), end: fromEpoch(r.end, zone) })),
        workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'UTC' } },
      };
    });
    return { body: { '@odata.context': `${req.apiBase}/$metadata#Collection(microsoft.graph.scheduleInformation)`, value } };
  });

  router.on('POST', 'findMeetingTimes', (req, box) => {
    const tz = preferences(req).get('outlook.timezone');
    // Q&A 1324397: an IANA name in Prefer: outlook.timezone makes findMeetingTimes fail with UnknownError.
    if (tz && !isWindowsZone(tz)) throw graphError(500, 'UnknownError', '');
    const body = jsonBody(req) ?? {};
    const slots = ((body['timeConstraint'] as { timeSlots?: { start: DT; end: DT }[] } | undefined)?.timeSlots ?? []);
    const duration = parseDuration(String(body['meetingDuration'] ?? 'PT30M'));
    const max = Number(body['maxCandidates'] ?? 5);
    const boxes = [box, ...((body['attendees'] as { emailAddress?: { address?: string } }[] | undefined) ?? []).map((a) => state.find(a.emailAddress?.address ?? '')).filter((b): b is Mailbox => !!b)];
    const suggestions: unknown[] = [];
    for (const slot of slots) {
      const from = toEpoch(slot.start.dateTime ?? '', slot.start.timeZone);
      const to = toEpoch(slot.end.dateTime ?? '', slot.end.timeZone);
      for (let t = from; t + duration <= to && suggestions.length < max; t += 30 * 60_000) {
        const clash = boxes.some((b) => busyRows(b, t, t + duration).some((r) => r.status !== 'free'));
        if (!clash) {
          suggestions.push({ confidence: 100, organizerAvailability: 'free', suggestionReason: 'Suggested because it is one of the nearest times when all attendees are available.', meetingTimeSlot: { start: fromEpoch(t, tz ?? 'UTC'), end: fromEpoch(t + duration, tz ?? 'UTC') }, attendeeAvailability: [], locations: [] });
        }
      }
    }
    return { body: { emptySuggestionsReason: suggestions.length ? '' : 'AttendeesUnavailable', meetingTimeSuggestions: suggestions } };
  });
}

function parseDuration(iso: string): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso);
  if (!m) throw graphError(400, 'ErrorInvalidParameter', 'meetingDuration must be an ISO 8601 duration like PT1H.');
  return (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60_000;
}
