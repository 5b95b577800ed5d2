// The common collection/resource verbs, for every kind: new, get, has, iterate, size, update,
// refresh, equals, created/modified, delete (by instance and by id).
import { describe, expect, it } from 'vitest';
import type { Resource, SyncServerAPI } from '../../src/index.js';
import { NotAllowedError, NotFoundError } from '../../src/index.js';
import { useSimulator } from './helpers.js';

const t = useSimulator();

interface Coll {
  get(id: string): Promise<Resource<object>>;
  has(id: string): Promise<boolean>;
  size(): Promise<number>;
  list(): Promise<Resource<object>[]>;
  delete(x: Resource<object> | string): Promise<void>;
  update(x: Resource<object> | string, changes?: object): Promise<Resource<object>>;
  refresh(): void;
  [Symbol.asyncIterator](): AsyncIterator<Resource<object>>;
}
type Case = [name: string, make: (api: SyncServerAPI) => Promise<{ coll: Coll; item: Resource<object> }>, changes: object | 'not-allowed'];

const cases: Case[] = [
  ['syncml', async (api) => ({ coll: api.clients.syncml as unknown as Coll, item: await api.clients.syncml.new({ phoneNumber: '+4790000000', model: t.sim().state.models[0]!.id }) }), 'not-allowed'],
  ['activesync', async (api) => ({ coll: api.clients.activesync as unknown as Coll, item: await api.clients.activesync.new({ username: 'u', password: 'p' }) }), { username: 'v' }],
  ['datastore', async (api) => ({ coll: api.clients.datastore as unknown as Coll, item: await api.clients.datastore.new({ name: 'n' }) }), { name: 'm' }],
  ['gdata', async (api) => ({ coll: api.clients.gdata as unknown as Coll, item: await api.clients.gdata.new('a@gmail.com') }), { userId: 'b@gmail.com' }],
  [
    'contents',
    async (api) => {
      const store = await api.clients.datastore.new({ name: 'n' });
      return { coll: store.contents as unknown as Coll, item: await store.contents.new('hello', 'text/plain', 'notes') };
    },
    { data: 'bye' },
  ],
  [
    'bindings',
    async (api) => {
      const a = await api.clients.datastore.new({ name: 'a' });
      const b = await api.clients.gdata.new('x@gmail.com');
      return { coll: api.clients.bindings as unknown as Coll, item: await api.clients.bindings.new(a, b) };
    },
    { dominant: 'target' },
  ],
];

describe.each(cases)('%s', (_name, make, changes) => {
  it('supports the common verbs', async () => {
    const api = t.api();
    t.sim().state.setNow(new Date('2010-01-01T00:00:00Z'));
    const { coll, item } = await make(api);
    expect(item.created?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(await coll.has(item.id)).toBe(true);
    expect(await coll.size()).toBe(1);
    const seen: string[] = [];
    for await (const x of coll) seen.push(x.id);
    expect(seen).toEqual([item.id]);
    const other = await coll.get(item.id);
    expect(other.equals(item)).toBe(true);
    expect(other).not.toBe(item);
    t.sim().state.advance(90);
    if (changes === 'not-allowed') {
      await expect(coll.update(item.id, {})).rejects.toBeInstanceOf(NotAllowedError);
    } else {
      const updated = await coll.update(item.id, changes);
      expect(updated.modified!.getTime()).toBe(new Date('2010-01-01T00:01:30Z').getTime());
      expect(item.modified!.getTime()).toBe(new Date('2010-01-01T00:00:00Z').getTime()); // stale until…
      await item.refresh(); // …refreshed
      expect(item.modified!.getTime()).toBe(updated.modified!.getTime());
    }
    await coll.delete(item.id);
    expect(await coll.has(item.id)).toBe(false);
    coll.refresh();
    expect(await coll.size()).toBe(0);
    await expect(coll.get(item.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(item.delete()).rejects.toBeInstanceOf(NotFoundError);
  });
});
