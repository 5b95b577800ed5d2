// Every vector of reference §7.2 (RFC 5849 + oauth.net TestCases + request/oauth-sign's Twitter set).
import { describe, expect, it } from 'vitest';
import * as core from '@cal/core';
import {
  authorizationHeader,
  baseStringUri,
  hmacSha1,
  normalizeParams,
  percentEncode,
  signRequest,
  signatureBaseString,
  signingKey,
  SyncServerAuth,
  SyncServerAPI,
  ClientError,
} from '../../src/index.js';

const form = (s: string): [string, string][] => [...new URLSearchParams(s)];

describe('percent encoding (oauth.net)', () => {
  it.each([
    ['abcABC123', 'abcABC123'],
    ['-._~', '-._~'],
    ['%', '%25'],
    ['+', '%2B'],
    ['&=*', '%26%3D%2A'],
    ['\u000A', '%0A'],
    ['\u0020', '%20'],
    ['\u007F', '%7F'],
    ['\u0080', '%C2%80'],
    ['\u3001', '%E3%80%81'],
    ["!'()", '%21%27%28%29'],
  ])('%j → %s', (input, out) => expect(percentEncode(input)).toBe(out));
});

describe('parameter normalisation (oauth.net)', () => {
  it.each([
    ['name', 'name='],
    ['a=b', 'a=b'],
    ['a=b&c=d', 'a=b&c=d'],
    ['a=x!y&a=x+y', 'a=x%20y&a=x%21y'],
    ['x!y=a&x=a', 'x=a&x%21y=a'],
  ])('%s → %s', (input, out) => expect(normalizeParams(form(input))).toBe(out));
});

describe('base strings (oauth.net)', () => {
  it('GET http://example.com/ n=v, and empty path becomes /', () => {
    expect(signatureBaseString('GET', 'http://example.com/', [['n', 'v']])).toBe('GET&http%3A%2F%2Fexample.com%2F&n%3Dv');
    expect(signatureBaseString('GET', 'http://example.com', [['n', 'v']])).toBe('GET&http%3A%2F%2Fexample.com%2F&n%3Dv');
  });
  it('POST request_token (oauth_signature ignored)', () => {
    const p = form('oauth_version=1.0&oauth_consumer_key=dpf43f3p2l4k3l03&oauth_timestamp=1191242090&oauth_nonce=hsu94j3884jdopsl&oauth_signature_method=PLAINTEXT&oauth_signature=ignored');
    expect(signatureBaseString('POST', 'https://photos.example.net/request_token', p)).toBe(
      'POST&https%3A%2F%2Fphotos.example.net%2Frequest_token&oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dhsu94j3884jdopsl%26oauth_signature_method%3DPLAINTEXT%26oauth_timestamp%3D1191242090%26oauth_version%3D1.0',
    );
  });
  const BS4 =
    'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal';
  it('BS4 and its HMAC-SHA1 signature', async () => {
    const p = form('file=vacation.jpg&size=original&oauth_version=1.0&oauth_consumer_key=dpf43f3p2l4k3l03&oauth_token=nnch734d00sl2jdk&oauth_timestamp=1191242096&oauth_nonce=kllo9940pd9333jh&oauth_signature=ignored&oauth_signature_method=HMAC-SHA1');
    expect(signatureBaseString('GET', 'http://photos.example.net/photos', p)).toBe(BS4);
    expect(await hmacSha1(signingKey('kd94hf93k423kf44', 'pfkkdhi9sl3r4s00'), BS4)).toBe('tR3+Ty81lMeYAr/Fid0kMTYa/WM=');
  });
});

describe('HMAC-SHA1 (oauth.net)', () => {
  it.each([
    ['cs', '', 'egQqG5AJep5sJ7anhXju1unge2I='],
    ['cs', 'ts', 'VZVjXceV7JgPq/dOTnNmEfO0Fv8='],
  ])('cs=%s ts=%s', async (cs, ts, sig) => expect(await hmacSha1(signingKey(cs, ts), 'bs')).toBe(sig));
});

