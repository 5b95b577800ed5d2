import { Collection } from '../collection.js';
import { buildEntry } from '../atom/build.js';
import { invalid } from '../errors.js';
import { Bindings, type Binding } from './bindings.js';
import {
  ActivesyncClient,
  DatastoreClient,
  GDataClient,
  SyncmlClient,
  wrapClient,
  type Client,
} from './client-kinds.js';
import type { Model } from './phones.js';
import type { AtomEntry } from '../atom/parse.js';
import type { Context } from '../context.js';

function req(op: string, field: string, v: unknown, re = /./): string {
  if (typeof v !== 'string' || !re.test(v)) throw invalid(op, field, 'required');
  return v;
}

/** Arguments of {@link SyncmlClients.new}. @public */
export interface NewSyncmlClient {
  /** Phone number, E.164 (`+4799988877`). */
  phoneNumber: string;
  /** The phone model (instance or id). */
  model: Model | string;
  /** Olson time zone, e.g. `Europe/Oslo`. */
  timezone?: string;
  /** Device IMEI. */
  imei?: string;
}

/** SyncML clients (`/v2/services/syncml/`). @public */
export class SyncmlClients extends Collection<SyncmlClient> {
  protected readonly itemKind = 'SyncmlClient';
  protected wrap(e: AtomEntry): SyncmlClient {
    return new SyncmlClient(this.ctx, e);
  }
  /** Registers a phone. */
  async new(o: NewSyncmlClient): Promise<SyncmlClient> {
    const body = buildEntry({
      phone_number: req('syncml.new', 'phoneNumber', o?.phoneNumber, /^\+?[0-9 ()-]{3,20}$/),
      model_uuid: req('syncml.new', 'model', typeof o.model === 'string' ? o.model : o.model?.id),
      timezone: o.timezone,
      imei: o.imei,
    });
    return this.create(body);
  }
  /** @internal */
  protected async create(body: string): Promise<SyncmlClient> {
    const c = this.wrap(await this.ctx.transport.entry('POST', this.url, body));
    this.refresh();
    return c;
  }
}

/** ActiveSync clients (`/v2/services/activesync/`). @public */
export class ActivesyncClients extends Collection<ActivesyncClient> {
  protected readonly itemKind = 'ActivesyncClient';
  protected wrap(e: AtomEntry): ActivesyncClient {
    return new ActivesyncClient(this.ctx, e);
  }
  /** Creates an ActiveSync account. */
  async new(o: { username: string; password: string }): Promise<ActivesyncClient> {
    const body = buildEntry({ client: { username: req('activesync.new', 'username', o?.username), password: req('activesync.new', 'password', o.password) } });
    const c = this.wrap(await this.ctx.transport.entry('POST', this.url, body));
    this.refresh();
    return c;
  }
}

/** Datastore clients (`/v2/services/datastore/`). @public */
export class DatastoreClients extends Collection<DatastoreClient> {
  protected readonly itemKind = 'DatastoreClient';
  protected wrap(e: AtomEntry): DatastoreClient {
    return new DatastoreClient(this.ctx, e);
  }
  /** Creates a datastore (one per end-user account). */
  async new(o: { name: string; foreignUserId?: string }): Promise<DatastoreClient> {
    const body = buildEntry({ name: req('datastore.new', 'name', o?.name), foreign_user_id: o.foreignUserId });
    const c = this.wrap(await this.ctx.transport.entry('POST', this.url, body));
    this.refresh();
    return c;
  }
}

/** GData clients (`/v2/services/google/`). @public */
export class GDataClients extends Collection<GDataClient> {
  protected readonly itemKind = 'GDataClient';
  protected wrap(e: AtomEntry): GDataClient {
    return new GDataClient(this.ctx, e);
  }
  /** Creates a GData client for `userId` (for GMail, the address). */
  async new(userId: string): Promise<GDataClient> {
    const body = buildEntry({ user_id: req('gdata.new', 'userId', userId) }, userId);
    const c = this.wrap(await this.ctx.transport.entry('POST', this.url, body));
    this.refresh();
    return c;
  }
}

/**
 * Every client of the caller, any kind (read-only: create through the sub-collections).
 * @public
 */
export class Clients extends Collection<Client> {
  protected readonly itemKind = 'Client';
  /** SyncML phones. */
  readonly syncml: SyncmlClients;
  /** ActiveSync accounts. */
  readonly activesync: ActivesyncClients;
  /** Server-side datastores. */
  readonly datastore: DatastoreClients;
  /** Google Data accounts. */
  readonly gdata: GDataClients;
  /** Sync relationships between clients. */
  readonly bindings: Bindings;

  /** @internal */
  constructor(ctx: Context) {
    super(ctx, new URL('services/', ctx.root).href);
    const at = (p: string): string => new URL(p, ctx.root).href;
    this.syncml = new SyncmlClients(ctx, at('services/syncml/'));
    this.activesync = new ActivesyncClients(ctx, at('services/activesync/'));
    this.datastore = new DatastoreClients(ctx, at('services/datastore/'));
    this.gdata = new GDataClients(ctx, at('services/google/'));
    this.bindings = new Bindings(ctx, at('syncengine/bindings/'));
  }
  protected wrap(e: AtomEntry): Client {
    return wrapClient(this.ctx, e);
  }
  /** Binds two clients; same as `bindings.new(source, target)`. */
  bind(source: Client | string, target: Client | string): Promise<Binding> {
    return this.bindings.new(source, target);
  }
}
