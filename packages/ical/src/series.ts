/* eslint-disable @typescript-eslint/no-explicit-any */
// Loaded on demand together with ical.js (see load-ical-js.ts): everything here needs ical.js
// anyway, so keeping it out of recurrence.ts costs no extra round trip. It has no runtime imports:
// the helpers it shares with the eager code come in as `kit`, otherwise bundlers split those
// helpers into an extra shared chunk and the initial load gets bigger, not smaller, after gzip.
import type { Fields, ICalDateTime } from './datetime.js';
import type { IcalModule, SeriesKit } from './load-ical-js.js';
import type { ICalComponent } from './model.js';
import type { Occurrence } from './recurrence.js';

/** Expands series (RRULE/RDATE, overrides, VTIMEZONE) with ical.js into `out`. @internal */
export function expandSeries(
  ICAL: IcalModule,
  kit: SeriesKit,
  calendar: ICalComponent,
  groups: ICalComponent[][],
  rs: number,
  re: number,
  max: number,
  floating: string,
  out: Occurrence[],
): void {
  const { cloneComponent, dateTimeProperty, getProperty, ianaZone, invalid, overlaps, readDateTime, removeProperty, serializeICalendar, setProperty, zonedToEpoch } = kit;
  const tzs = calendar.components.filter((c) => c.name === 'VTIMEZONE');
  for (const comps of groups) {
    // One small VCALENDAR per series keeps ical.js work proportional to what needs expanding.
    const text = serializeICalendar({ name: 'VCALENDAR', properties: [{ name: 'VERSION', params: {}, value: '2.0' }], components: [...tzs, ...comps] });
    let root: any;
    try {
      root = new ICAL.Component(ICAL.parse(text));
    } catch (e) {
      throw invalid(`recurrence data rejected by ical.js: ${(e as Error).message}`, 'icalendar', 'expandRecurrences');
    }
    const jsEvents: any[] = root.getAllSubcomponents('vevent');
    const mine = new Map<any, ICalComponent>();
    jsEvents.forEach((j, i) => mine.set(j, comps[i]!));
    const masterJs = jsEvents.find((j) => !j.hasProperty('recurrence-id'));
    const overridesJs = jsEvents.filter((j) => j.hasProperty('recurrence-id'));
    const uid = getProperty(comps[0]!, 'UID')?.value ?? '';
    const instant = (t: any, tzid: string | undefined): number => {
      const f: Fields = { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second };
      const utc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
      if (t.isDate) return zonedToEpoch(f, floating) ?? utc;
      const zid: string | undefined = t.zone?.tzid;
      if (zid === 'UTC') return utc;
      const name = tzid ?? (zid && zid !== 'floating' ? zid : undefined);
      if (name) {
        // Prefer Intl for IANA names so all servers (whatever VTIMEZONE they store) give the same instants.
        const viaIntl = ianaZone(name) ? zonedToEpoch(f, name) : undefined;
        if (viaIntl !== undefined) return viaIntl;
        if (t.zone && zid !== 'floating') return t.toUnixTime() * 1000;
      }
      return floating === 'UTC' ? utc : (zonedToEpoch(f, floating) ?? utc);
    };
    if (!masterJs) {
      continue;
    }
    const masterMine = mine.get(masterJs)!;
    const startProp = getProperty(masterMine, 'DTSTART');
    const startTz = startProp?.params['TZID'];
    const startDt = readDateTime(startProp);
    if (!startDt) continue;
    const event = new ICAL.Event(masterJs, { strictExceptions: false, exceptions: overridesJs });
    const seen = new Set<string>();
    const emit = (itemJs: any, startT: any, endT: any, ridT: any): void => {
      const item = mine.get(itemJs) ?? masterMine;
      const isOverride = item !== masterMine;
      const itemStartTz = getProperty(item, 'DTSTART')?.params['TZID'];
      const endProp = getProperty(item, 'DTEND');
      const s = instant(startT, itemStartTz);
      const e = instant(endT, endProp?.params['TZID'] ?? itemStartTz);
      const ridDt: ICalDateTime = { year: ridT.year, month: ridT.month, day: ridT.day, hour: ridT.hour, minute: ridT.minute, second: ridT.second, isDate: startDt.isDate, utc: startDt.utc, ...(startTz && !startDt.utc && !startDt.isDate ? { tzid: startTz } : {}) };
      const ridProp = dateTimeProperty('RECURRENCE-ID', ridDt);
      if (seen.has(ridProp.value)) return;
      seen.add(ridProp.value);
      if (!overlaps(s, e, rs, re)) return;
      const comp = cloneComponent(item);
      if (!isOverride) {
        const sDt: ICalDateTime = { ...ridDt, year: startT.year, month: startT.month, day: startT.day, hour: startT.hour, minute: startT.minute, second: startT.second };
        setProperty(comp, { ...dateTimeProperty('DTSTART', sDt), params: { ...startProp!.params } });
        if (endProp) {
          const eDt = readDateTime(endProp)!;
          const eNew: ICalDateTime = { ...eDt, year: endT.year, month: endT.month, day: endT.day, hour: endT.hour, minute: endT.minute, second: endT.second };
          setProperty(comp, { ...dateTimeProperty('DTEND', eNew), params: { ...endProp.params } });
        }
        removeProperty(comp, 'RRULE');
        removeProperty(comp, 'RDATE');
        removeProperty(comp, 'EXDATE');
        // Put RECURRENCE-ID right after DTSTART-ish properties; order is not significant in iCalendar.
        comp.properties.push(ridProp);
      }
      out.push({ uid, start: new Date(s), end: new Date(e), allDay: !!startT.isDate, recurrenceId: ridProp.value, isOverride, component: comp });
    };
    const it = event.iterator();
    let guard = 0;
    let next: any;
    while ((next = it.next())) {
      if (++guard > 1_000_000 || out.length >= max) break;
      const ridMs = instant(next, startTz);
      // Occurrences come in RECURRENCE-ID order; once past the range only moved overrides can still match.
      if (ridMs >= re) break;
      const d = event.getOccurrenceDetails(next);
      emit(d.item.component, d.startDate, d.endDate, d.recurrenceId);
    }
    // Overrides whose original slot lies after the range but which were moved into it.
    for (const oj of overridesJs) {
      const ridT = oj.getFirstPropertyValue('recurrence-id');
      const st = oj.getFirstPropertyValue('dtstart');
      if (!ridT || !st) continue;
      const d = event.getOccurrenceDetails(ridT);
      emit(oj, d.startDate, d.endDate, ridT);
    }
  }
}

