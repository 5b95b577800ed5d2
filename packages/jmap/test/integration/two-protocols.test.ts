import { describe, expect, it } from 'vitest';
import { readText } from '@cal/core';
import { call } from '@cal/jmap';
// The CalDAV side: plain core HTTP + @cal/ical's parser (no dependency on @cal/caldav).
import { getProperty as prop, parseICalendar as parseICal, unescapeText } from '@cal/ical';
import { cyrusEnv, davHttp, jmapClient, marker } from './cyrus-env.js';

describe('Cyrus 3.10: the same store over JMAP and CalDAV', () => {
  it('an event created over JMAP is read over CalDAV (x-href) with matching fields', async () => {
    const client = jmapClient();
    const s = call('CalendarEvent/set', {
      create: {
        x: {
          calendarIds: { Default: true }, title: 'Both ways', description: 'via JMAP', start: '2025-09-01T14:00:00',
          timeZone: 'Europe/Berlin', duration: 'PT45M', locations: { l: { name: 'Lab' } }, privacy: 'private', freeBusyStatus: 'free',
          recurrenceRules: [{ frequency: 'daily', count: 3 }],
          alerts: { a: { trigger: { '@type': 'OffsetTrigger', offset: '-PT10M' } } },
        },
      },
    });
    const created = (await client.request([s])).get(s).created?.['x'];
    const href = created?.['x-href'] as string;
    expect(href).toMatch(/^\/dav\/calendars\/user\/.+\.ics$/);

    const res = await davHttp().request(href, { method: 'GET' });
    const cal = parseICal(await readText(res));
    const vevent = cal.components.find((c) => c.name === 'VEVENT')!;
    expect(prop(vevent, 'UID')?.value).toBe(created?.uid);
    expect(unescapeText(prop(vevent, 'SUMMARY')!.value)).toBe('Both ways');
    expect(unescapeText(prop(vevent, 'DESCRIPTION')!.value)).toBe('via JMAP');
    const dtstart = prop(vevent, 'DTSTART')!;
    expect(dtstart.params['TZID']).toBe('Europe/Berlin');
    expect(dtstart.value).toBe('20250901T140000');
    const end = prop(vevent, 'DTEND');
    if (end) expect(end.value).toBe('20250901T144500');
    else expect(prop(vevent, 'DURATION')?.value).toBe('PT45M');
    expect(unescapeText(prop(vevent, 'LOCATION')!.value)).toBe('Lab');
    // Cyrus 3.10 stores JMAP privacy as X-JMAP-PRIVACY, not CLASS (the converter reads both)
    expect(prop(vevent, 'CLASS')?.value ?? prop(vevent, 'X-JMAP-PRIVACY')?.value).toBe('PRIVATE');
    expect(prop(vevent, 'TRANSP')?.value).toBe('TRANSPARENT');
    expect(prop(vevent, 'RRULE')?.value).toMatch(/FREQ=DAILY/);
    expect(prop(vevent, 'RRULE')?.value).toMatch(/COUNT=3/);
    const alarm = vevent.components.find((c) => c.name === 'VALARM')!;
    expect(prop(alarm, 'TRIGGER')?.value).toBe('-PT10M');
    await client.deleteEvent(created!.id);
  });

  it('an event PUT over CalDAV shows up in getObjectsBySyncToken as added; DELETE as deleted', async () => {
    const env = cyrusEnv();
    const client = jmapClient();
    const token = await client.getSyncToken();
    const uid = marker('dav-');
    const href = `/dav/calendars/user/${env.user}/Default/${uid}.ics`;
    const body = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z',
      'DTSTART:20250902T080000Z', 'DURATION:PT30M', 'SUMMARY:From CalDAV', 'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n');
    const dav = davHttp();
    await dav.request(href, { method: 'PUT', body, headers: { 'content-type': 'text/calendar; charset=utf-8', 'if-none-match': '*' } });

    const sync = await client.getObjectsBySyncToken(token);
    expect(sync.fullResync).toBe(false);
    const added = sync.added.find((o) => o.uid === uid);
    expect(added?.data).toMatchObject({ title: 'From CalDAV', start: '2025-09-02T08:00:00', timeZone: 'Etc/UTC', duration: 'PT30M' });

    await dav.request(href, { method: 'DELETE' });
    const later = await client.getObjectsBySyncToken(sync.syncToken);
    expect(later.deleted).toContain(added!.id);
  });
});

describe('Cyrus 3.10: sync', () => {
  it('reports 10 changes (created, updated, destroyed) and returns the final state', async () => {
    const client = jmapClient();
    const token = await client.getSyncToken();
    const { ids } = await client.createEvents('Default', Array.from({ length: 6 }, (_, i) => ({ title: `s${i}`, start: '2025-10-01T09:00:00', duration: 'PT1H' })));
    const [a, b, c, d, e, f] = ids as string[];
    await client.patchEvent(a!, { title: 's0 edited' });
    await client.patchEvent(b!, { title: 's1 edited' });
    await client.deleteEvent(c!);
    await client.deleteEvent(d!);
    const res = await client.getObjectsBySyncToken(token);
    // created-then-destroyed (c, d) never existed for the caller; created-then-updated (a, b) are added
    expect(res.added.map((o) => o.id).sort()).toEqual([a, b, e, f].sort());
    expect(res.added.find((o) => o.id === a)?.title).toBe('s0 edited');
    expect(res.deleted).toEqual([]);
    expect(res.syncToken).toBe(await client.getSyncToken());

    await client.patchEvent(e!, { title: 'later' });
    await client.deleteEvent(f!);
    const next = await client.getObjectsBySyncToken(res.syncToken, { maxChanges: 1 });
    expect(next.modified.map((o) => o.id)).toEqual([e]);
    expect(next.deleted).toEqual([f]);
    for (const id of [a, b, e]) await client.deleteEvent(id!);
  });

  it('an unusable token (cannotCalculateChanges) is a flagged full resync', async () => {
    const client = jmapClient();
    const res = await client.getObjectsBySyncToken('not-a-state');
    expect(res.fullResync).toBe(true);
    expect(res.syncToken).toBe(await client.getSyncToken());
  });
});
