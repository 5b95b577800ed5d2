import { describe, expect, it, vi } from 'vitest';
import { NetworkError, ValidationError } from '@cal/core';
import { JMAPCalendarObject, createJMAPClient } from '@cal/jmap';
import { lazy } from '../../src/lazy.js';
import { ORIGIN, fakeServer } from './fake-fetch.js';

// The iCalendar converters and the rarely used methods load through import() on first use
// (bench/size/jmap.mjs budget). These tests pin what callers see of that: the same results, typed
// errors, no request for bad input.

const ICS = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:lazy-1', 'DTSTAMP:20250101T000000Z',
  'DTSTART;TZID=Europe/Oslo:20300101T120000', 'DURATION:PT1H', 'SUMMARY:From text', 'END:VEVENT', 'END:VCALENDAR', '',
].join('\r\n');

const reply = (body: any, name: string, args: unknown) => ({ methodResponses: [[name, args, body.methodCalls[0][2]]], sessionState: 's1' });

describe('lazy()', () => {
  it('loads once and shares the promise', async () => {
    const load = vi.fn(async () => ({ v: 1 }));
    const get = lazy(load);
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    await get();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a failed load is a NetworkError and the next call tries again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValueOnce({ v: 2 });
    const get = lazy(load as () => Promise<{ v: number }>);
    const err = await get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ provider: 'jmap' });
    await expect(get()).resolves.toEqual({ v: 2 });
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('iCalendar paths load the converter on first use', () => {
  it('createEvent with VCALENDAR text sends the converted JSCalendar event', async () => {
    const srv = fakeServer((b) => reply(b, 'CalendarEvent/set', { accountId: 'a1', newState: '2', created: { 'new-0': { id: 'E-lazy-1' } } }));
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, username: 'u', password: 'pw', fetch: srv.fetch });
    await expect(client.createEvent('c1', ICS)).resolves.toBe('E-lazy-1');
    const sent = srv.posts()[0]!.body.methodCalls[0][1].create['new-0'];
    expect(sent).toMatchObject({ uid: 'lazy-1', title: 'From text', start: '2030-01-01T12:00:00', timeZone: 'Europe/Oslo', duration: 'PT1H', calendarIds: { c1: true } });
  });

  it('toICal() resolves to VCALENDAR text', async () => {
    const ev = new JMAPCalendarObject({ id: 'E-1', uid: 'u-1', title: 'Lunch', start: '2030-01-01T12:00:00', timeZone: 'Europe/Oslo', duration: 'PT1H' });
    const text = await ev.toICal();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('SUMMARY:Lunch');
    expect(text).toContain('DTSTART;TZID=Europe/Oslo:20300101T120000');
  });

  it('a forgotten await (a Promise as the event) is a ValidationError and nothing is sent', async () => {
    const srv = fakeServer(() => ({ methodResponses: [], sessionState: 's1' }));
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, username: 'u', password: 'pw', fetch: srv.fetch });
    const ev = new JMAPCalendarObject({ id: 'E-1', title: 'x', start: '2030-01-01T12:00:00' });
    await expect(client.createEvent('c1', ev.toICal() as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(client.updateEvent('E-1', ev.toICal() as never)).rejects.toBeInstanceOf(ValidationError);
    expect(srv.posts()).toHaveLength(0);
  });
});