/** `nextRecurrence` once ical.js is loaded. @internal */
export function nextAfter(ICAL: IcalModule, kit: SeriesKit, comp: ICalComponent, rrule: string, anchor: ICalDateTime, after: ICalDateTime): ICalDateTime | undefined {
  const { dateTimeProperty, getProperties, invalid } = kit;
  let recur: any;
  try {
    recur = ICAL.Recur.fromString(rrule);
  } catch (e) {
    throw invalid(`RRULE rejected by ical.js: ${(e as Error).message}`, 'rrule', 'nextRecurrence');
  }
  const fields = (t: ICalDateTime) => ({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second, isDate: t.isDate });
  const start = ICAL.Time.fromData(fields(anchor));
  const limit = ICAL.Time.fromData(fields(after));
  const excluded = new Set(getProperties(comp, 'EXDATE').flatMap((p) => p.value.split(',')));
  const it = recur.iterator(start);
  for (let i = 0, next: any; i < 100_000 && (next = it.next()); i++) {
    if (next.compare(limit) <= 0) continue;
    const dt: ICalDateTime = { ...anchor, year: next.year, month: next.month, day: next.day, hour: next.hour, minute: next.minute, second: next.second };
    if (excluded.has(dateTimeProperty('X', dt).value)) continue;
    return dt;
  }
  return undefined;
}
