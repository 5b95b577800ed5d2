import { describe, expect, it } from 'vitest';
import { nextRecurrence, parseDateTime, type ICalComponent } from '@cal/ical';

const todo = (props: [string, string][]): ICalComponent => ({ name: 'VTODO', properties: props.map(([name, value]) => ({ name, params: {}, value })), components: [] });

describe('nextRecurrence', () => {
  it('steps from DTSTART, skipping EXDATEs, and ends with the rule', async () => {
    const c = todo([['DTSTART', '20250106T090000Z'], ['RRULE', 'FREQ=WEEKLY;COUNT=3'], ['EXDATE', '20250113T090000Z']]);
    expect(await nextRecurrence(c, parseDateTime('20250106T090000Z'))).toMatchObject({ year: 2025, month: 1, day: 20, hour: 9, utc: true });
    expect(await nextRecurrence(c, parseDateTime('20250120T090000Z'))).toBeUndefined();
  });
  it('uses DUE when there is no DTSTART, keeps DATE values, and returns undefined without RRULE', async () => {
    expect(await nextRecurrence(todo([['DUE', '20250131'], ['RRULE', 'FREQ=MONTHLY']]), parseDateTime('20250131'))).toMatchObject({ month: 3, day: 31, isDate: true });
    expect(await nextRecurrence(todo([['DUE', '20250131']]), parseDateTime('20250131'))).toBeUndefined();
  });
});
