// Loaded on demand (see `rare.ts`): input checks, request bodies and calls of the operations a
// typical app never makes. Type imports only: everything else comes in through `kit`.
import type { Kit } from './rare.js';
import type { AtomEntry } from '../atom/parse.js';
import type { Context } from '../context.js';
import type { ActivesyncChanges, AddDatastoreOptions, CLIENT_KINDS, Client } from './client-kinds.js';
import type { FieldValue } from '../atom/build.js';
import type { NewSyncmlClient } from './clients.js';

const PHONE = /^\+?[0-9 ()-]{3,20}$/;

function req(k: Kit, op: string, field: string, v: unknown, re = /./): string {
  if (typeof v !== 'string' || !re.test(v)) throw k.invalid(op, field, 'required');
  return v;
}

/** Body of `clients.syncml.new()`. */
export function syncmlBody(k: Kit, o: NewSyncmlClient): string {
  return k.buildEntry({
    phone_number: req(k, 'syncml.new', 'phoneNumber', o?.phoneNumber, PHONE),
    model_uuid: req(k, 'syncml.new', 'model', typeof o.model === 'string' ? o.model : o.model?.id),
    timezone: o.timezone,
    imei: o.imei,
  });
}

/** Body of `clients.activesync.new()`. */
export function activesyncBody(k: Kit, o: { username: string; password: string }): string {
  return k.buildEntry({ client: { username: req(k, 'activesync.new', 'username', o?.username), password: req(k, 'activesync.new', 'password', o.password) } });
}

/** Body of `clients.gdata.new()`: the user id is also the title (reference §4.3). */
export function gdataBody(k: Kit, userId: string): string {
  return k.buildEntry({ user_id: req(k, 'gdata.new', 'userId', userId) }, userId);
}

/** Body of `bindings.new()`: clients given as instances or ids; `source` wins conflicts. */
export function bindingBody(k: Kit, source: Client | string, target: Client | string): string {
  const id = (c: Client | string, field: string): string => {
    const v = typeof c === 'string' ? c : c?.id;
    if (typeof v !== 'string' || !/^[\w-]{1,64}$/.test(v)) throw k.invalid('bindings.new', field, 'a client or client id');
    return v;
  };
  return k.buildEntry({ source: id(source, 'source'), target: id(target, 'target') });
}

/** `SyncmlClient.sendSetup()`: the OTA setup SMS, unlocked on the phone by `pincode`. */
export async function sendSetup(k: Kit, ctx: Context, clientId: string, pincode: string): Promise<void> {
  if (typeof pincode !== 'string' || !/^\d{4,8}$/.test(pincode)) throw k.invalid('sendSetup', 'pincode', '4 to 8 digits');
  await ctx.transport.send('POST', new URL('services/syncml/setup/', ctx.root).href, k.buildEntry({ client_uuid: clientId, pincode }));
}

/** `GDataClient.addDatastore()` without the final refresh. */
export async function addDatastore(k: Kit, ctx: Context, clientUrl: string, o: AddDatastoreOptions): Promise<void> {
  const op = 'addDatastore';
  if (o?.dataclass !== 'Contacts' && o?.dataclass !== 'Calendar') throw k.invalid(op, 'dataclass', "'Contacts' or 'Calendar'");
  if (typeof o.url !== 'string' || !/^https?:\/\/[^/]/.test(o.url)) throw k.invalid(op, 'url', 'an absolute URL');
  if (!o.key || !o.secret) throw k.invalid(op, 'key', 'key and secret are required');
  if (!Array.isArray(o.scopes) || o.scopes.length === 0 || o.scopes.some((s) => typeof s !== 'string')) throw k.invalid(op, 'scopes', 'a non-empty list of URLs');
  const tokenType = o.tokenType ?? 2;
  if (tokenType !== 1 && tokenType !== 2) throw k.invalid(op, 'tokenType', '1 (request token) or 2 (access token)');
  const body = k.buildEntry({ dataclass: o.dataclass, url: o.url, key: o.key, secret: o.secret, scope: o.scopes, name: o.name, token_type: tokenType });
  await ctx.transport.send('POST', `${clientUrl.replace(/\/$/, '')}/datastores/`, body);
}

