/**
 * Wire-format checks of the Graph simulator with raw fetch (no @cal/graph code involved), against the
 * documented behaviour in reference/graph.md §2 — so the client suites test against Graph's format,
 * not against the client's own assumptions.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startGraphSimulator, type GraphSimulator } from '@cal/testkit/graph';

const sim: GraphSimulator = await startGraphSimulator();
afterAll(() => sim.close());
let auth: Record<string, string>;
beforeEach(() => {
  sim.reset();
  auth = { authorization: `Bearer ${sim.issueToken('user-1').accessToken}`, 'content-type': 'application/json' };
});
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${sim.baseUrl}${path}`, { headers: { ...auth, ...headers } });
const WINDOW = 'startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-02-01T00:00:00Z';

describe('Graph simulator wire format', () => {
  it('errors use { error: { code, message, innerError } }; 401 carries WWW-Authenticate', async () => {
    const res = await fetch(`${sim.baseUrl}/me/events`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    const body = await res.json();
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.innerError['request-id']).toBeTruthy();
    const nf = await (await get('/me/events/nope')).json();
    expect(nf.error).toMatchObject({ code: 'ErrorItemNotFound', message: expect.any(String) });
  });

  it('calendarView requires the window (400 ErrorInvalidParameter), pages with $skip nextLinks, honours odata.maxpagesize', async () => {
    expect((await (await get('/me/calendarView')).json()).error.code).toBe('ErrorInvalidParameter');
    sim.seedEvents('user-1', 12);
    const res = await get(`/me/calendarView?${WINDOW}`, { prefer: 'odata.maxpagesize=5' });
    expect(res.headers.get('preference-applied')).toBe('odata.maxpagesize=5');
    const body = await res.json();
    expect(body.value).toHaveLength(5);
    expect(new URL(body['@odata.nextLink']).searchParams.get('$skip')).toBe('5');
    const def = await (await get(`/me/calendarView?${WINDOW}`)).json();
    expect(def.value).toHaveLength(10); // Outlook's default page size
  });

  it('identity: tenant in the path, refresh rotation, reuse of a rotated refresh token → invalid_grant', async () => {
    const { refreshToken } = sim.issueToken('user-1');
    const form = (rt: string) => new URLSearchParams({ grant_type: 'refresh_token', refresh_token: rt, client_id: 'graph-app', client_secret: 'graph-secret' });
    const first = await fetch(sim.tokenUrl('contoso.example'), { method: 'POST', body: form(refreshToken) });
    const tokens = await first.json();
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600 });
    expect(tokens.refresh_token).not.toBe(refreshToken);
    const reuse = await fetch(sim.tokenUrl('contoso.example'), { method: 'POST', body: form(refreshToken) });
    expect(reuse.status).toBe(400);
    expect((await reuse.json()).error).toBe('invalid_grant');
  });

  it('$batch: > 20 requests → 400; duplicate ids → 400; inner 429 with its own Retry-After; 424 for failed dependencies', async () => {
    const post = (requests: unknown[]) => fetch(`${sim.baseUrl}/$batch`, { method: 'POST', headers: auth, body: JSON.stringify({ requests }) });
    expect((await post(Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })))).status).toBe(400);
    expect((await post([{ id: 'a', method: 'GET', url: '/me' }, { id: 'A', method: 'GET', url: '/me' }])).status).toBe(400);
    sim.throttleInBatch({ times: 1, retryAfter: 3 });
    const res = await (await post([{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] }])).json();
    expect(res.responses[0]).toMatchObject({ id: '1', status: 429, headers: { 'retry-after': '3' } });
    expect(res.responses[1]).toMatchObject({ id: '2', status: 424 });
  });

  it('delta: @removed items, deltaLink with $deltatoken, 410 syncStateNotFound with Location once evicted', async () => {
    const ev = sim.addEvent('user-1', { subject: 'x', start: { dateTime: '2026-01-05T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-01-05T11:00:00', timeZone: 'UTC' } });
    const first = await (await get(`/me/calendarView/delta()?${WINDOW}`)).json();
    expect(first.value).toHaveLength(1);
    const link = first['@odata.deltaLink'];
    expect(new URL(link).searchParams.get('$deltatoken')).toBeTruthy();
    sim.removeEvent('user-1', ev.data.id);
    const second = await (await fetch(link, { headers: auth })).json();
    expect(second.value).toEqual([{ '@odata.type': '#microsoft.graph.event', id: ev.data.id, '@removed': { reason: 'deleted' } }]);
    sim.expireDeltaTokens();
    const gone = await fetch(second['@odata.deltaLink'], { headers: auth });
    expect(gone.status).toBe(410);
    expect(gone.headers.get('location')).toContain('/calendarView/delta()');
    expect((await gone.json()).error.code).toBe('syncStateNotFound');
  });

  it('upload session: out-of-order range → 416; POST of a > 3 MB file attachment → 413', async () => {
    const ev = sim.addEvent('user-1', { subject: 'f', start: { dateTime: '2026-01-05T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-01-05T11:00:00', timeZone: 'UTC' } });
    const base = `${sim.baseUrl}/me/events/${encodeURIComponent(ev.data.id)}/attachments`;
    const s = await (await fetch(`${base}/createUploadSession`, { method: 'POST', headers: auth, body: JSON.stringify({ AttachmentItem: { attachmentType: 'file', name: 'a', size: 10 } }) })).json();
    const put = await fetch(s.uploadUrl, { method: 'PUT', headers: { 'content-range': 'bytes 5-9/10' }, body: '12345' });
    expect(put.status).toBe(416);
    const big = btoa('x'.repeat(3 * 1024 * 1024 + 1));
    const post = await fetch(base, { method: 'POST', headers: auth, body: JSON.stringify({ '@odata.type': '#microsoft.graph.fileAttachment', name: 'big', contentBytes: big }) });
    expect(post.status).toBe(413);
  });

  it('findMeetingTimes fails with an IANA zone in Prefer (Q&A 1324397); Windows zone works', async () => {
    const body = JSON.stringify({ timeConstraint: { timeSlots: [{ start: { dateTime: '2026-01-05T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-01-05T12:00:00', timeZone: 'UTC' } }] }, meetingDuration: 'PT1H' });
    const iana = await fetch(`${sim.baseUrl}/me/findMeetingTimes`, { method: 'POST', headers: { ...auth, prefer: 'outlook.timezone="Europe/Berlin"' }, body });
    expect(iana.status).toBe(500);
    const win = await fetch(`${sim.baseUrl}/me/findMeetingTimes`, { method: 'POST', headers: { ...auth, prefer: 'outlook.timezone="W. Europe Standard Time"' }, body });
    expect(win.status).toBe(200);
  });
});