describe('RFC 5849', () => {
  it('§3.4.1.2 base string URIs', () => {
    expect(baseStringUri('HTTP://EXAMPLE.COM:80/r%20v/X?id=123')).toBe('http://example.com/r%20v/X');
    expect(baseStringUri('https://www.example.net:8080/?q=1')).toBe('https://www.example.net:8080/');
  });

  it('§3.1/§3.4.1 request: normalized params, base string and the errata-2550 signature', async () => {
    const url = 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b';
    const oauth = {
      oauth_consumer_key: '9djdj82h48djs9d2',
      oauth_token: 'kkk9d7dh3k39sjv7',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: '137131201',
      oauth_nonce: '7d8f3e4a',
    };
    const body = form('c2&a3=2+q');
    expect(normalizeParams([...new URL(url).searchParams, ...Object.entries(oauth), ...body])).toBe(
      'a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7',
    );
    expect(signatureBaseString('POST', url, [...Object.entries(oauth), ...body])).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
    const sig = await signRequest({ method: 'POST', url, oauth, consumerSecret: 'j49sk3j29djd', tokenSecret: 'dh893hdasih9', bodyParams: body });
    expect(sig).toBe('r6/TJjbCOr97/+UU0NsvSne7s5g=');
    expect(sig).not.toBe('bYT5CMsGcbgUdFHObYMEfcx6bsw='); // the value printed in the RFC, wrong per errata 2550
  });

  const client = { oauth_consumer_key: 'dpf43f3p2l4k3l03', oauth_signature_method: 'HMAC-SHA1' };
  it.each([
    ['initiate', 'POST', 'https://photos.example.net/initiate', { oauth_callback: 'http://printer.example.com/ready', oauth_timestamp: '137131200', oauth_nonce: 'wIjqoS' }, '', '74KNZJeDHnMBp0EMJ9ZHt/XKycU='],
    ['token', 'POST', 'https://photos.example.net/token', { oauth_token: 'hh5s93j4hdidpola', oauth_verifier: 'hfdp7dh39dks9884', oauth_timestamp: '137131201', oauth_nonce: 'walatlh' }, 'hdhd0244k9j7ao03', 'gKgrFCywp7rO0OXSjdot/IHF7IU='],
    ['resource', 'GET', 'http://photos.example.net/photos?file=vacation.jpg&size=original', { oauth_token: 'nnch734d00sl2jdk', oauth_timestamp: '137131202', oauth_nonce: 'chapoH' }, 'pfkkdhi9sl3r4s00', 'MdpQcU8iPSUjWoN/UDMsK2sui9I='],
  ])('§1.2 walkthrough: %s', async (_n, method, url, extra, tokenSecret, sig) => {
    expect(await signRequest({ method, url, oauth: { ...client, ...extra }, consumerSecret: 'kd94hf93k423kf44', tokenSecret })).toBe(sig);
  });
});

describe('PLAINTEXT', () => {
  it.each([
    ['ja893SD9', '', 'ja893SD9&'],
    ['djr9rjt0jd78jf88', 'jjd999tj88uiths3', 'djr9rjt0jd78jf88&jjd999tj88uiths3'],
    ['djr9rjt0jd78jf88', 'jjd99$tj88uiths3', 'djr9rjt0jd78jf88&jjd99%24tj88uiths3'],
    ['djr9rjt0jd78jf88', '', 'djr9rjt0jd78jf88&'],
  ])('%s / %s', async (cs, ts, sig) => {
    expect(await signRequest({ method: 'GET', url: 'http://x/', oauth: { oauth_signature_method: 'PLAINTEXT' }, consumerSecret: cs, tokenSecret: ts })).toBe(sig);
  });
  it('travels percent-encoded again in the header (ObexCode example: CS%26TS)', () => {
    expect(authorizationHeader({ oauth_signature: 'ja893SD9&' })).toBe('OAuth realm="", oauth_signature="ja893SD9%26"');
  });
});

describe('Twitter vectors (request/oauth-sign test.js), incl. UTF-8 body', () => {
  const cs = 'MCD8BKwGdgPHvAuvgvz4EQpqDAtx89grbuNMRd7Eh98';
  const base = { oauth_consumer_key: 'GDdmIQH6jhtmLUypg82g', oauth_signature_method: 'HMAC-SHA1', oauth_version: '1.0' };
  it('request_token', async () => {
    const oauth = { ...base, oauth_callback: 'http://localhost:3005/the_dance/process_callback?service_provider_id=11', oauth_nonce: 'QP70eNmVz8jvdPevU3oJD2AfF7R7odC2XJcn4XlZJqk', oauth_timestamp: '1272323042' };
    expect(await signRequest({ method: 'POST', url: 'https://api.twitter.com/oauth/request_token', oauth, consumerSecret: cs })).toBe('8wUi7m5HFQy76nowoCThusfgB+Q=');
  });
  it('access_token', async () => {
    const oauth = { ...base, oauth_token: '8ldIZyxQeVrFZXFOZH5tAwj6vzJYuLQpl0WUEYtWc', oauth_verifier: 'pDNg57prOHapMbhv25RNf75lVRd6JDsni1AJJIDYoTY', oauth_nonce: '9zWH6qe0qG7Lc1telCn7FhUbLyVdjEaL3MO5uHxn8', oauth_timestamp: '1272323047' };
    expect(await signRequest({ method: 'POST', url: 'https://api.twitter.com/oauth/access_token', oauth, consumerSecret: cs, tokenSecret: 'x6qpRnlEmW9JbQn4PQVVeVG8ZLPEx6A0TOebgwcuA' })).toBe('PUw/dHA4fnlJYM6RhXk5IU/0fCc=');
  });
  it('statuses/update with a non-ASCII form body', async () => {
    const oauth = { ...base, oauth_token: '819797-Jxq8aYUDRmykzVKrgoLhXSq67TEa5ruc4GJC2rWimw', oauth_nonce: 'oElnnMTQIZvqvlfXM56aBLAf5noGD0AQR3Fmi7Q6Y', oauth_timestamp: '1272325550' };
    const bodyParams: [string, string][] = [['status', 'setting up my twitter 私のさえずりを設定する']];
    expect(await signRequest({ method: 'POST', url: 'http://api.twitter.com/1/statuses/update.json', oauth, consumerSecret: cs, tokenSecret: 'J6zix3FfA9LofH0awS24M3HcBYXO5nI1iYe8EfBA', bodyParams })).toBe('yOahq5m0YjDDjfjxHaXEsW9D+X0=');
  });
});

