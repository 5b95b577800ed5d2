import { describe, expect, it } from 'vitest';
import * as core from '@cal/core';
import {
  ActivesyncClient,
  Binding,
  ClientError,
  DatastoreClient,
  GDataClient,
  Model,
  NotAllowedError,
  NotFoundError,
  SyncmlClient,
} from '../../src/index.js';
import { useSimulator } from './helpers.js';

const t = useSimulator();
const modelId = (): string => t.sim().state.models[2]!.id;

describe('syncml', () => {
  it('new / get / has / iterate / fields / model()', async () => {
    const api = t.api();
    const c = await api.clients.syncml.new({ phoneNumber: '+4799988877', model: modelId(), timezone: 'Europe/Oslo', imei: '490154203237518' });
    expect(c).toBeInstanceOf(SyncmlClient);
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
    expect([c.phoneNumber, c.timezone, c.imei, c.modelId]).toEqual(['+4799988877', 'Europe/Oslo', '490154203237518', modelId()]);
    expect(c.created).toBeInstanceOf(Date);
    expect(c.modified).toBeInstanceOf(Date);
    const m = await c.model();
    expect(m).toBeInstanceOf(Model);
    expect(m!.id).toBe(modelId());
    expect(await api.clients.syncml.has(c.id)).toBe(true);
    const all = [];
    for await (const x of api.clients.syncml) all.push(x);
    expect(all.map((x) => x.id)).toEqual([c.id]);
    expect((await api.clients.syncml.get(c.id)).equals(c)).toBe(true);
    const model = await api.phones.models.get(modelId());
    const c2 = await api.clients.syncml.new({ phoneNumber: '+4700000000', model });
    expect(c2.modelId).toBe(model.id);
    expect(c2.imei).toBeUndefined();
  });

  it('update → NotAllowedError (SyncML has no PUT by design, 405); delete works', async () => {
    const api = t.api();
    const c = await api.clients.syncml.new({ phoneNumber: '+4799988877', model: modelId() });
    const err = await c.update({ timezone: 'UTC' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotAllowedError);
    expect((err as core.CalError).headers?.['allow']).toBe('GET, DELETE');
    await expect(api.clients.syncml.update(c.id, { timezone: 'UTC' })).rejects.toBeInstanceOf(NotAllowedError);
    await api.clients.syncml.delete(c);
    expect(await api.clients.syncml.has(c.id)).toBe(false);
    await expect(c.refresh()).rejects.toBeInstanceOf(NotFoundError);
  });

  it('sendSetup(pincode) sends the SMS; sync() asks for a server-initiated sync', async () => {
    const api = t.api();
    const c = await api.clients.syncml.new({ phoneNumber: '+4799988877', model: modelId() });
    await c.sendSetup('1234');
    expect(t.sim().state.sms.at(-1)).toMatchObject({ to: '+4799988877', kind: 'setup', pincode: '1234' });
    await c.sync();
    expect(t.sim().state.syncRequests.map((s) => s.clientId)).toEqual([c.id]);
    await expect(c.sendSetup('12')).rejects.toBeInstanceOf(core.ValidationError);
    await expect(c.sendSetup('12')).rejects.toBeInstanceOf(ClientError);
  });

  it('bad input → ValidationError before any request; server 400 → ClientError (core ValidationError)', async () => {
    const api = t.api();
    const before = t.sim().sim.log.length;
    await expect(api.clients.syncml.new({ phoneNumber: 'abc', model: modelId() })).rejects.toBeInstanceOf(core.ValidationError);
    expect(t.sim().sim.log.length).toBe(before);
    const err = await api.clients.syncml.new({ phoneNumber: '+4711', model: 'unknown-model' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect(err).toBeInstanceOf(core.ValidationError);
    expect((err as core.CalError).status).toBe(400);
  });
});

describe('activesync', () => {
  it('new / username / update password with oldPass / delete', async () => {
    const api = t.api();
    const c = await api.clients.activesync.new({ username: 'ola', password: 'pw1' });
    expect(c).toBeInstanceOf(ActivesyncClient);
    expect(c.username).toBe('ola');
    expect(c.userId).toBe('alice');
    const log = t.sim().sim.log.at(-1)!;
    expect(log.body).toContain('<oc:client>');
    await c.update({ password: 'pw2', oldPass: 'pw1' });
    expect(t.sim().state.clients.get(c.id)).toMatchObject({ password: 'pw2' });
    const bad = await c.update({ password: 'pw3', oldPass: 'wrong' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(NotAllowedError);
    expect(bad).toBeInstanceOf(core.AuthenticationError);
    expect(JSON.stringify(bad)).not.toContain('pw3');
    await expect(c.update({ password: 'pw3' })).rejects.toBeInstanceOf(core.ValidationError);
    await c.update({ username: 'kari' });
    expect(c.username).toBe('kari');
    await api.clients.activesync.delete(c.id);
    await expect(api.clients.activesync.get(c.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('datastore clients', () => {
  it('new / name / update / refresh / contents collection', async () => {
    const api = t.api();
    const d = await api.clients.datastore.new({ name: 'Contacts of ola', foreignUserId: 'app:1456' });
    expect(d).toBeInstanceOf(DatastoreClient);
    expect([d.name, d.foreignUserId]).toEqual(['Contacts of ola', 'app:1456']);
    await api.clients.datastore.update(d.id, { name: 'Renamed' });
    const fresh = await api.clients.datastore.get(d.id);
    expect(fresh.name).toBe('Renamed');
    expect(d.name).toBe('Contacts of ola'); // a different object, its own cache…
    await d.refresh(); // …until refreshed
    expect(d.name).toBe('Renamed');
    expect(await d.contents.size()).toBe(0);
  });
});

describe('gdata', () => {
  it('new(userId) / userId / addDatastore / datastores / update via the /edit link / delete', async () => {
    const api = t.api();
    const g = await api.clients.gdata.new('ola@gmail.com');
    expect(g).toBeInstanceOf(GDataClient);
    expect(g.userId).toBe('ola@gmail.com');
    expect(g.datastores).toEqual([]);
    await g.addDatastore({ dataclass: 'Contacts', url: 'https://www.google.com/m8/feeds/', key: 'k', secret: 's', scopes: ['https://www.google.com/m8/feeds/'] });
    await g.addDatastore({ dataclass: 'Calendar', url: 'https://www.google.com/calendar/feeds/', key: 'k2', secret: 's2', scopes: ['https://www.google.com/calendar/feeds/'], name: 'Work', tokenType: 1 });
    expect(g.datastores).toEqual([
      { dataclass: 'Contacts', url: 'https://www.google.com/m8/feeds/', name: 'Contacts' },
      { dataclass: 'Calendar', url: 'https://www.google.com/calendar/feeds/', name: 'Work' },
    ]);
    expect(t.sim().state.clients.get(g.id)).toMatchObject({ datastores: [{ tokenType: 2 }, { tokenType: 1, scopes: ['https://www.google.com/calendar/feeds/'] }] });
    await expect(g.addDatastore({ dataclass: 'Mail' as 'Contacts', url: 'https://x/', key: 'k', secret: 's', scopes: ['x'] })).rejects.toBeInstanceOf(core.ValidationError);
    await expect(g.addDatastore({ dataclass: 'Contacts', url: 'https://x/', key: 'k', secret: 's', scopes: [] })).rejects.toBeInstanceOf(ClientError);
    await g.update({ userId: 'kari@gmail.com' });
    expect(g.userId).toBe('kari@gmail.com');
    expect(t.sim().sim.log.find((r) => r.method === 'PUT')!.path).toBe(`/v2/services/google/${g.id}/edit`);
    await g.delete();
    expect(t.sim().sim.log.at(-1)!.path).toBe(`/v2/services/google/${g.id}/edit`);
    expect(await api.clients.gdata.has(g.id)).toBe(false);
  });
});

describe('generic clients and bindings', () => {
  it('clients.get returns the class of the kind; iterate lists all kinds', async () => {
    const api = t.api();
    const s = await api.clients.syncml.new({ phoneNumber: '+4799988877', model: modelId() });
    const a = await api.clients.activesync.new({ username: 'u', password: 'p' });
    const d = await api.clients.datastore.new({ name: 'store' });
    const g = await api.clients.gdata.new('x@gmail.com');
    expect(await api.clients.get(s.id)).toBeInstanceOf(SyncmlClient);
    expect(await api.clients.get(a.id)).toBeInstanceOf(ActivesyncClient);
    expect(await api.clients.get(d.id)).toBeInstanceOf(DatastoreClient);
    const got = await api.clients.get(g.id);
    expect(got).toBeInstanceOf(GDataClient);
    expect(got.equals(g)).toBe(true);
    expect(got.equals(d)).toBe(false);
    const kinds = [];
    for await (const c of api.clients) kinds.push(c.kind);
    expect(kinds.sort()).toEqual(['ActivesyncClient', 'DatastoreClient', 'GDataClient', 'SyncmlClient']);
    expect(await api.clients.size()).toBe(4);
    expect(await api.clients.has(s.id)).toBe(true);
    const missing = await api.clients.get('6f6d6777-7466-6262-716b-746878627965').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as Error).message).toBe("No Client with ID '6f6d6777-7466-6262-716b-746878627965'");
  });

  it("another user's clients are invisible (404)", async () => {
    const d = await t.api().clients.datastore.new({ name: 'alice store' });
    const bob = t.api({ user: 1 });
    await expect(bob.clients.get(d.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(bob.clients.datastore.get(d.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await bob.clients.size()).toBe(0);
  });

  it('bind(source, target) = bindings.new; binding fields, source()/target(), get, update dominant, delete', async () => {
    const api = t.api();
    const phone = await api.clients.syncml.new({ phoneNumber: '+4799988877', model: modelId() });
    const store = await api.clients.datastore.new({ name: 'store' });
    const b = await api.clients.bind(phone, store.id);
    expect(b).toBeInstanceOf(Binding);
    expect(b.id).toBe('1');
    expect([b.dominant, b.sourceId, b.targetId]).toEqual(['source', phone.id, store.id]);
    expect((await b.source()).equals(phone)).toBe(true);
    expect(await b.target()).toBeInstanceOf(DatastoreClient);
    const b2 = await api.clients.bindings.new(store, phone);
    expect(b2.id).toBe('2');
    expect((await api.clients.bindings.get(1)).equals(b)).toBe(true);
    expect(await api.clients.bindings.size()).toBe(2);
    await b.update({ dominant: 'target' });
    expect(b.dominant).toBe('target');
    await api.clients.bindings.delete(b2);
    expect(await api.clients.bindings.has(2)).toBe(false);
    await expect(api.clients.bind(phone, phone)).rejects.toBeInstanceOf(ClientError);
    await expect(api.clients.bind(phone, '')).rejects.toBeInstanceOf(core.ValidationError);
  });
});
