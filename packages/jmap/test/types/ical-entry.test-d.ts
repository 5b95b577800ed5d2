import { expectTypeOf, test } from 'vitest';
import type { JMAPCalendarObject, JSCalendarEvent } from '@cal/jmap';
import { icalToJSCalendar, jsCalendarToICal } from '@cal/jmap/ical';

declare const ev: JMAPCalendarObject;

test('the converters live on @cal/jmap/ical and run synchronously', () => {
  expectTypeOf(icalToJSCalendar).toEqualTypeOf<(ical: string) => JSCalendarEvent>();
  expectTypeOf(jsCalendarToICal).toEqualTypeOf<(event: JSCalendarEvent) => string>();
});

test('toICal() is asynchronous: the converter loads on first use', () => {
  expectTypeOf(ev.toICal()).toEqualTypeOf<Promise<string>>();
});
