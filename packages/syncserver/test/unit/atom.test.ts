import { describe, expect, it } from 'vitest';
import * as core from '@cal/core';
import { formatCompactDate, OCSSAPIError, parseEntry, parseFeed, SyncServerAPI, ContentCollection } from '../../src/index.js';
import { parseDate } from '../../src/atom/dates.js';
import { buildEntry } from '../../src/atom/build.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const OC = 'http://schemas.obexcode.com/syncserver/2009';

// The documented ActiveSync example shape (reference §4.2): fields in <client xmlns=oc>.
const ACTIVESYNC_FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="${ATOM}"><author><name>ObexCode AS</name></author>
<id>http://api.obexcode.com/v2/services/activesync/</id><link href="http://api.obexcode.com/v2/services/activesync/" rel="self"/>
<title>ActiveSync Clients</title><updated>2009-09-09T09:09:09Z</updated>
<entry><author><name>admin</name><email>support@obexcode.com</email></author>
<content src="http://api.obexcode.com/v2/services/activesync/6f6d6777-7466-6262-716b-746878627965" type="text/html"/>
<id>http://api.obexcode.com/v2/services/activesync/6f6d6777-7466-6262-716b-746878627965</id>
<link href="http://api.obexcode.com/v2/services/activesync/6f6d6777-7466-6262-716b-746878627965" rel="self"/>
<link href="http://api.obexcode.com/v2/services/activesync/6f6d6777-7466-6262-716b-746878627965" rel="edit"/>
<published>2009-09-09T09:09:09Z</published><title>6f6d6777-7466-6262-716b-746878627965</title><updated>2009-09-10T10:00:00+02:00</updated>
<client xmlns="${OC}"><uuid>6f6d6777-7466-6262-716b-746878627965</uuid><user_id>42</user_id></client>
</entry></feed>`;

describe('Atom parsing', () => {
  it('reads the documented ActiveSync feed (default-namespace <client>)', () => {
    const [e] = parseFeed(ACTIVESYNC_FEED);
    expect(e!.id).toBe('6f6d6777-7466-6262-716b-746878627965');
    expect(e!.fields).toEqual({ uuid: '6f6d6777-7466-6262-716b-746878627965', user_id: '42' });
    expect(e!.published!.toISOString()).toBe('2009-09-09T09:09:09.000Z');
    expect(e!.updated!.toISOString()).toBe('2009-09-10T08:00:00.000Z');
  });

  it('reads oc:-prefixed fields, urn:uuid ids, /edit links, and an empty <updated />', () => {
    const feed = `<feed xmlns="${ATOM}" xmlns:x="${OC}"><updated /><title>Datastore Clients</title>
      <entry><id>urn:uuid:4f1d2dd0-49e4-11de-b387-002215064801</id><title>s</title><updated/><content type="text">Content lines: 3</content><x:name>s</x:name></entry>
      <entry><id>x</id><link rel="self" href="http://h/v2/services/google/abc"/><link rel="edit" href="http://h/v2/services/google/abc/edit"/><title>u@gmail.com</title></entry>
      <entry><id>http://h/v2/syncengine/phone_datastore_bindings/12/</id><link rel="self" href="http://h/v2/syncengine/phone_datastore_bindings/12"/><title>t</title></entry></feed>`;
    const [ds, g, b] = parseFeed(feed);
    expect(ds!.id).toBe('4f1d2dd0-49e4-11de-b387-002215064801');
    expect(ds!.updated).toBeUndefined();
    expect(ds!.content).toBe('Content lines: 3');
    expect(ds!.fields['name']).toBe('s');
    expect(g!.id).toBe('abc');
    expect(g!.links['edit']).toBe('http://h/v2/services/google/abc/edit');
    expect(b!.id).toBe('12');
  });

  it('an entry document counts as a feed of one; wrong roots are ProtocolError', () => {
    expect(parseFeed(`<entry xmlns="${ATOM}"><id>urn:uuid:1</id></entry>`)).toHaveLength(1);
    expect(() => parseFeed('<rss/>')).toThrow(core.ProtocolError);
    expect(() => parseEntry(`<feed xmlns="${ATOM}"/>`)).toThrow(core.ProtocolError);
    expect(() => parseEntry(`<entry xmlns="${ATOM}"><title>no id</title></entry>`)).toThrow(core.ProtocolError);
    expect(() => parseEntry(`<entry xmlns="${ATOM}"><id>urn:uuid:1</id><updated>yesterday</updated></entry>`)).toThrow(core.ProtocolError);
  });

  it.each([
    ['XXE external entity', `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]><feed xmlns="${ATOM}">&x;</feed>`],
    ['billion laughs', `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><feed xmlns="${ATOM}">&lol2;</feed>`],
    ['unknown entity', `<feed xmlns="${ATOM}"><title>&nbsp;</title></feed>`],
    ['unclosed element', `<feed xmlns="${ATOM}"><entry>`],
    ['deep nesting', `<feed xmlns="${ATOM}">${'<a>'.repeat(500)}${'</a>'.repeat(500)}</feed>`],
    ['HTML error page', '<html><body>Bad Gateway</body></html>'],
    ['not XML at all', '{"error":"nope"}'],
    ['empty', ''],
  ])('hostile or broken XML (%s) → ProtocolError, also an OCSSAPIError', (_name, text) => {
    let err: unknown;
    try {
      parseFeed(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(core.ProtocolError);
    expect(err).toBeInstanceOf(OCSSAPIError);
  });
});

