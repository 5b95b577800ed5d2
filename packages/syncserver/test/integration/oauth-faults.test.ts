import { describe, expect, it } from 'vitest';
import * as core from '@cal/core';
import { ClientError, ConnectionError, NotAllowedError, OCSSAPIError, ServerError, SyncServerAPI, SyncServerAuth, signRequest } from '../../src/index.js';
import { useSimulator } from './helpers.js';

const t = useSimulator();

describe('OAuth 1.0 against the simulator', () => {
  it.each(['HMAC-SHA1', 'PLAINTEXT'] as const)('%s signatures are accepted', async (signatureMethod) => {
    const api = t.api({ signatureMethod });
    await api.clients.datastore.new({ name: 'x' });
    expect(await api.clients.datastore.size()).toBe(1);
    expect(t.sim().sim.log.at(-1)!.headers['authorization']).toContain(`oauth_signature_method="${signatureMethod}"`);
  });

  it('a bad secret → 401 → NotAllowedError (also core AuthenticationError); no secret in the error', async () => {
    const c = t.sim().credentials[0]!;
    const api = new SyncServerAPI(new SyncServerAuth(c.consumerKey, 'wrong-secret', c.accessKey, c.accessSecret), { baseUrl: t.sim().url, retry: false });
    const err = await api.clients.size().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotAllowedError);
    expect(err).toBeInstanceOf(ClientError);
    expect(err).toBeInstanceOf(core.AuthenticationError);
    expect((err as core.CalError).status).toBe(401);
    expect((err as core.CalError).body).toBe('oauth_problem=signature_invalid');
    const dump = JSON.stringify(err) + String(err) + (err as Error).message;
    for (const s of ['wrong-secret', c.accessSecret]) expect(dump).not.toContain(s);
    const plain = new SyncServerAPI(new SyncServerAuth(c.consumerKey, c.consumerSecret, c.accessKey, 'nope'), { baseUrl: t.sim().url, retry: false, signatureMethod: 'PLAINTEXT' });
    await expect(plain.clients.size()).rejects.toBeInstanceOf(NotAllowedError);
  });

  it('unknown token, missing auth and anonymous access to clients → 401', async () => {
    const c = t.sim().credentials[0]!;
    await expect(new SyncServerAPI(new SyncServerAuth(c.consumerKey, c.consumerSecret, 'other', c.accessSecret), { baseUrl: t.sim().url }).clients.size()).rejects.toMatchObject({ status: 401 });
    await expect(t.anon().clients.size()).rejects.toBeInstanceOf(NotAllowedError);
    const res = await fetch(`${t.sim().url}/v2/services/`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('OAuth realm=""');
  });

  it('a replayed nonce is rejected; a retried request is signed afresh (no replay)', async () => {
    const api = t.api();
    await api.clients.size();
    const first = t.sim().sim.log.at(-1)!;
    const replay = await fetch(first.url, { headers: { authorization: first.headers['authorization']! } });
    expect(replay.status).toBe(401);
    expect(await replay.text()).toBe('oauth_problem=nonce_used');
    expect(t.sim().oauth.replays).toBe(1);
    // a 503 then success: core's retry re-runs authorize() → new nonce → accepted
    const retrying = t.api({ retry: { limit: 1, baseDelay: 1 } });
    t.sim().sim.faults.add({ path: '/v2/services/', kind: 'status', status: 503, times: 1 });
    expect(await retrying.clients.size()).toBe(0);
    expect(t.sim().oauth.replays).toBe(1);
  });

  it('the server checks the query string, duplicated params and versions (RFC 5849 §3.2)', async () => {
    const sim = t.sim();
    const c = sim.credentials[0]!;
    const oauth = { oauth_consumer_key: c.consumerKey, oauth_token: c.accessKey, oauth_signature_method: 'HMAC-SHA1', oauth_timestamp: String(Math.floor(Date.now() / 1000)), oauth_nonce: 'n1', oauth_version: '1.0' };
    const url = `${sim.url}/v2/services/datastore/content/?dataclass=a%20b&x=1`;
    const sig = await signRequest({ method: 'GET', url, oauth, consumerSecret: c.consumerSecret, tokenSecret: c.accessSecret });
    const header = (o: Record<string, string>) => `OAuth ${Object.entries(o).map(([k, v]) => `${k}="${encodeURIComponent(v)}"`).join(', ')}`;
    expect((await fetch(url, { headers: { authorization: header({ ...oauth, oauth_signature: sig }) } })).status).toBe(200);
    // the same signature for a different query fails
    expect((await fetch(url.replace('x=1', 'x=2'), { headers: { authorization: header({ ...oauth, oauth_nonce: 'n2', oauth_signature: sig }) } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: header({ ...oauth, oauth_nonce: 'n3', oauth_version: '2.0', oauth_signature: sig }) } })).status).toBe(400);
    expect((await fetch(url, { headers: { authorization: header({ ...oauth, oauth_nonce: 'n4', oauth_signature_method: 'RSA-SHA1', oauth_signature: sig }) } })).status).toBe(400);
    expect((await fetch(`${url}&oauth_nonce=n5`, { headers: { authorization: header({ ...oauth, oauth_nonce: 'n5', oauth_signature: sig }) } })).status).toBe(400);
    // stale timestamp
    const old = { ...oauth, oauth_timestamp: '1191242090', oauth_nonce: 'n6' };
    const oldSig = await signRequest({ method: 'GET', url, oauth: old, consumerSecret: c.consumerSecret, tokenSecret: c.accessSecret });
    expect((await fetch(url, { headers: { authorization: header({ ...old, oauth_signature: oldSig }) } })).status).toBe(401);
    // documented query-string placement, PLAINTEXT as in ObexCode's example
    const q = new URLSearchParams({ ...oauth, oauth_nonce: 'n7', oauth_signature_method: 'PLAINTEXT', oauth_signature: `${c.consumerSecret.replace('&', '%26')}&${c.accessSecret.replace('$', '%24')}` });
    expect((await fetch(`${sim.url}/v2/phones/vendors/all.xml?${q}`)).status).toBe(200);
  });
});

