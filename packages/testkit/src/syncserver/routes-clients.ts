import { atomResult, entryXml, fail, feedXml, readPosted } from './atom.js';
import type { Registrar } from './registrar.js';
import type { SimContext } from '../sim/types.js';
import type { ClientKind, ClientRecord } from './state.js';

const TITLES: Record<ClientKind, string> = { syncml: 'SyncML Clients', activesync: 'ActiveSync Clients', datastore: 'Datastore Clients', google: 'Google Clients' };
const KINDS = Object.keys(TITLES) as ClientKind[];

/** `/v2/services/…`: the four client kinds and the generic clients view. */
export function registerClients(r: Registrar): void {
  const { state, present } = r;

  const owned = (ctx: SimContext, kind?: ClientKind): { user: string; client: ClientRecord } => {
    const user = r.auth(ctx);
    const client = state.ownedClient(user, ctx.params['id']!, kind);
    // Another user's client is answered like a missing one (reference §6: don't reveal it exists).
    if (!client) throw fail(404, 'No such client');
    return { user, client };
  };
  const list = (ctx: SimContext, user: string, kinds: ClientKind[], title: string) => {
    const mine = [...state.clients.values()].filter((c) => c.owner === user && kinds.includes(c.kind));
    const updated = mine.reduce<Date | undefined>((a, c) => (!a || c.modified > a ? c.modified : a), undefined);
    return atomResult(feedXml(present.url(ctx.path), title, mine.map((c) => present.client(c)), updated));
  };
  const created = (c: ClientRecord) => {
    state.clients.set(c.id, c);
    const e = present.client(c);
    return atomResult(entryXml(e), 201, { Location: e.self });
  };
  const touch = (c: ClientRecord) => {
    c.modified = state.now();
    return atomResult(entryXml(present.client(c)));
  };
  const remove = (ctx: SimContext, kind: ClientKind) => {
    const { client } = owned(ctx, kind);
    state.clients.delete(client.id);
    for (const [id, c] of state.contents) if (c.store === client.id) state.contents.delete(id);
    for (const [id, b] of state.bindings) if (b.source === client.id || b.target === client.id) state.bindings.delete(id);
    return { status: 204 };
  };
  const base = (user: string) => ({ id: state.newId(), owner: user, created: state.now(), modified: state.now() });

  // Generic view (G: no stored page shows it; reference §3.7).
  r.on('GET', '/v2/services/', (ctx) => list(ctx, r.auth(ctx), KINDS, 'Clients'));
  r.sim.route('GET', '/v2/services/:id', (ctx) => {
    const id = ctx.params['id']!;
    if ((KINDS as string[]).includes(id)) return list(ctx, r.auth(ctx), [id as ClientKind], TITLES[id as ClientKind]);
    return atomResult(entryXml(present.client(owned(ctx).client)));
  });

  for (const kind of KINDS) {
    r.on('GET', `/v2/services/${kind}/`, (ctx) => list(ctx, r.auth(ctx), [kind], TITLES[kind]));
    r.sim.route('GET', `/v2/services/${kind}/:id`, (ctx) => atomResult(entryXml(present.client(owned(ctx, kind).client))));
  }

  // SyncML: POST creates, DELETE removes, no PUT by design (reference §1 → 405 Allow: GET, DELETE).
  r.on('POST', '/v2/services/syncml/', (ctx) => {
    const user = r.auth(ctx);
    const e = readPosted(ctx.body);
    const phoneNumber = e.get('phone_number');
    const modelId = e.get('model_uuid');
    if (!phoneNumber || !/^\+?[0-9 ()-]{3,20}$/.test(phoneNumber)) throw fail(400, 'phone_number required');
    if (!modelId || !state.models.some((m) => m.id === modelId)) throw fail(400, 'model_uuid unknown');
    const imei = e.get('imei');
    return created({ ...base(user), kind: 'syncml', phoneNumber, modelId, timezone: e.get('timezone') ?? 'Europe/Oslo', ...(imei ? { imei } : {}) });
  });
  r.sim.route('DELETE', '/v2/services/syncml/:id', (ctx) => remove(ctx, 'syncml'));
  r.sim.route('PUT', '/v2/services/syncml/:id', (ctx) => {
    owned(ctx, 'syncml');
    throw fail(405, 'SyncML clients cannot be edited; register a new client', { Allow: 'GET, DELETE' });
  });
  const setup = (ctx: SimContext) => {
    const user = r.auth(ctx);
    const e = readPosted(ctx.body);
    const c = state.ownedClient(user, e.get('client_uuid') ?? '', 'syncml');
    if (!c || c.kind !== 'syncml') throw fail(400, 'client_uuid unknown');
    const pincode = e.get('pincode') ?? '';
    if (!/^\d{4,8}$/.test(pincode)) throw fail(400, 'pincode must be 4-8 digits');
    const at = state.now();
    state.sms.push({ to: c.phoneNumber, kind: 'setup', pincode, at });
    return atomResult(entryXml({ ...present.client(c), fields: { client_uuid: c.id, pincode, sms_status: 'sent' }, updated: at }), 201);
  };
  r.on('POST', '/v2/services/syncml/setup/', setup);
  r.on('POST', '/v2/syncml/client/setup/', setup); // the setup page's other (contradictory) path
  r.on('POST', '/v2/services/syncml/:id/sync/', (ctx) => {
    const { client } = owned(ctx, 'syncml');
    state.syncRequests.push({ clientId: client.id, at: state.now() });
    return { status: 202 };
  });
  for (const feed of ['sessions', 'datastores']) {
    r.on('GET', `/v2/services/syncml/${feed}/`, (ctx) => {
      r.auth(ctx);
      return atomResult(feedXml(present.url(ctx.path), `SyncML ${feed}`, []));
    });
  }

  // ActiveSync.
  r.on('POST', '/v2/services/activesync/', (ctx) => {
    const user = r.auth(ctx);
    const e = readPosted(ctx.body);
    const username = e.get('username');
    const password = e.get('password');
    if (!username || !password) throw fail(400, 'username and password required');
    return created({ ...base(user), kind: 'activesync', username, password });
  });
  r.sim.route('PUT', '/v2/services/activesync/:id', (ctx) => {
    const { client } = owned(ctx, 'activesync');
    if (client.kind !== 'activesync') throw fail(404, 'No such client');
    const e = readPosted(ctx.body);
    const password = e.get('password');
    if (password !== undefined) {
      if (e.get('old_password') !== client.password) throw fail(403, 'old_password does not match');
      client.password = password;
    }
    client.username = e.get('username') || client.username;
    return touch(client);
  });
  r.sim.route('DELETE', '/v2/services/activesync/:id', (ctx) => remove(ctx, 'activesync'));

  // Datastore clients.
  r.on('POST', '/v2/services/datastore/', (ctx) => {
    const user = r.auth(ctx);
    const e = readPosted(ctx.body);
    const name = e.get('name') ?? e.title;
    if (!name) throw fail(400, 'name required');
    const foreignUserId = e.get('foreign_user_id');
    return created({ ...base(user), kind: 'datastore', name, ...(foreignUserId ? { foreignUserId } : {}) });
  });
  r.sim.route('PUT', '/v2/services/datastore/:id', (ctx) => {
    const { client } = owned(ctx, 'datastore');
    if (client.kind !== 'datastore') throw fail(404, 'No such client');
    client.name = readPosted(ctx.body).get('name') || client.name;
    return touch(client);
  });
  r.sim.route('DELETE', '/v2/services/datastore/:id', (ctx) => remove(ctx, 'datastore'));

  // Google (GData): PUT and DELETE on the /edit link (reference §3.4); DELETE also on the entry URL.
  r.on('POST', '/v2/services/google/', (ctx) => {
    const user = r.auth(ctx);
    const e = readPosted(ctx.body);
    const userId = e.get('user_id') ?? e.title;
    if (!userId) throw fail(400, 'user_id required');
    return created({ ...base(user), kind: 'google', userId, datastores: [] });
  });
  r.sim.route('PUT', '/v2/services/google/:id/edit', (ctx) => {
    const { client } = owned(ctx, 'google');
    if (client.kind !== 'google') throw fail(404, 'No such client');
    client.userId = readPosted(ctx.body).get('user_id') || client.userId;
    return touch(client);
  });
  r.sim.route('DELETE', '/v2/services/google/:id/edit', (ctx) => remove(ctx, 'google'));
  r.sim.route('DELETE', '/v2/services/google/:id', (ctx) => remove(ctx, 'google'));
  r.on('POST', '/v2/services/google/:id/datastores/', (ctx) => {
    const { client } = owned(ctx, 'google');
    if (client.kind !== 'google') throw fail(404, 'No such client');
    const e = readPosted(ctx.body);
    const dataclass = e.get('dataclass') ?? '';
    if (dataclass !== 'Contacts' && dataclass !== 'Calendar') throw fail(400, 'dataclass must be Contacts or Calendar');
    const url = e.get('url') ?? '';
    if (!/^https?:\/\/[^/]/.test(url)) throw fail(400, 'url required');
    const key = e.get('key');
    const secret = e.get('secret');
    if (!key || !secret) throw fail(400, 'key and secret required');
    const scopes = e.all('scope');
    if (scopes.length === 0) throw fail(400, 'at least one scope required');
    const tokenType = Number(e.get('token_type') ?? '2');
    if (tokenType !== 1 && tokenType !== 2) throw fail(400, 'token_type must be 1 or 2');
    client.datastores.push({ dataclass, url, key, secret, scopes, tokenType, name: e.get('name') || dataclass });
    client.modified = state.now();
    return atomResult(entryXml(present.client(client)), 201);
  });
}