describe('dates', () => {
  it.each([
    ['2009-09-09T09:09:09Z', '2009-09-09T09:09:09.000Z'],
    ['2009-09-09T09:09:09.250Z', '2009-09-09T09:09:09.250Z'],
    ['2009-09-09T11:09:09+02:00', '2009-09-09T09:09:09.000Z'],
    ['2009-12-09T130500Z', '2009-12-09T13:05:00.000Z'],
    ['20091209T130500Z', '2009-12-09T13:05:00.000Z'],
  ])('%s', (text, iso) => expect(parseDate(text)!.toISOString()).toBe(iso));
  it.each(['2009-13-09T13:05:00Z', '2009-12-09', 'yesterday', '2009-12-09T130500'])('rejects %s', (text) => expect(parseDate(text)).toBeUndefined());
  it('formats the compact form', () => expect(formatCompactDate(new Date('2009-12-09T13:05:00.123Z'))).toBe('2009-12-09T130500Z'));
});

describe('request bodies', () => {
  it('builds <entry> with oc: fields, escaping text, repeating arrays, nesting records', () => {
    const body = buildEntry({ a: 'x<&>"', s: ['1', '2'], client: { username: 'u', password: undefined }, skip: undefined }, 'T');
    expect(body).toContain(`<entry xmlns="${ATOM}" xmlns:oc="${OC}">`);
    expect(body).toContain('<title>T</title>');
    expect(body).toContain('<oc:a>x&lt;&amp;&gt;');
    expect(body).toContain('<oc:s>1</oc:s><oc:s>2</oc:s>');
    expect(body).toContain('<oc:client><oc:username>u</oc:username></oc:client>');
    expect(body).not.toContain('skip');
    expect(() => parseEntry(body)).toThrow(core.ProtocolError); // no id: only servers assign one
  });
});

describe('client-side validation happens before any request', () => {
  it('filter and new reject bad input with ValidationError without calling fetch', async () => {
    let calls = 0;
    const api = new SyncServerAPI(undefined, { fetch: async () => (calls++, new Response('')) });
    const contents = new ContentCollection((api.clients as unknown as { ctx: never }).ctx, 'https://api.obexcode.com/v2/services/datastore/x/content/');
    expect(() => contents.filter({ since: 'soon' })).toThrow(core.ValidationError);
    expect(() => contents.filter({ dataclass: '' })).toThrow(core.ValidationError);
    await expect(contents.new(42 as unknown as string, 'text/plain')).rejects.toBeInstanceOf(core.ValidationError);
    await expect(api.phones.models.detectManual('')).rejects.toBeInstanceOf(core.ValidationError);
    await expect(api.phones.models.detectPoll('')).rejects.toBeInstanceOf(core.ValidationError);
    // The operations that load on demand check their input just the same.
    await expect(api.phones.models.detectAuto('abc')).rejects.toBeInstanceOf(core.ValidationError);
    await expect(api.clients.syncml.new({ phoneNumber: 'abc', model: 'm' })).rejects.toBeInstanceOf(OCSSAPIError);
    await expect(api.clients.activesync.new({ username: 'u', password: 42 as unknown as string })).rejects.toBeInstanceOf(core.ValidationError);
    await expect(api.clients.gdata.new('')).rejects.toBeInstanceOf(core.ValidationError);
    await expect(api.clients.datastore.new({ name: '' })).rejects.toBeInstanceOf(core.ValidationError);
    await expect(api.clients.bind('a/b', 'c')).rejects.toBeInstanceOf(core.ValidationError);
    expect(calls).toBe(0);
  });
  it('defaults to https://api.obexcode.com/v2/', async () => {
    const urls: string[] = [];
    const api = new SyncServerAPI(undefined, { fetch: async (req) => (urls.push(req instanceof Request ? req.url : String(req)), new Response(`<feed xmlns="${ATOM}"/>`)) });
    expect(await api.phones.vendors.size()).toBe(0);
    expect(urls).toEqual(['https://api.obexcode.com/v2/phones/vendors/all.xml']);
  });
});

describe('documented absolute http:// links', () => {
  it('are rebased onto the configured https origin before being followed', async () => {
    const urls: string[] = [];
    const entry = `<entry xmlns="${ATOM}"><id>http://api.obexcode.com/v2/phones/vendors/v1</id><link rel="self" href="http://api.obexcode.com/v2/phones/vendors/v1"/><title>HTC</title></entry>`;
    const api = new SyncServerAPI(undefined, {
      fetch: async (input, init) => {
        urls.push(new Request(input, init).url);
        return new Response(urls.length === 1 ? `<feed xmlns="${ATOM}">${entry}</feed>` : entry);
      },
    });
    const [v] = await api.phones.vendors.list();
    await v!.refresh();
    expect(urls).toEqual(['https://api.obexcode.com/v2/phones/vendors/all.xml', 'https://api.obexcode.com/v2/phones/vendors/v1']);
  });
});
