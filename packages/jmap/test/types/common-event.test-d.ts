import { expectTypeOf, test } from 'vitest';
import type { CommonEvent } from '@cal/core';
import { toCommonEvent, type JMAPCalendarObject, type JSCalendarEvent } from '@cal/jmap';

declare const obj: JMAPCalendarObject;
declare const data: JSCalendarEvent;

test('raw is typed as what was converted', () => {
  expectTypeOf(toCommonEvent(obj)).toEqualTypeOf<CommonEvent<JMAPCalendarObject>>();
  expectTypeOf(toCommonEvent(data)).toEqualTypeOf<CommonEvent<JSCalendarEvent>>();
  expectTypeOf([obj].map((e) => toCommonEvent(e))).toEqualTypeOf<CommonEvent<JMAPCalendarObject>[]>();
});
