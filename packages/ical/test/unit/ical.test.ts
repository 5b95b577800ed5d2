import { describe, expect, it } from 'vitest';
import { ValidationError } from '@cal/core';
import {
  buildEvent,
  buildTodo,
  escapeText,
  expandRecurrences,
  formatDuration,
  getProperty,
  mainComponent,
  parseDateTime,
  parseDuration,
  parseICalendar,
  readDateTime,
  readText,
  serializeICalendar,
  splitTextList,
  toDate,
  unescapeText,
} from '@cal/ical';

const SAMPLE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//EN',
  'BEGIN:VEVENT',
  'UID:abc@example.com',
  'DTSTAMP:20250101T000000Z',
  'DTSTART;TZID=Europe/Berlin:20250310T090000',
  'DTEND;TZID=Europe/Berlin:20250310T100000',
  'SUMMARY:Lunch\\, then a long description line that needs folding because it is',
  '  longer than seventy-five octets',
  'ATTENDEE;CN="Doe, Jane";ROLE=REQ-PARTICIPANT:mailto:jane@example.com',
  'X-CUSTOM;X-P="a:b";X-Q=plain:value;with;semis',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('parseICalendar / serializeICalendar', () => {
  it('unfolds, keeps quoted params and raw values', () => {
    const cal = parseICalendar(SAMPLE);
    const ev = mainComponent(cal)!;
    expect(ev.name).toBe('VEVENT');
    expect(readText(getProperty(ev, 'SUMMARY'))).toBe('Lunch, then a long description line that needs folding because it is longer than seventy-five octets');
    expect(getProperty(ev, 'ATTENDEE')).toEqual({ name: 'ATTENDEE', params: { CN: 'Doe, Jane', ROLE: 'REQ-PARTICIPANT' }, value: 'mailto:jane@example.com' });
    expect(getProperty(ev, 'X-CUSTOM')).toEqual({ name: 'X-CUSTOM', params: { 'X-P': 'a:b', 'X-Q': 'plain' }, value: 'value;with;semis' });
    expect(readDateTime(getProperty(ev, 'DTSTART'))).toMatchObject({ year: 2025, month: 3, day: 10, hour: 9, tzid: 'Europe/Berlin', utc: false, isDate: false });
  });

  it('round-trips and folds at 75 octets (UTF-8 safe)', () => {
    const cal = parseICalendar(SAMPLE);
    const ev = mainComponent(cal)!;
    ev.properties.push({ name: 'DESCRIPTION', params: {}, value: escapeText('ü€😀'.repeat(40)) });
    const out = serializeICalendar(cal);
    for (const line of out.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(out).toContain('ATTENDEE;CN="Doe, Jane";ROLE=REQ-PARTICIPANT:mailto:jane@example.com');
    const again = parseICalendar(out);
    expect(again).toEqual(cal);
    expect(readText(getProperty(mainComponent(again)!, 'DESCRIPTION'))).toBe('ü€😀'.repeat(40));
  });

  it('accepts LF-only line ends', () => {
    expect(parseICalendar(SAMPLE.replace(/\r\n/g, '\n')).components).toHaveLength(1);
  });

  const bad: [string, string][] = [
    ['empty', ''],
    ['not ical', '<html>nope</html>'],
    ['unclosed', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n'],
    ['no colon', 'BEGIN:VCALENDAR\r\nSUMMARY\r\nEND:VCALENDAR\r\n'],
    ['two calendars', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'],
    ['wrong root', 'BEGIN:VEVENT\r\nEND:VEVENT\r\n'],
    ['bad param', 'BEGIN:VCALENDAR\r\nX;P="unterminated:v\r\nEND:VCALENDAR\r\n'],
    ['leading continuation', ' x\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'],
  ];
  for (const [name, text] of bad) it(`rejects ${name} with ValidationError`, () => expect(() => parseICalendar(text)).toThrow(ValidationError));
});

describe('values', () => {
  it('text escaping', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(unescapeText('a\\,b\\;c\\\\d\\ne')).toBe('a,b;c\\d\ne');
    expect(splitTextList('a\\,b,c')).toEqual(['a,b', 'c']);
  });
  it('date-times: UTC, TZID (DST-aware) and floating', () => {
    expect(toDate(parseDateTime('20250310T090000Z')).toISOString()).toBe('2025-03-10T09:00:00.000Z');
    expect(toDate(parseDateTime('20250110T090000', 'Europe/Berlin')).toISOString()).toBe('2025-01-10T08:00:00.000Z');
    expect(toDate(parseDateTime('20250710T090000', 'Europe/Berlin')).toISOString()).toBe('2025-07-10T07:00:00.000Z');
    expect(toDate(parseDateTime('20250710T090000', '/mozilla.org/20050126_1/America/New_York')).toISOString()).toBe('2025-07-10T13:00:00.000Z');
    expect(toDate(parseDateTime('20250710T090000')).toISOString()).toBe('2025-07-10T09:00:00.000Z');
    expect(parseDateTime('20250710')).toMatchObject({ isDate: true });
    expect(() => parseDateTime('2025-07-10')).toThrow(ValidationError);
    expect(() => toDate(parseDateTime('20250710T090000', 'Not/AZone'))).toThrow(ValidationError);
  });
  it('durations', () => {
    expect(parseDuration('-P1DT2H3M4S')).toEqual({ negative: true, weeks: 0, days: 1, hours: 2, minutes: 3, seconds: 4 });
    expect(formatDuration(5400)).toBe('PT1H30M');
    expect(formatDuration(86400)).toBe('P1D');
    expect(formatDuration(0)).toBe('PT0S');
    expect(() => parseDuration('P')).toThrow(ValidationError);
    expect(() => parseDuration('1H')).toThrow(ValidationError);
  });
});

describe('buildEvent / buildTodo', () => {
  it('builds a valid UTC event that parses back', () => {
    const cal = buildEvent({ uid: 'u1', summary: 'Hi, there', start: new Date('2025-03-10T09:00:00Z'), end: '2025-03-10T10:00:00Z', location: 'Room; 1', rrule: 'FREQ=DAILY;COUNT=2', attendees: ['a@example.com'], alarms: [{ trigger: '-PT5M' }] });
    const text = serializeICalendar(cal);
    expect(text).toContain('DTSTART:20250310T090000Z\r\n');
    expect(text).toContain('SUMMARY:Hi\\, there\r\n');
    expect(text).toContain('ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:a@example.com');
    expect(parseICalendar(text)).toEqual(cal);
  });
  it('builds all-day events with exclusive end', () => {
    const text = serializeICalendar(buildEvent({ summary: 'Holiday', start: '2025-05-01' }));
    expect(text).toContain('DTSTART;VALUE=DATE:20250501');
    expect(text).toContain('DTEND;VALUE=DATE:20250502');
  });
  it('rejects bad input with details', () => {
    const e = (() => {
      try {
        buildEvent({ summary: '', start: new Date('2025-03-10T10:00:00Z'), end: new Date('2025-03-10T09:00:00Z'), rrule: 'WEEKLY' });
      } catch (err) {
        return err as ValidationError;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(ValidationError);
    expect(e!.details.map((d) => d.key)).toEqual(['required', 'invalid', 'end_before_start']);
    expect(() => buildEvent({ summary: 'x', start: 'tomorrow' })).toThrow(ValidationError);
    expect(() => buildEvent({ summary: 'x', start: new Date('invalid') })).toThrow(ValidationError);
    expect(() => buildTodo({ summary: 'x', priority: 12 })).toThrow(ValidationError);
  });
  it('builds todos', () => {
    const text = serializeICalendar(buildTodo({ summary: 'Buy milk', due: new Date('2025-03-10T09:00:00Z'), priority: 1 }));
    expect(text).toContain('BEGIN:VTODO');
    expect(text).toContain('STATUS:NEEDS-ACTION');
  });
});

const BERLIN_TZ = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
];
const CUSTOM_TZ = BERLIN_TZ.map((l) => (l === 'TZID:Europe/Berlin' ? 'TZID:My Custom Zone' : l));

function cal(lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
}

describe('expandRecurrences', () => {
  const weekly = cal([
    ...BERLIN_TZ,
    'BEGIN:VEVENT', 'UID:w', 'DTSTAMP:20250101T000000Z', 'DTSTART;TZID=Europe/Berlin:20250306T090000', 'DTEND;TZID=Europe/Berlin:20250306T100000',
    'RRULE:FREQ=WEEKLY;COUNT=6', 'EXDATE;TZID=Europe/Berlin:20250320T090000', 'RDATE;TZID=Europe/Berlin:20250322T120000', 'SUMMARY:Weekly', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:w', 'DTSTAMP:20250101T000000Z', 'RECURRENCE-ID;TZID=Europe/Berlin:20250327T090000', 'DTSTART;TZID=Europe/Berlin:20250328T150000',
    'DTEND;TZID=Europe/Berlin:20250328T160000', 'SUMMARY:Moved', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:w', 'DTSTAMP:20250101T000000Z', 'RECURRENCE-ID;TZID=Europe/Berlin:20250410T090000', 'DTSTART;TZID=Europe/Berlin:20250301T150000',
    'DTEND;TZID=Europe/Berlin:20250301T160000', 'SUMMARY:Moved earlier', 'END:VEVENT',
  ]);

  it('handles RRULE, EXDATE, RDATE, overrides (also moved into the range) and DST', async () => {
    const occ = await expandRecurrences(parseICalendar(weekly), { start: new Date('2025-03-01T00:00:00Z'), end: new Date('2025-04-05T00:00:00Z') });
    expect(occ.map((o) => [o.start.toISOString(), o.recurrenceId, o.isOverride])).toEqual([
      ['2025-03-01T14:00:00.000Z', '20250410T090000', true],
      ['2025-03-06T08:00:00.000Z', '20250306T090000', false],
      ['2025-03-13T08:00:00.000Z', '20250313T090000', false],
      ['2025-03-22T11:00:00.000Z', '20250322T120000', false],
      ['2025-03-28T14:00:00.000Z', '20250327T090000', true],
      ['2025-04-03T07:00:00.000Z', '20250403T090000', false],
    ]);
    const inst = occ[1]!.component;
    expect(getProperty(inst, 'RRULE')).toBeUndefined();
    expect(getProperty(inst, 'RECURRENCE-ID')).toEqual({ name: 'RECURRENCE-ID', params: { TZID: 'Europe/Berlin' }, value: '20250306T090000' });
    expect(getProperty(inst, 'DTSTART')!.value).toBe('20250306T090000');
    expect(readText(getProperty(occ[4]!.component, 'SUMMARY'))).toBe('Moved');
  });

  it('uses the VTIMEZONE for non-IANA TZIDs', async () => {
    const text = cal([...CUSTOM_TZ, 'BEGIN:VEVENT', 'UID:c', 'DTSTAMP:20250101T000000Z', 'DTSTART;TZID=My Custom Zone:20250701T090000', 'DURATION:PT30M', 'RRULE:FREQ=DAILY;COUNT=2', 'END:VEVENT']);
    const occ = await expandRecurrences(parseICalendar(text), { start: new Date('2025-06-01Z'), end: new Date('2025-08-01Z') });
    expect(occ.map((o) => [o.start.toISOString(), o.end.toISOString()])).toEqual([
      ['2025-07-01T07:00:00.000Z', '2025-07-01T07:30:00.000Z'],
      ['2025-07-02T07:00:00.000Z', '2025-07-02T07:30:00.000Z'],
    ]);
  });

  it('expands all-day and unbounded rules within the range only; passes single events through', async () => {
    const text = cal([
      'BEGIN:VEVENT', 'UID:y', 'DTSTAMP:20250101T000000Z', 'DTSTART;VALUE=DATE:20200115', 'RRULE:FREQ=YEARLY', 'SUMMARY:Birthday', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:s', 'DTSTAMP:20250101T000000Z', 'DTSTART:20250114T100000Z', 'DTEND:20250114T110000Z', 'SUMMARY:Single', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:o', 'DTSTAMP:20250101T000000Z', 'DTSTART:20260114T100000Z', 'SUMMARY:Outside', 'END:VEVENT',
    ]);
    const occ = await expandRecurrences(parseICalendar(text), { start: new Date('2025-01-01Z'), end: new Date('2026-01-01Z') });
    expect(occ.map((o) => [o.uid, o.start.toISOString(), o.allDay])).toEqual([
      ['s', '2025-01-14T10:00:00.000Z', false],
      ['y', '2025-01-15T00:00:00.000Z', true],
    ]);
    expect(occ[1]!.end.toISOString()).toBe('2025-01-16T00:00:00.000Z');
  });

  it('rejects an empty range', async () => {
    await expect(expandRecurrences(parseICalendar(cal([])), { start: new Date('2025-01-02Z'), end: new Date('2025-01-01Z') })).rejects.toThrow(ValidationError);
  });
});