describe('no secret in errors', () => {
  it('a server echoing the PLAINTEXT Authorization header in its error body is scrubbed', async () => {
    const api = new SyncServerAPI(new SyncServerAuth('ck', 'c&s', 'ak', 't$s'), {
      signatureMethod: 'PLAINTEXT',
      fetch: async (input, init) => new Response(`bad request: ${new Request(input, init).headers.get("authorization")}`, { status: 400 }),
    });
    const err = await api.clients.size().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    const dump = `${JSON.stringify(err)} ${String(err)} ${JSON.stringify((err as { body?: unknown }).body)}`;
    expect(dump).toContain('oauth_token');
    for (const s of ['c&s', 't$s', 'c%26s', 't%24s', 'c%2526s', 't%2524s']) expect(dump).not.toContain(s);
  });
});

describe('SyncServerAuth strategy', () => {
  const auth = new SyncServerAuth('CK', 'CS', 'AK', 'TS');
  it('refuses an unsupported signature method when the API object is built, before any request', () => {
    let calls = 0;
    expect(() => auth.strategy('RSA-SHA1' as never)).toThrow(core.ValidationError);
    expect(() => new SyncServerAPI(auth, { signatureMethod: 'RSA-SHA1' as never, fetch: async () => (calls++, new Response('')) })).toThrow(core.ValidationError);
    expect(calls).toBe(0);
  });
  it('puts oauth params in the Authorization header with a fresh nonce each time', async () => {
    const s = auth.strategy('PLAINTEXT', () => 1_000_000);
    const a = (await s.authorize(new Request('https://api.obexcode.com/v2/phones/vendors/all.xml'))).headers.get('authorization')!;
    const b = (await s.authorize(new Request('https://api.obexcode.com/v2/phones/vendors/all.xml'))).headers.get('authorization')!;
    expect(a).toMatch(/^OAuth realm="", /);
    expect(a).toContain('oauth_signature="CS%26TS"');
    expect(a).toContain('oauth_timestamp="1000"');
    expect(a).toContain('oauth_token="AK"');
    const nonce = (h: string): string => /oauth_nonce="([0-9a-f]{32})"/.exec(h)![1]!;
    expect(nonce(a)).not.toBe(nonce(b));
    expect(s.secrets()).toEqual(['CS', 'TS']);
    expect(new SyncServerAuth('k', 'a&b', 't', 'c$').strategy().secrets()).toEqual(['a&b', 'a%26b', 'a%2526b', 'c$', 'c%24', 'c%2524']);
  });
  it('signs HMAC-SHA1 over method, URL and query (verifiable by recomputation)', async () => {
    const s = auth.strategy('HMAC-SHA1');
    const req = await s.authorize(new Request('https://api.obexcode.com/v2/x?since=2009-12-09T130500Z', { method: 'POST', body: '<entry/>', headers: { 'content-type': 'application/atom+xml' } }));
    const h = req.headers.get('authorization')!;
    const params = Object.fromEntries([...h.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, decodeURIComponent(m[2]!)]));
    const { oauth_signature, realm, ...oauth } = params;
    expect(realm).toBe('');
    expect(await signRequest({ method: 'POST', url: req.url, oauth, consumerSecret: 'CS', tokenSecret: 'TS' })).toBe(oauth_signature);
    expect(await req.text()).toBe('<entry/>');
  });
});