describe('errors and harness faults', () => {
  it('5xx → ServerError (OCSS + core, statusCode)', async () => {
    t.sim().sim.faults.add({ path: '/v2/phones/vendors/all.xml', kind: 'status', status: 500 });
    const err = await t.anon().phones.vendors.size().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toBeInstanceOf(core.ServerError);
    expect(err).toBeInstanceOf(OCSSAPIError);
    expect(err).not.toBeInstanceOf(ClientError);
    expect((err as core.ServerError).statusCode).toBe(500);
  });

  it('503 with Retry-After is retried by default for GETs', async () => {
    t.sim().sim.faults.add({ path: '/v2/phones/vendors/all.xml', kind: 'status', status: 503, retryAfter: 0, times: 1 });
    const api = new SyncServerAPI(undefined, { baseUrl: t.sim().url });
    expect(await api.phones.vendors.size()).toBe(4);
  });

  it('429 → ClientError + core RateLimitError', async () => {
    t.sim().sim.faults.add({ path: /vendors/, kind: 'status', status: 429, retryAfter: 7 });
    const err = await t.anon().phones.vendors.size().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect(err).toBeInstanceOf(core.RateLimitError);
    expect((err as core.RateLimitError).retryAfter).toBe(7);
  });

  it('connection reset → ConnectionError (core NetworkError)', async () => {
    t.sim().sim.faults.add({ kind: 'reset' });
    const err = await t.anon().phones.vendors.size().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).toBeInstanceOf(core.NetworkError);
    expect(err).toBeInstanceOf(OCSSAPIError);
  });

  it('slow headers past the timeout → ConnectionError (core TimeoutError)', async () => {
    t.sim().sim.faults.add({ kind: 'slow-headers', delayMs: 2000 });
    const api = new SyncServerAPI(undefined, { baseUrl: t.sim().url, timeout: 200, retry: false });
    const err = await api.phones.vendors.size().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).toBeInstanceOf(core.TimeoutError);
  });

  it.each(['malformed', 'truncated'] as const)('%s body → ProtocolError (an OCSSAPIError)', async (kind) => {
    t.sim().sim.faults.add({ kind });
    const err = await t.anon().phones.vendors.size().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OCSSAPIError);
    expect(err instanceof core.ProtocolError || err instanceof core.NetworkError).toBe(true);
  });

  it('a hostile body (XXE) from the server → ProtocolError', async () => {
    const sim = t.sim();
    sim.sim.route('GET', '/v2/phones/vendors/all.xml', () => ({
      headers: { 'content-type': 'application/atom+xml' },
      body: '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]><feed xmlns="http://www.w3.org/2005/Atom">&x;</feed>',
    }));
    // (the replaced route stays for the rest of this file: keep this test last)
    await expect(t.anon().phones.vendors.size()).rejects.toBeInstanceOf(core.ProtocolError);
  });
});
