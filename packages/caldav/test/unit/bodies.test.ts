import { expect, it } from 'vitest';
import { parseXml } from '@cal/core/xml';
import { calendarQuery, multiget, propfind, CALENDAR_PROPS, syncCollection } from '../../src/dav/bodies.js';

// Request bodies are template strings (src/dav/bodies.ts): every interpolated value must be escaped,
// and each body must be well-formed XML in the right namespaces.
it('escapes tokens, hrefs and text-match values and stays well-formed', () => {
  const sync = parseXml(syncCollection('http://x/sync?a=1&b=<2>"'));
  expect(sync.ns).toBe('DAV:');
  expect(sync.local).toBe('sync-collection');
  expect(sync.children.find((c) => c.local === 'sync-token')?.text).toBe('http://x/sync?a=1&b=<2>"');
  const mg = parseXml(multiget(['http://x/cal/a%20b&c.ics']));
  expect(mg.ns).toBe('urn:ietf:params:xml:ns:caldav');
  expect(mg.children.find((c) => c.local === 'href')?.text).toBe('/cal/a%20b&c.ics');
  const q = calendarQuery({ component: 'VEVENT', textMatch: { prop: 'UID', text: 'a&<b>"c' }, start: new Date('2025-01-01T00:00:00Z') });
  expect(q).toContain('<c:time-range start="20250101T000000Z"/>');
  expect(JSON.stringify(parseXml(q))).toContain('a&<b>\\"c');
  const pf = parseXml(propfind(CALENDAR_PROPS));
  expect(pf.children[0]!.children.map((c) => `{${c.ns}}${c.local}`)).toContain('{http://apple.com/ns/ical/}calendar-color');
});
