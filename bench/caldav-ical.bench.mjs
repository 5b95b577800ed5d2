// @cal/ical's own RFC 5545 parser/serialiser (the hot path of @cal/caldav and @cal/jmap) vs ical.js
// 2.x on 10,000 events (~2 MB): parse, read UID/SUMMARY/DTSTART of every event, serialise back.
// ical.js stays the engine for recurrence expansion (loaded lazily), so this decides only the hot
// path. Median of RUNS interleaved runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { getProperty, parseICalendar, readDateTime, readText, serializeICalendar, toDate } from '@cal/ical';
import ICAL from 'ical.js';

const N = Number(process.env.BENCH_ICAL_EVENTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ev = (i) =>
  [
    'BEGIN:VEVENT',
    `UID:${i}-a8f2c1e0-5b7d-4f7e-9c1a-${String(i).padStart(12, '0')}@example.com`,
    'DTSTAMP:20250101T000000Z',
    `DTSTART;TZID=Europe/Berlin:202503${String((i % 28) + 1).padStart(2, '0')}T090000`,
    `DTEND;TZID=Europe/Berlin:202503${String((i % 28) + 1).padStart(2, '0')}T100000`,
    `SUMMARY:Planning meeting number ${i}\\, team A`,
    'DESCRIPTION:Agenda: review the roadmap\\, assign owners.',
    `LOCATION:Room ${i % 40}`,
    'ATTENDEE;CN="John Smith";PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:mailto:john@example.com',
    'END:VEVENT',
  ].join('\r\n');
const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n${Array.from({ length: N }, (_, i) => ev(i)).join('\r\n')}\r\nEND:VCALENDAR\r\n`;

const variants = {
  '@cal/ical parse + read': () => {
    const cal = parseICalendar(text);
    let n = 0;
    for (const c of cal.components) if (c.name === 'VEVENT' && getProperty(c, 'UID') && readText(getProperty(c, 'SUMMARY')) && toDate(readDateTime(getProperty(c, 'DTSTART')))) n++;
    return n;
  },
  'ical.js 2.x parse + read': () => {
    const cal = new ICAL.Component(ICAL.parse(text));
    let n = 0;
    for (const c of cal.getAllSubcomponents('vevent')) if (c.getFirstPropertyValue('uid') && c.getFirstPropertyValue('summary') && c.getFirstPropertyValue('dtstart')) n++;
    return n;
  },
  '@cal/ical parse only': () => parseICalendar(text).components.length,
  'ical.js 2.x parse only (ICAL.parse → jCal)': () => ICAL.parse(text)[2].length,
  '@cal/ical serialise': () => serializeICalendar(parseCache.ours).length > 0 && N,
  'ical.js 2.x serialise': () => parseCache.theirs.toString().length > 0 && N,
};
const parseCache = { ours: parseICalendar(text), theirs: new ICAL.Component(ICAL.parse(text)) };
const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let r = 0; r < RUNS + 1; r++)
  for (const [k, fn] of Object.entries(variants)) {
    globalThis.gc?.();
    const t = performance.now();
    const n = fn();
    if (r > 0) times[k].push(performance.now() - t);
    if (n !== N) throw new Error(`${k}: ${n}`);
  }
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const res = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, med(v)]));
console.log(`\n## iCalendar: ${N} events (${(text.length / 1e6).toFixed(1)} MB), median of ${RUNS}\n`);
console.log('| variant | ms | ratio |\n|---|---|---|');
const pairs = [['@cal/ical parse + read', 'ical.js 2.x parse + read'], ['@cal/ical parse only', 'ical.js 2.x parse only (ICAL.parse → jCal)'], ['@cal/ical serialise', 'ical.js 2.x serialise']];
for (const [a, b] of pairs) {
  console.log(`| ${a} | ${res[a].toFixed(1)} | 1.00x |`);
  console.log(`| ${b} | ${res[b].toFixed(1)} | ${(res[b] / res[a]).toFixed(2)}x |`);
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/caldav-ical.json', import.meta.url), JSON.stringify({ events: N, bytes: text.length, runs: RUNS, medianMs: res }, null, 2));
