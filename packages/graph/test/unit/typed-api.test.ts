import { describe, expect, it } from 'vitest';
import { AuthenticationError, ProtocolError, RateLimitError, ValidationError } from '@cal/core';
import {
  BATCH_LIMIT,
  calendarView,
  createGraphApi,
  decodeAvailabilityView,
  getEvent,
  listCalendarView,
  parseGraphError,
  recurrence,
  syncCalendarView,
  toWindowsZone,
  isWindowsZone,
  changedFields,
  utcDateTime,
  parseGraphDateTime,
} from '@cal/graph';
import { splitBatches } from '../../src/api/batch.js';
import { fakeFetch, json } from './fake-fetch.js';

const api = (handler?: Parameters<typeof fakeFetch>[0], o: { user?: string } = {}) => {
  const f = fakeFetch(handler);
  return { api: createGraphApi({ accessToken: 'tok-secret', fetch: f.fetch, ...o }), ...f };
};

describe('typed API wiring (openapi-fetch on core)', () => {
  it('OData arrays are comma lists; `me` maps to /me; users and ids are percent-encoded', async () => {
    const a = api(() => json({ value: [] }));
    await listCalendarView(a.api, { start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z', select: ['subject', 'start'], orderBy: ['start/dateTime', 'subject desc'] });
    const u = new URL(a.calls[0]!.url);
    expect(u.pathname).toBe('/v1.0/me/calendarView');
    expect(u.searchParams.get('$select')).toBe('subject,start');
    expect(u.searchParams.get('$orderby')).toBe('start/dateTime,subject desc');
    expect(u.searchParams.get('startDateTime')).toBe('2026-01-01T00:00:00.000Z');
    expect(a.calls[0]!.headers['authorization']).toBe('Bearer tok-secret');
    const b = api(() => json({ id: 'x' }), { user: 'adele@contoso.example' });
    await getEvent(b.api, 'AAMk/x+y=');
    expect(new URL(b.calls[0]!.url).pathname).toBe('/v1.0/users/adele%40contoso.example/events/AAMk%2Fx%2By%3D');
  });

  it('validation happens before any request', async () => {
    const a = api();
    await expect(listCalendarView(a.api, { start: '2026-01-02', end: '2026-01-01' })).rejects.toBeInstanceOf(ValidationError);
    await expect(getEvent(a.api, '')).rejects.toBeInstanceOf(ValidationError);
    expect(() => syncCalendarView(a.api, { start: 'x', end: 'y' })).toThrow(ValidationError);
    expect(a.calls).toHaveLength(0);
  });

  it('nextLinks are followed verbatim with the same Prefer; foreign origins → ProtocolError; repeats → ProtocolError', async () => {
    const next = 'https://graph.microsoft.com/v1.0/me/calendarView?startDateTime=a&endDateTime=b&$skip=1';
    const a = api((_r, n) => json(n === 1 ? { value: [{ id: '1' }], '@odata.nextLink': next } : { value: [{ id: '2' }] }));
    const ids = [];
    for await (const ev of calendarView(a.api, { start: 0, end: 1000, pageSize: 1, timeZone: 'UTC' })) ids.push(ev.id);
    expect(ids).toEqual(['1', '2']);
    expect(a.calls[1]!.url).toBe(next);
    expect(a.calls[1]!.headers['prefer']).toBe('outlook.timezone="UTC", odata.maxpagesize=1');
    const evil = api(() => json({ value: [], '@odata.nextLink': 'https://graph.microsoft.com.evil.example/v1.0/x' }));
    await expect(listCalendarView(evil.api, { start: 0, end: 1 })).rejects.toBeInstanceOf(ProtocolError);
    expect(evil.calls).toHaveLength(1);
    const loop = api(() => json({ value: [], '@odata.nextLink': next }));
    await expect(listCalendarView(loop.api, { start: 0, end: 1 })).rejects.toBeInstanceOf(ProtocolError);
  });

  it('Graph errors keep their code; 401 → AuthenticationError; 429 → RateLimitError; token never in the error', async () => {
    const a = api((_r, n) =>
      n === 1
        ? json({ error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired.', innerError: { 'request-id': 'r1' } } }, 401)
        : json({ error: { code: 'ApplicationThrottled', message: 'slow down' } }, 429, { 'retry-after': '120' }),
    );
    const e1 = (await getEvent(a.api, 'x').catch((e: unknown) => e)) as AuthenticationError;
    expect(e1).toBeInstanceOf(AuthenticationError);
    expect(e1.providerCode).toBe('InvalidAuthenticationToken');
    expect(JSON.stringify({ ...e1, m: e1.message })).not.toContain('tok-secret');
    const e2 = (await getEvent(a.api, 'x').catch((e: unknown) => e)) as RateLimitError;
    expect(e2).toBeInstanceOf(RateLimitError);
    expect(e2.retryAfter).toBe(120);
  });

  it('delta: a 410 on the stored deltaLink restarts from the window, flagged', async () => {
    const deltaLink = 'https://graph.microsoft.com/v1.0/me/calendarView/delta()?$deltatoken=old';
    const a = api((r) =>
      r.url === deltaLink
        ? json({ error: { code: 'syncStateNotFound', message: 'gone' } }, 410)
        : json({ value: [{ id: '1', subject: 's' }, { id: '2', '@removed': { reason: 'deleted' } }], '@odata.deltaLink': 'https://graph.microsoft.com/v1.0/me/calendarView/delta()?$deltatoken=new' }),
    );
    const res = await syncCalendarView(a.api, { start: 0, end: 1000, deltaLink }).result();
    expect(res).toMatchObject({ fullResync: true, deltaLink: expect.stringContaining('new') });
    expect(res.changed.map((e) => e.id)).toEqual(['1']);
    expect(res.removed.map((e) => e.id)).toEqual(['2']);
    expect(new URL(a.calls[1]!.url).pathname).toBe('/v1.0/me/calendarView/delta()');
    const bad = api(() => json({ value: [] }));
    await expect(syncCalendarView(bad.api, { start: 0, end: 1 }).result()).rejects.toBeInstanceOf(ProtocolError);
  });
});

describe('helpers', () => {
  it('parseGraphError: Graph body, identity-platform body, anything else', () => {
    const r = new Response();
    expect(parseGraphError(r, { error: { code: 'ErrorInvalidParameter', message: 'bad', details: [{ code: 'c', message: 'm', target: 'start' }] } })).toEqual({
      message: 'ErrorInvalidParameter: bad',
      providerCode: 'ErrorInvalidParameter',
      details: [{ field: 'start', key: 'c', description: 'm' }],
    });
    expect(parseGraphError(r, { error: 'invalid_grant', error_description: 'AADSTS70008: expired\r\nTrace ID: x' })).toEqual({ message: 'invalid_grant: AADSTS70008: expired', providerCode: 'invalid_grant' });
    expect(parseGraphError(r, 'oops')).toBeUndefined();
  });

  it('recurrence builder: all pattern types and validation', () => {
    expect(recurrence().daily(2).from('2026-01-01').until('2026-02-01').build()).toEqual({ pattern: { type: 'daily', interval: 2 }, range: { type: 'endDate', startDate: '2026-01-01', endDate: '2026-02-01' } });
    expect(recurrence().relativeMonthly(['friday'], 'last').from('2026-01-30').count(3).timeZone('UTC').build().range).toEqual({ type: 'numbered', startDate: '2026-01-30', numberOfOccurrences: 3, recurrenceTimeZone: 'UTC' });
    expect(recurrence().absoluteYearly(2, 29).from('2028-02-29').noEnd().build().pattern).toEqual({ type: 'absoluteYearly', interval: 1, month: 2, dayOfMonth: 29 });
    expect(recurrence().relativeYearly(11, ['thursday'], 'fourth').from('2026-11-26').build().pattern?.type).toBe('relativeYearly');
    expect(recurrence().absoluteMonthly(15).from('2026-01-15').build().pattern?.dayOfMonth).toBe(15);
    const err = (() => { try { recurrence().absoluteMonthly(32).from('2026-01-01').until('2025-01-01').build(); } catch (e) { return e as ValidationError; } })()!;
    expect(err.details.map((d) => d.field).sort()).toEqual(['pattern.dayOfMonth', 'range.endDate']);
    expect(() => recurrence().from('2026-01-01').build()).toThrow(ValidationError);
  });

  it('time zones: IANA → Windows, Windows passes through, unknown unchanged', () => {
    expect(toWindowsZone('Europe/Berlin')).toBe('W. Europe Standard Time');
    expect(toWindowsZone('America/New_York')).toBe('Eastern Standard Time');
    expect(toWindowsZone('Pacific Standard Time')).toBe('Pacific Standard Time');
    expect(toWindowsZone('Mars/Olympus')).toBe('Mars/Olympus');
    expect(isWindowsZone('Tokyo Standard Time')).toBe(true);
    expect(utcDateTime('2026-01-05T08:00:00+01:00')).toEqual({ dateTime: '2026-01-05T07:00:00.0000000', timeZone: 'UTC' });
    expect(parseGraphDateTime({ dateTime: '2026-01-05T07:00:00.0000000', timeZone: 'UTC' }).toISOString()).toBe('2026-01-05T07:00:00.000Z');
  });

  it('availabilityView decoding', () => {
    expect(decodeAvailabilityView('012349')).toEqual(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']);
  });

  it('changedFields: only top-level fields that differ', () => {
    const a = { id: '1', subject: 'a', body: { content: 'x' }, changeKey: 'k1' };
    expect(changedFields(a, { ...a, changeKey: 'k2', body: { content: 'y' } })).toEqual({ body: { content: 'y' } });
  });

  it('splitBatches: ≤ 20 per batch, dependsOn chains kept together, oversize chains refused', () => {
    const reqs = Array.from({ length: 41 }, (_, i) => ({ id: `r${i}`, method: 'GET' as const, url: '/me', ...(i > 15 && i < 25 ? { dependsOn: [`r${i - 1}`] } : {}) }));
    const out = splitBatches(reqs);
    expect(out.every((b) => b.length <= BATCH_LIMIT)).toBe(true);
    expect(out.flat()).toHaveLength(41);
    const holder = out.find((b) => b.some((r) => r.id === 'r15'))!;
    for (let i = 15; i < 25; i++) expect(holder.map((r) => r.id)).toContain(`r${i}`);
    const chain = Array.from({ length: 21 }, (_, i) => ({ id: `c${i}`, method: 'GET' as const, url: '/me', ...(i ? { dependsOn: [`c${i - 1}`] } : {}) }));
    expect(() => splitBatches(chain)).toThrow(ValidationError);
  });
});
