import { atomResult, entryXml, fail, feedXml, parseSince, readPosted } from './atom.js';
import type { Registrar } from './registrar.js';
import type { SimContext } from '../sim/types.js';
import type { ContentRecord } from './state.js';

// OCSS: without a dataclass "one will be assigned based on the ctype, if known, or … 'Misc'".
function dataclassFor(type: string): string {
  const t = type.toLowerCase();
  if (/vcard|directory/.test(t)) return 'contacts';
  if (/calendar/.test(t)) return 'events';
  if (/vnote/.test(t)) return 'notes';
  if (/vtodo/.test(t)) return 'tasks';
  return 'Misc';
}
function titleFor(data: string): string {
  const m = /^(?:FN|SUMMARY):(.*)$/im.exec(data);
  return (m?.[1] ?? data.split(/\r?\n/)[0] ?? '').trim().slice(0, 60) || 'Untitled';
}

/**
 * Datastore contents with a change log. Per-client listing `/v2/services/datastore/<uuid>/content/`
 * is inferred; the global `/v2/services/datastore/content/` and item paths are documented.
 */
export function registerContent(r: Registrar): void {
  const { state, present } = r;

  const store = (ctx: SimContext, user: string, id: string) => {
    const c = state.ownedClient(user, id, 'datastore');
    if (!c) throw fail(404, 'No such datastore');
    return c;
  };
  const item = (ctx: SimContext, user: string): ContentRecord => {
    const c = state.contents.get(ctx.params['cid']!);
    if (!c || c.deleted || !state.ownedClient(user, c.store, 'datastore')) throw fail(404, 'No such content');
    if (ctx.params['id'] && c.store !== ctx.params['id']) throw fail(404, 'No such content in this datastore');
    return c;
  };

  // ?since= gives every item changed at or after that second with its net operation;
  // ?dataclass= narrows either listing.
  const listing = (ctx: SimContext, stores: Set<string>, title: string) => {
    const dataclass = ctx.query.get('dataclass');
    const sinceText = ctx.query.get('since');
    const match = (c: ContentRecord): boolean => stores.has(c.store) && (!dataclass || c.dataclass === dataclass);
    let entries;
    if (sinceText !== null) {
      const since = parseSince(sinceText);
      if (!since) throw fail(400, 'since must be RFC 3339 or YYYY-MM-DDTHHMMSSZ');
      const ops = new Map<string, Set<string>>();
      for (const ch of state.changes) {
        if (ch.at < since || !stores.has(ch.store)) continue;
        (ops.get(ch.contentId) ?? ops.set(ch.contentId, new Set()).get(ch.contentId)!).add(ch.op);
      }
      entries = [...ops]
        .map(([id, set]) => [state.contents.get(id)!, set] as const)
        .filter(([c]) => c && match(c))
        .map(([c, set]) => present.content(c, c.deleted ? 'delete' : set.has('insert') ? 'insert' : 'update'));
    } else {
      entries = [...state.contents.values()].filter((c) => !c.deleted && match(c)).map((c) => present.content(c));
    }
    return atomResult(feedXml(present.url(ctx.path), title, entries));
  };

  const create = (ctx: SimContext, storeId: string) => {
    const e = readPosted(ctx.body);
    const data = e.get('data');
    const type = e.get('type');
    if (data === undefined || !type) throw fail(400, 'data and type required');
    const now = state.now();
    const c: ContentRecord = { id: state.newId(), store: storeId, data, type, dataclass: e.get('dataclass') || dataclassFor(type), title: e.title || titleFor(data), created: now, modified: now };
    state.contents.set(c.id, c);
    state.logChange(c, 'insert');
    const entry = present.content(c);
    return atomResult(entryXml(entry), 201, { Location: entry.self });
  };
  const update = (ctx: SimContext) => {
    const c = item(ctx, r.auth(ctx));
    const e = readPosted(ctx.body);
    c.data = e.get('data') ?? c.data;
    c.type = e.get('type') || c.type;
    c.dataclass = e.get('dataclass') || c.dataclass;
    c.title = e.title || titleFor(c.data);
    c.modified = state.now();
    state.logChange(c, 'update');
    return atomResult(entryXml(present.content(c)));
  };
  const remove = (ctx: SimContext) => {
    const c = item(ctx, r.auth(ctx));
    c.deleted = state.now(); // tombstone, so `since` can report the delete
    state.logChange(c, 'delete');
    return { status: 204 };
  };
  const get = (ctx: SimContext) => atomResult(entryXml(present.content(item(ctx, r.auth(ctx)))));

  r.on('GET', '/v2/services/datastore/content/', (ctx) => {
    const user = r.auth(ctx);
    const mine = new Set([...state.clients.values()].filter((c) => c.owner === user && c.kind === 'datastore').map((c) => c.id));
    return listing(ctx, mine, 'Datastore Content');
  });
  r.on('POST', '/v2/services/datastore/content/', (ctx) => {
    const user = r.auth(ctx);
    return create(ctx, store(ctx, user, readPosted(ctx.body).get('datastore') ?? '').id);
  });
  r.on('GET', '/v2/services/datastore/:id/content/', (ctx) => {
    const s = store(ctx, r.auth(ctx), ctx.params['id']!);
    return listing(ctx, new Set([s.id]), `${s.kind === 'datastore' ? s.name : ''} Content`);
  });
  r.on('POST', '/v2/services/datastore/:id/content/', (ctx) => create(ctx, store(ctx, r.auth(ctx), ctx.params['id']!).id));
  for (const p of ['/v2/services/datastore/content/:cid', '/v2/services/datastore/:id/content/:cid']) {
    r.sim.route('GET', p, get);
    r.sim.route('PUT', p, update);
    r.sim.route('DELETE', p, remove);
  }
}
