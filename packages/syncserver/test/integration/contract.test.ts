// Simulator rows of the README contract the OCSS model does not reach through its API: exercised
// with hand-signed requests, so the contract table stays honest.
import { describe, expect, it } from 'vitest';
import { authorizationHeader, createNonce, parseEntry, parseFeed, signRequest } from '../../src/index.js';
import { useSimulator } from './helpers.js';

const t = useSimulator();
const OC = 'xmlns="http://www.w3.org/2005/Atom" xmlns:oc="http://schemas.obexcode.com/syncserver/2009"';

async function call(method: string, path: string, body?: string): Promise<{ status: number; text: string; headers: Headers }> {
  const sim = t.sim();
  const c = sim.credentials[0]!;
  const url = `${sim.url}${path}`;
  const oauth = { oauth_consumer_key: c.consumerKey, oauth_token: c.accessKey, oauth_signature_method: 'HMAC-SHA1', oauth_timestamp: String(Math.floor(Date.now() / 1000)), oauth_nonce: createNonce(), oauth_version: '1.0' };
  const sig = await signRequest({ method, url, oauth, consumerSecret: c.consumerSecret, tokenSecret: c.accessSecret });
  const res = await fetch(url, { method, headers: { authorization: authorizationHeader({ ...oauth, oauth_signature: sig }), 'content-type': 'application/atom+xml' }, ...(body ? { body } : {}) });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

describe('contract rows outside the OCSS model', () => {
  it('phone-datastore bindings: POST creates a SyncML + Datastore client, GET, setup → 201 (documented)', async () => {
    const model = t.sim().state.models[5]!.id;
    const body = `<entry ${OC}><oc:model_uuid>${model}</oc:model_uuid><oc:phone_number>+4799988877</oc:phone_number><oc:foreign_user_id>app:1456</oc:foreign_user_id><oc:timezone>Europe/Oslo</oc:timezone></entry>`;
    const created = await call('POST', '/v2/syncengine/phone_datastore_bindings', body);
    expect(created.status).toBe(201);
    const e = parseEntry(created.text);
    expect(e.atomId).toMatch(/\/phone_datastore_bindings\/1\/$/);
    expect(e.links['syncml_client']).toMatch(/\/v2\/services\/syncml\//);
    expect(e.links['datastore_client']).toMatch(/\/v2\/services\/datastore\//);
    expect(e.fields).toMatchObject({ model_uuid: model, phone_number: '+4799988877', foreign_user_id: 'app:1456', timezone: 'Europe/Oslo' });
    // a second binding for the same foreign user reuses the datastore
    const again = parseEntry((await call('POST', '/v2/syncengine/phone_datastore_bindings/', body)).text);
    expect(again.links['datastore_client']).toBe(e.links['datastore_client']);
    expect(parseFeed((await call('GET', '/v2/syncengine/phone_datastore_bindings/')).text)).toHaveLength(2);
    expect((await call('GET', '/v2/syncengine/phone_datastore_bindings/1')).status).toBe(200);
    const setup = await call('POST', '/v2/syncengine/phone_datastore_bindings/1/setup/', `<entry ${OC}><oc:pincode>1234</oc:pincode></entry>`);
    expect(setup.status).toBe(201);
    expect(parseEntry(setup.text).fields['sms_status']).toBe('sent');
    expect((await call('POST', '/v2/syncengine/phone_datastore_bindings/1/setup/', `<entry ${OC}><oc:pincode>x</oc:pincode></entry>`)).status).toBe(400);
    expect((await call('GET', '/v2/syncengine/phone_datastore_bindings/99')).status).toBe(404);
  });

  it('global content feed and POST with oc:datastore; SyncML sessions/datastores feeds; setup alias', async () => {
    const api = t.api();
    const store = await api.clients.datastore.new({ name: 's' });
    const post = await call('POST', '/v2/services/datastore/content/', `<entry ${OC}><title>Memo</title><oc:datastore>${store.id}</oc:datastore><oc:data>hi</oc:data><oc:type>text/plain</oc:type></entry>`);
    expect(post.status).toBe(201);
    expect(post.headers.get('location')).toMatch(/\/v2\/services\/datastore\/content\//);
    const all = parseFeed((await call('GET', '/v2/services/datastore/content/?dataclass=Misc')).text);
    expect(all.map((x) => x.title)).toEqual(['Memo']);
    expect((await call('GET', '/v2/services/datastore/content/?since=garbage')).status).toBe(400);
    for (const p of ['/v2/services/syncml/sessions/', '/v2/services/syncml/datastores']) expect((await call('GET', p)).status).toBe(200);
    const phone = await api.clients.syncml.new({ phoneNumber: '+4711223344', model: t.sim().state.models[0]!.id });
    expect((await call('POST', '/v2/syncml/client/setup/', `<entry ${OC}><oc:client_uuid>${phone.id}</oc:client_uuid><oc:pincode>9876</oc:pincode></entry>`)).status).toBe(201);
  });

  it('malformed or non-entry request bodies → 400; GData PUT on the entry URL → 405', async () => {
    expect((await call('POST', '/v2/services/datastore/', '<entry')).status).toBe(400);
    expect((await call('POST', '/v2/services/datastore/', '<feed xmlns="http://www.w3.org/2005/Atom"/>')).status).toBe(400);
    expect((await call('POST', '/v2/services/datastore/', `<!DOCTYPE x [<!ENTITY a "b">]><entry ${OC}/>`)).status).toBe(400);
    const g = await t.api().clients.gdata.new('a@gmail.com');
    const put = await call('PUT', `/v2/services/google/${g.id}`, `<entry ${OC}/>`);
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toContain('GET');
  });

  it('feeds follow the documented envelope', async () => {
    await t.api().clients.datastore.new({ name: 's' });
    const text = (await call('GET', '/v2/services/datastore/')).text;
    expect(text).toContain('<author><name>ObexCode AS</name></author>');
    expect(text).toContain('<title>Datastore Clients</title>');
    expect(text).toMatch(/<id>urn:uuid:[0-9a-f-]{36}<\/id>/);
    expect(text).toMatch(/<content type="text">Content lines: 0<\/content>/);
  });
});