const detectUrl = (ctx: Context, path: string): string => new URL(`phones/detect/${path}`, ctx.root).href;

function phoneBody(k: Kit, op: string, n: string): string {
  if (typeof n !== 'string' || !PHONE.test(n)) throw k.invalid(op, 'number', 'a phone number such as +4799988877');
  return k.buildEntry({ phone_number: n });
}

/** `models.detectAuto()`: the model's entry, or `null` when the number is unknown (204). */
export async function detectAuto(k: Kit, ctx: Context, number: string): Promise<AtomEntry | null> {
  const res = await ctx.transport.send('POST', detectUrl(ctx, 'auto/'), phoneBody(k, 'detectAuto', number));
  return res.status === 204 || !res.text ? null : k.parseEntry(res.text);
}

/** `models.detectManual()`: the code for `detectPoll`. */
export async function detectManual(k: Kit, ctx: Context, number: string): Promise<string> {
  const e = await ctx.transport.entry('POST', detectUrl(ctx, 'manual/'), phoneBody(k, 'detectManual', number));
  return e.fields['code'] ?? e.id;
}

/** `models.detectPoll()`: the model's entry, `false` when unidentified, `null` while the phone has not visited (202). */
export async function detectPoll(k: Kit, ctx: Context, code: string): Promise<AtomEntry | false | null> {
  if (typeof code !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(code)) throw k.invalid('detectPoll', 'code', 'a code from detectManual()');
  const res = await ctx.transport.send('GET', detectUrl(ctx, `poll/${code}`));
  if (res.status === 202) return null;
  const e = k.parseEntry(res.text);
  return e.fields['status'] === 'unidentified' ? false : e;
}

/** GETs the entry behind the `rel` link, else at `path` under the API root; `undefined` without either. */
function follow(ctx: Context, e: AtomEntry, rel: string, path: string | undefined): Promise<AtomEntry> | undefined {
  const href = e.links[rel] ?? (path === undefined ? undefined : new URL(path, ctx.root).href);
  return href === undefined ? undefined : ctx.transport.entry('GET', href);
}

/** `SyncmlClient.model()`: the device's phone model, when the client names one. */
export async function modelEntry(ctx: Context, e: AtomEntry): Promise<AtomEntry | undefined> {
  const id = e.fields['model_uuid'];
  return follow(ctx, e, 'model', id ? `phones/models/${id}` : undefined);
}

/** `Model.vendor()`. */
export async function vendorEntry(ctx: Context, e: AtomEntry): Promise<AtomEntry> {
  return (await follow(ctx, e, 'vendor', `phones/vendors/${e.fields['vendor_uuid'] ?? ''}`))!;
}

/** Wraps a client entry in the class of its kind. */
export function wrapClient(k: Kit, kinds: typeof CLIENT_KINDS, ctx: Context, e: AtomEntry): Client {
  const kind = /\/services\/(syncml|activesync|datastore|google)\//.exec(e.links['self'] ?? e.atomId)?.[1] ?? e.fields['kind'] ?? '';
  if (!Object.hasOwn(kinds, kind)) throw k.protocolError(`Unknown SyncServer client kind for ${e.id}`);
  return new kinds[kind as keyof typeof kinds](ctx, e);
}

/** `Binding.source()` / `Binding.target()`. */
export async function side(k: Kit, kinds: typeof CLIENT_KINDS, ctx: Context, e: AtomEntry, rel: 'source' | 'target'): Promise<Client> {
  return wrapClient(k, kinds, ctx, (await follow(ctx, e, rel, `services/${e.fields[rel] || ''}`))!);
}

/** `SyncmlClient.sync()`: server-initiated sync. */
export async function sync(k: Kit, ctx: Context, clientUrl: string): Promise<void> {
  await ctx.transport.send('POST', `${clientUrl.replace(/\/$/, '')}/sync/`, k.buildEntry({}));
}

/** `ActivesyncClient.update()` fields: a password change needs the old one too. */
export function activesyncChanges(k: Kit, c: ActivesyncChanges, username: string | undefined): Record<string, FieldValue> {
  if (c.password !== undefined && c.oldPass === undefined) throw k.invalid('update', 'oldPass', 'required to change the password');
  return { client: { username: c.username ?? username, password: c.password, old_password: c.oldPass } };
}
