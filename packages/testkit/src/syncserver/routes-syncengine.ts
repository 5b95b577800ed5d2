import { atomResult, entryXml, fail, feedXml, readPosted } from './atom.js';
import type { Registrar } from './registrar.js';
import type { SimContext } from '../sim/types.js';

/** `/v2/syncengine/…`: generic bindings (inferred) and phone-datastore bindings (documented). */
export function registerSyncengine(r: Registrar): void {
  const { state, present } = r;

  const binding = (ctx: SimContext) => {
    const user = r.auth(ctx);
    const b = state.bindings.get(Number(ctx.params['id']));
    if (!b || b.owner !== user) throw fail(404, 'No such binding');
    return b;
  };
  r.on('GET', '/v2/syncengine/bindings/', (ctx) => {
    const user = r.auth(ctx);
    const mine = [...state.bindings.values()].filter((b) => b.owner === user);
    return atomResult(feedXml(present.url(ctx.path), 'Bindings', mine.map((b) => present.binding(b))));
  });
  r.on('POST', '/v2/syncengine/bindings/', (ctx) => {
    const user = r.auth(ctx);
    const e = readPosted(ctx.body);
    const source = e.get('source') ?? '';
    const target = e.get('target') ?? '';
    if (!state.ownedClient(user, source) || !state.ownedClient(user, target)) throw fail(400, 'source and target must be your clients');
    if (source === target) throw fail(400, 'a client cannot be bound to itself');
    const dominant = e.get('dominant') === 'target' ? 'target' : 'source';
    const now = state.now();
    const b = { id: state.newBindingId(), owner: user, source, target, dominant, created: now, modified: now } as const;
    state.bindings.set(b.id, { ...b });
    const entry = present.binding(b);
    return atomResult(entryXml(entry), 201, { Location: entry.self });
  });
  r.on('GET', '/v2/syncengine/bindings/:id', (ctx) => atomResult(entryXml(present.binding(binding(ctx)))));
  r.on('PUT', '/v2/syncengine/bindings/:id', (ctx) => {
    const b = binding(ctx);
    const d = readPosted(ctx.body).get('dominant');
    if (d !== undefined && d !== 'source' && d !== 'target') throw fail(400, 'dominant must be source or target');
    if (d) b.dominant = d;
    b.modified = state.now();
    return atomResult(entryXml(present.binding(b)));
  });
  r.on('DELETE', '/v2/syncengine/bindings/:id', (ctx) => {
    state.bindings.delete(binding(ctx).id);
    return { status: 204 };
  });

  // Phone-datastore bindings (reference §3.6/§4.6, documented): one POST registers a SyncML client
  // and a Datastore client (reused per foreign_user_id) and binds them.
  const phoneBinding = (ctx: SimContext) => {
    const user = r.auth(ctx);
    const b = state.phoneBindings.get(Number(ctx.params['id']));
    if (!b || b.owner !== user) throw fail(404, 'No such binding');
    return b;
  };
  r.on('GET', '/v2/syncengine/phone_datastore_bindings/', (ctx) => {
    const user = r.auth(ctx);
    const mine = [...state.phoneBindings.values()].filter((b) => b.owner === user);
    return atomResult(feedXml(present.url(ctx.path), 'Phone Datastore Bindings', mine.map((b) => present.phoneBinding(b))));
  });
  r.on('POST', '/v2/syncengine/phone_datastore_bindings/', (ctx) => {
    const user = r.auth(ctx);
    const e = readPosted(ctx.body);
    const modelId = e.get('model_uuid') ?? '';
    const phoneNumber = e.get('phone_number') ?? '';
    const foreignUserId = e.get('foreign_user_id') ?? '';
    if (!state.models.some((m) => m.id === modelId)) throw fail(400, 'model_uuid unknown');
    if (!/^\+?[0-9 ()-]{3,20}$/.test(phoneNumber) || !foreignUserId) throw fail(400, 'phone_number and foreign_user_id required');
    const timezone = e.get('timezone') ?? 'Europe/Oslo';
    const now = state.now();
    const syncml = { id: state.newId(), owner: user, created: now, modified: now, kind: 'syncml', phoneNumber, modelId, timezone } as const;
    state.clients.set(syncml.id, { ...syncml });
    let store = [...state.clients.values()].find((c) => c.owner === user && c.kind === 'datastore' && c.foreignUserId === foreignUserId);
    if (!store) {
      store = { id: state.newId(), owner: user, created: now, modified: now, kind: 'datastore', name: foreignUserId, foreignUserId };
      state.clients.set(store.id, store);
    }
    const b = { id: state.newBindingId(), owner: user, modelId, phoneNumber, foreignUserId, timezone, syncml: syncml.id, datastore: store.id, created: now, setups: [] };
    state.phoneBindings.set(b.id, b);
    const entry = present.phoneBinding(b);
    return atomResult(entryXml(entry), 201, { Location: entry.self });
  });
  r.on('GET', '/v2/syncengine/phone_datastore_bindings/:id', (ctx) => atomResult(entryXml(present.phoneBinding(phoneBinding(ctx)))));
  r.on('POST', '/v2/syncengine/phone_datastore_bindings/:id/setup/', (ctx) => {
    const b = phoneBinding(ctx);
    const pincode = readPosted(ctx.body).get('pincode') ?? '';
    if (!/^\d{4,8}$/.test(pincode)) throw fail(400, 'pincode must be 4-8 digits');
    const at = state.now();
    b.setups.push({ pincode, at });
    state.sms.push({ to: b.phoneNumber, kind: 'setup', pincode, at });
    return atomResult(entryXml(present.phoneBinding(b, { pincode, sms_status: 'sent' })), 201);
  });
}
