import { describe, expect, it } from 'vitest';
import { AuthenticationError, ConflictError, NotFoundError, ProtocolError, ServerError, ValidationError } from '@cal/core';
import { CalDAVClient, basic, digest, parseMultistatus } from '@cal/caldav';
import { ICS, ms, scripted } from './fake-fetch.js';

const BASE = 'http://127.0.0.1:5232/';
const CAL = `${BASE}test/cal/`;

function calendarResponse(): Response {
  return ms(`<d:response><d:href>/test/cal/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype><d:displayname>Cal</d:displayname></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`);
}

async function calendarWith(handler: Parameters<typeof scripted>[0]) {
  const s = scripted(async (req, body) => (req.method === 'PROPFIND' && req.headers.get('depth') === '0' && new URL(req.url).pathname === '/test/cal/' && body.includes('displayname') ? calendarResponse() : handler(req, body)));
  const client = new CalDAVClient({ url: BASE, auth: basic('test', 'pw'), fetch: s.fetch, retry: false });
  return { cal: await client.calendar(CAL), s };
}

describe('discovery', () => {
  it('sends credentials up front and follows current-user-principal → calendar-home-set', async () => {
    const s = scripted((req, body) => {
      expect(req.headers.get('authorization')).toBe(`Basic ${btoa('test:pw')}`);
      if (body.includes('current-user-principal'))
        return ms(`<d:response><d:href>/</d:href><d:propstat><d:prop><d:current-user-principal><d:href>/principals/test/</d:href></d:current-user-principal></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`);
      return ms(`<d:response><d:href>/principals/test/</d:href><d:propstat><d:prop><c:calendar-home-set><d:href>http://127.0.0.1:5232/home/test/</d:href></c:calendar-home-set></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`);
    });
    const p = await new CalDAVClient({ url: BASE, auth: basic('test', 'pw'), fetch: s.fetch }).principal();
    expect(p.url).toBe(`${BASE}principals/test/`);
    expect(p.calendarHomeUrl).toBe(`${BASE}home/test/`);
    expect(s.calls).toHaveLength(2);
  });

  it('turns Cyrus-style 207 <unauthenticated/> into AuthenticationError', async () => {
    const s = scripted(() => ms(`<d:response><d:href>/dav/</d:href><d:propstat><d:prop><d:current-user-principal><d:unauthenticated/></d:current-user-principal></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`));
    await expect(new CalDAVClient({ url: `${BASE}dav/`, fetch: s.fetch }).principal()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('maps HTML and garbage answers to ProtocolError', async () => {
    for (const body of ['<html><body>Proxy error</body></html>', 'garbage{{', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>']) {
      const s = scripted(() => new Response(body, { status: 207, headers: { 'content-type': 'text/html' } }));
      const client = new CalDAVClient({ url: BASE, auth: basic('u', 'p'), fetch: s.fetch });
      await expect(client.calendar(CAL)).rejects.toBeInstanceOf(ProtocolError);
    }
  });

  it('rejects bad constructor input', () => {
    expect(() => new CalDAVClient({ url: 'not a url' })).toThrow(ValidationError);
    expect(() => new CalDAVClient({ url: 'ftp://x/' })).toThrow(ValidationError);
    expect(() => new CalDAVClient({ url: BASE, timeout: -1 })).toThrow(ValidationError);
  });
});

describe('writes and conflicts', () => {
  it('creates with If-None-Match: * and accepts 201 without ETag by asking HEAD', async () => {
    const { cal, s } = await calendarWith((req) => (req.method === 'PUT' ? new Response(null, { status: 201 }) : new Response(null, { status: 200, headers: { etag: '"e1"' } })));
    const obj = await cal.createEvent(ICS('u1'));
    const put = s.calls.find((c) => c.method === 'PUT')!;
    expect(put.headers.get('if-none-match')).toBe('*');
    expect(put.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(put.url).toBe(`${CAL}u1.ics`);
    expect(obj.etag).toBe('"e1"');
  });

  it('uses a safe resource name for unusual UIDs', async () => {
    const { cal, s } = await calendarWith(() => new Response(null, { status: 201, headers: { etag: '"e"' } }));
    await cal.createEvent(ICS('a/b?c'));
    expect(new URL(s.calls.find((c) => c.method === 'PUT')!.url).pathname).toMatch(/^\/test\/cal\/[0-9a-f-]{36}\.ics$/);
  });

  const conflicts: [string, () => Response][] = [
    ['412', () => new Response('', { status: 412 })],
    ['409 no-uid-conflict (Radicale)', () => new Response('<?xml version="1.0"?><D:error xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><C:no-uid-conflict/></D:error>', { status: 409 })],
    ['403 no-uid-conflict (Cyrus)', () => new Response('<?xml version="1.0"?><D:error xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><C:no-uid-conflict><D:href>/x.ics</D:href></C:no-uid-conflict></D:error>', { status: 403 })],
    ['207 wrapping 412 (Xandikos)', () => ms('<d:response><d:href>http%3A//127.0.0.1%3A5232/test/cal/u1.ics</d:href><d:status>HTTP/1.1 412 Precondition Failed</d:status><d:error><c:no-uid-conflict/></d:error></d:response>')],
  ];
  for (const [name, res] of conflicts) {
    it(`maps ${name} on PUT to ConflictError`, async () => {
      const { cal } = await calendarWith(res);
      await expect(cal.createEvent(ICS('u1'))).rejects.toBeInstanceOf(ConflictError);
    });
  }

  it('a plain 403 (no precondition) stays an AuthenticationError', async () => {
    const { cal } = await calendarWith(() => new Response('forbidden', { status: 403 }));
    await expect(cal.createEvent(ICS('u1'))).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('saves with If-Match and accepts 201 (Radicale) and 204', async () => {
    let n = 0;
    const { cal, s } = await calendarWith((req) => {
      if (req.method === 'GET') return new Response(ICS('u1'), { status: 200, headers: { etag: '"v1"', 'content-type': 'text/calendar' } });
      return new Response(null, { status: ++n === 1 ? 201 : 204, headers: { etag: `"v${n + 1}"` } });
    });
    const obj = await cal.object('u1.ics');
    obj.data = ICS('u1', 'changed');
    await obj.save();
    expect(s.calls.at(-1)!.headers.get('if-match')).toBe('"v1"');
    expect(obj.etag).toBe('"v2"');
    await obj.save();
    expect(obj.etag).toBe('"v3"');
    expect(s.calls.at(-1)!.headers.get('if-match')).toBe('"v2"');
  });

  it('answers an invitation with If-Schedule-Tag-Match when the server sent a Schedule-Tag', async () => {
    const invite = ICS('u1').replace('SUMMARY:x', 'SUMMARY:x\r\nORGANIZER:mailto:boss@example.com\r\nATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:me@example.com');
    const { cal, s } = await calendarWith((req) =>
      req.method === 'GET'
        ? new Response(invite, { status: 200, headers: { etag: '"v1"', 'schedule-tag': '"s1"', 'content-type': 'text/calendar' } })
        : new Response(null, { status: 204, headers: { etag: '"v2"', 'schedule-tag': '"s1"' } }),
    );
    const obj = await cal.object('u1.ics');
    await obj.accept({ as: 'me@example.com' });
    const put = s.calls.at(-1)!;
    expect(put.headers.get('if-schedule-tag-match')).toBe('"s1"');
    expect(put.headers.get('if-match')).toBeNull();
    expect(put.body).toContain('ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com');
    obj.data = obj.data.replace('SUMMARY:x', 'SUMMARY:y');
    await obj.save();
    expect(s.calls.at(-1)!.headers.get('if-match')).toBe('"v2"');
  });

  it('deletes with If-Match; 412 → ConflictError, 404 → NotFoundError', async () => {
    const statuses = [412, 404, 200];
    const { cal, s } = await calendarWith((req) =>
      req.method === 'GET' ? new Response(ICS('u1'), { status: 200, headers: { etag: '"v1"', 'content-type': 'text/calendar' } }) : new Response(null, { status: statuses.shift()! }),
    );
    const obj = await cal.object('u1.ics');
    await expect(obj.delete()).rejects.toBeInstanceOf(ConflictError);
    await expect(obj.delete()).rejects.toBeInstanceOf(NotFoundError);
    await obj.delete();
    expect(s.calls.at(-1)!.headers.get('if-match')).toBe('"v1"');
  });

  it('rejects invalid iCalendar and end-before-start before any request', async () => {
    const { cal, s } = await calendarWith(() => new Response(null, { status: 500 }));
    const before = s.calls.length;
    await expect(cal.createEvent('BEGIN:VCALENDAR\r\nEND:VEVENT\r\n')).rejects.toBeInstanceOf(ValidationError);
    await expect(cal.createEvent(ICS('u1').replace('DTEND:20250310T100000Z', 'DTEND:20250310T080000Z'))).rejects.toBeInstanceOf(ValidationError);
    await expect(cal.createEvent(ICS('u1').replace('UID:u1\r\n', ''))).rejects.toBeInstanceOf(ValidationError);
    await expect(cal.createTodo(ICS('u1'))).rejects.toBeInstanceOf(ValidationError);
    await expect(cal.createEvent({ summary: 'x', start: new Date('2025-01-02T00:00:00Z'), end: new Date('2025-01-01T00:00:00Z') })).rejects.toBeInstanceOf(ValidationError);
    await expect(cal.events({ start: 'yesterday', end: '2025-01-01' })).rejects.toBeInstanceOf(ValidationError);
    await expect(cal.objectByUid('')).rejects.toBeInstanceOf(ValidationError);
    await expect(cal.update({})).rejects.toBeInstanceOf(ValidationError);
    expect(s.calls.length).toBe(before);
  });

  it('server calendar-data that is not iCalendar is a ProtocolError on access', async () => {
    const { cal } = await calendarWith(() => ms('<d:response><d:href>/test/cal/a.ics</d:href><d:propstat><d:prop><d:getetag>"1"</d:getetag><c:calendar-data>&lt;html&gt;</c:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>'));
    const [obj] = await cal.events({ start: '2025-01-01T00:00:00Z', end: '2025-02-01T00:00:00Z' });
    expect(() => obj!.component).toThrow(ProtocolError);
  });
});

describe('sync-collection', () => {
  const syncBody = (token: string, inner: string) => ms(`${inner}<d:sync-token>${token}</d:sync-token>`);
  const member = (name: string, status = 200) =>
    status === 404
      ? `<d:response><d:href>/test/cal/${name}</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>`
      : `<d:response><d:href>/test/cal/${name}</d:href><d:propstat><d:prop><d:getetag>"${name}"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;
  const multiget = (body: string) => {
    const hrefs = [...body.matchAll(/<d:href>([^<]+)<\/d:href>/g)].map((m) => m[1]!);
    return ms(hrefs.map((h) => `<d:response><d:href>${h}</d:href><d:propstat><d:prop><d:getetag>"x"</d:getetag><c:calendar-data>${ICS(h.split('/').pop()!)}</c:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`).join(''));
  };

  it('continues a 507-truncated answer, reports deletions, then multigets in batches', async () => {
    const { cal, s } = await calendarWith((req, body) => {
      if (body.includes('sync-collection')) {
        if (body.includes('<d:sync-token>t1</d:sync-token>'))
          return syncBody('t2', `${member('a.ics')}${member('gone.ics', 404)}<d:response><d:href>/test/cal/</d:href><d:status>HTTP/1.1 507 Insufficient Storage</d:status></d:response>`);
        if (body.includes('<d:sync-token>t2</d:sync-token>')) return syncBody('t3', `${member('b%20c.ics')}${member('c.ics')}`);
      }
      if (body.includes('calendar-multiget')) return multiget(body);
      return new Response('unexpected', { status: 500 });
    });
    const res = await cal.changesSince('t1', { batchSize: 2 });
    expect(res.syncToken).toBe('t3');
    expect(res.fullResync).toBe(false);
    expect(res.deleted).toEqual([`${CAL}gone.ics`]);
    expect(res.changed.map((o) => o.url).sort()).toEqual([`${CAL}a.ics`, `${CAL}b%20c.ics`, `${CAL}c.ics`]);
    expect(res.requests).toBe(4);
    const syncCall = s.calls.find((c) => c.body.includes('sync-collection'))!;
    expect(syncCall.headers.get('depth')).toBe('0');
    expect(cal.lastSyncToken).toBe('t3');
  });

  for (const [name, status, body] of [
    ['403 valid-sync-token (Radicale, Cyrus)', 403, '<D:error xmlns:D="DAV:"><D:valid-sync-token/></D:error>'],
    ['500 (Xandikos)', 500, 'Internal Server Error'],
  ] as const) {
    it(`falls back to a full listing on ${name}`, async () => {
      const { cal } = await calendarWith((req, b) => {
        if (b.includes('sync-collection')) return b.includes('<d:sync-token>bad</d:sync-token>') ? new Response(body, { status }) : syncBody('fresh', member('a.ics'));
        if (b.includes('calendar-multiget')) return multiget(b);
        return new Response('', { status: 500 });
      });
      const res = await cal.changesSince('bad');
      expect(res.fullResync).toBe(true);
      expect(res.syncToken).toBe('fresh');
      expect(res.changed).toHaveLength(1);
    });
  }

  it('a 500 on the initial listing is a ServerError, not a silent empty result', async () => {
    const { cal } = await calendarWith(() => new Response('boom', { status: 500 }));
    await expect(cal.changesSince()).rejects.toBeInstanceOf(ServerError);
  });

  it('no sync-token property → typed unsupported error', async () => {
    const { cal } = await calendarWith(() => ms('<d:response><d:href>/test/cal/</d:href><d:propstat><d:prop><d:sync-token/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response>'));
    await expect(cal.syncToken()).rejects.toMatchObject({ code: 'CAL_CALDAV_UNSUPPORTED' });
  });

  it('server free-busy without VFREEBUSY support is a typed error (Radicale answers 207)', async () => {
    const { cal } = await calendarWith(() => ms(member('a.ics')));
    await expect(cal.freeBusy({ start: '2025-01-01T00:00:00Z', end: '2025-01-02T00:00:00Z', source: 'server' })).rejects.toMatchObject({ code: 'CAL_CALDAV_UNSUPPORTED' });
  });
});

describe('multistatus parsing', () => {
  it('resolves relative, absolute and URL-encoded absolute hrefs', () => {
    const body = `<D:multistatus xmlns:D="DAV:"><D:response><D:href>rel.ics</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response><D:response><D:href>http://127.0.0.1:5232/test/cal/abs.ics</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response><D:response><D:href>http%3A//127.0.0.1%3A5232/test/cal/enc.ics</D:href><D:status>HTTP/1.0 412 Precondition Failed</D:status></D:response></D:multistatus>`;
    const res = parseMultistatus(body, CAL, {});
    expect(res.responses.map((r) => [r.href, r.status])).toEqual([
      [`${CAL}rel.ics`, 200],
      [`${CAL}abs.ics`, 404],
      [`${CAL}enc.ics`, 412],
    ]);
  });
  it('rejects a non-multistatus root', () => {
    expect(() => parseMultistatus('<D:error xmlns:D="DAV:"/>', CAL, {})).toThrow(ProtocolError);
  });
});

describe('digest auth', () => {
  it('answers the 401 challenge (RFC 7616 §3.9.1 MD5 vector) and never leaks the password', async () => {
    let seen: string | null = null;
    const s = scripted((req) => {
      const auth = req.headers.get('authorization');
      if (!auth)
        return new Response('', { status: 401, headers: { 'www-authenticate': 'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"' } });
      seen = auth;
      return calendarResponse();
    });
    const client = new CalDAVClient({ url: 'http://127.0.0.1/dir/', auth: digest('Mufasa', 'Circle of Life'), fetch: s.fetch });
    await client.calendar('http://127.0.0.1/dir/index.html/');
    expect(seen).toMatch(/^Digest username="Mufasa", realm="http-auth@example.org", nonce="7ypf\/xlj9XXwfDPEoM4URrv\/xwf94BcCAzFZH4GiTo0v", uri="\/dir\/index.html\/", algorithm=MD5, response="[0-9a-f]{32}", qop=auth, nc=00000001, cnonce="[0-9a-f]{16}", opaque="FQhe/);
    // Deterministic check of the hash chain with the RFC's cnonce.
    const { md5 } = await import('../../src/md5.js');
    const ha1 = md5('Mufasa:http-auth@example.org:Circle of Life');
    const ha2 = md5('GET:/dir/index.html');
    expect(md5(`${ha1}:7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v:00000001:f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ:auth:${ha2}`)).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });

  it('gives up after a second 401 with the same nonce → AuthenticationError', async () => {
    const s = scripted(() => new Response('', { status: 401, headers: { 'www-authenticate': 'Digest realm="r", nonce="n1", qop="auth"' } }));
    const client = new CalDAVClient({ url: BASE, auth: digest('u', 'secret-pw'), fetch: s.fetch });
    const err = await client.calendar(CAL).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify(err)).not.toContain('secret-pw');
  });
});
