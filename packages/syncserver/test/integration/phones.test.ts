import { describe, expect, it } from 'vitest';
import * as core from '@cal/core';
import { ClientError, Model, NotAllowedError, NotFoundError, OCSSAPIError, Vendor } from '../../src/index.js';
import { useSimulator } from './helpers.js';

const t = useSimulator();

describe('phones (anonymous and signed)', () => {
  it('iterates vendors with names and model counts (OCSS example counts)', async () => {
    const api = t.anon();
    const seen: Record<string, number> = {};
    for await (const vendor of api.phones.vendors) seen[vendor.name] = await vendor.models.size();
    expect(seen).toEqual({ HTC: 26, Nokia: 188, LG: 5, 'Sony Ericsson': 84 });
    expect(t.sim().sim.log[0]!.path).toBe('/v2/phones/vendors/all.xml');
    expect(t.sim().sim.log[0]!.headers['authorization']).toBeUndefined();
  });

  it('works signed too, and has/get/size on vendors and models', async () => {
    const api = t.api();
    const [htc] = await api.phones.vendors.list();
    expect(htc).toBeInstanceOf(Vendor);
    expect(await api.phones.vendors.has(htc!.id)).toBe(true);
    expect(await api.phones.vendors.has('00000000-0000-0000-0000-000000000000')).toBe(false);
    const again = await api.phones.vendors.get(htc!.id);
    expect(again.equals(htc)).toBe(true);
    expect(again).not.toBe(htc);
    expect(await api.phones.models.size()).toBe(26 + 188 + 5 + 84);
    expect(t.sim().sim.log.every((r) => r.headers['authorization']?.startsWith('OAuth '))).toBe(true);
  });

  it('get of a missing id throws NotFoundError (OCSS + core classes)', async () => {
    const api = t.anon();
    const err = await api.phones.vendors.get('nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toBeInstanceOf(ClientError);
    expect(err).toBeInstanceOf(OCSSAPIError);
    expect(err).toBeInstanceOf(core.NotFoundError);
    expect(core.isCalError(err)).toBe(true);
    expect((err as Error).message).toBe("No Vendor with ID 'nope'");
    await expect(api.phones.models.get('x/y')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('model fields, model.vendor(), vendor-scoped get, refresh', async () => {
    const api = t.anon();
    const nokia = (await api.phones.vendors.list()).find((v) => v.name === 'Nokia')!;
    const [n95] = await nokia.models.list();
    expect(n95).toBeInstanceOf(Model);
    expect(n95!.name).toBe('N95');
    expect(n95!.imageUrl).toMatch(/^http:\/\/api\.obexcode\.com\/static\/phones\/.+\.png$/);
    expect((await n95!.vendor()).equals(nokia)).toBe(true);
    expect((await api.phones.models.get(n95!.id)).equals(n95)).toBe(true);
    expect((await nokia.models.get(n95!.id)).name).toBe('N95');
    const htc = (await api.phones.vendors.list()).find((v) => v.name === 'HTC')!;
    await expect(htc.models.get(n95!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await n95!.refresh()).toBe(n95);
    expect(n95!.created).toBeUndefined();
  });

  it('is read-only: update/delete → NotAllowedError (405), collection writes → NotAllowedError (403)', async () => {
    const api = t.api();
    const [v] = await api.phones.vendors.list();
    const e1 = await v!.update({ name: 'X' }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(NotAllowedError);
    expect(e1).toBeInstanceOf(core.HttpError);
    expect((e1 as core.CalError).status).toBe(405);
    await expect(v!.delete()).rejects.toBeInstanceOf(NotAllowedError);
    await expect(api.phones.vendors.delete(v!.id)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(api.phones.models.update((await api.phones.models.list())[0]!, { name: 'y' })).rejects.toBeInstanceOf(NotAllowedError);
    const res = await fetch(`${t.sim().url}/v2/phones/vendors/`, { method: 'POST', body: '<entry xmlns="http://www.w3.org/2005/Atom"/>' });
    expect(res.status).toBe(403);
  });

  it('collections cache the feed until refresh()', async () => {
    const api = t.anon();
    await api.phones.vendors.size();
    await api.phones.vendors.size();
    expect(t.sim().sim.log.length).toBe(1);
    api.phones.vendors.refresh();
    await api.phones.vendors.size();
    expect(t.sim().sim.log.length).toBe(2);
  });
});

describe('model detection (signed)', () => {
  it('detectAuto: a Model for a known number, null otherwise; anonymous → NotAllowedError', async () => {
    const api = t.api();
    const m = await api.phones.models.detectAuto('+4799988877');
    expect(m).toBeInstanceOf(Model);
    expect(m!.id).toBe(t.sim().state.models[0]!.id);
    expect(await api.phones.models.detectAuto('+4711111111')).toBeNull();
    await expect(t.anon().phones.models.detectAuto('+4799988877')).rejects.toBeInstanceOf(NotAllowedError);
    await expect(api.phones.models.detectAuto('not a number')).rejects.toBeInstanceOf(core.ValidationError);
  });

  it('detectManual + detectPoll: null until visited, then Model; false when unidentified; bad code → ClientError', async () => {
    const api = t.api();
    const vendor = await api.phones.vendors.list();
    const code = await api.phones.models.detectManual('+4712345678');
    expect(t.sim().state.sms.at(-1)).toMatchObject({ to: '+4712345678', kind: 'detect', code });
    expect(await api.phones.models.detectPoll(code)).toBeNull();
    const model = (await vendor[1]!.models.list())[3]!;
    t.sim().visitDetection(code, model.id);
    expect((await api.phones.models.detectPoll(code))!.valueOf()).toSatisfy((m: unknown) => model.equals(m));
    const code2 = await api.phones.vendors.list().then(() => api.phones.models.detectManual('+4712345679'));
    t.sim().visitDetection(code2, null);
    expect(await api.phones.models.detectPoll(code2)).toBe(false);
    const err = await api.phones.models.detectPoll('unknowncode').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect((err as core.CalError).status).toBe(400);
    await expect(api.phones.models.detectPoll('../x')).rejects.toBeInstanceOf(ClientError);
  });
});
