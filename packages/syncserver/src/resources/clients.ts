import { Collection } from '../collection.js';
import { buildEntry } from '../atom/build.js';
import { invalid } from '../errors.js';
import { kit, rareOps } from './rare.js';
import { Bindings, type Binding } from './bindings.js';
import {
  ActivesyncClient,
  DatastoreClient,
  GDataClient,
  SyncmlClient,
  CLIENT_KINDS,
  type Client,
} from './client-kinds.js';
import type { Model } from './phones.js';
import type { AtomEntry } from '../atom/parse.js';
import type { Context } from '../context.js';

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
    return this.create((await rareOps()).syncmlBody(kit, o));
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
    return this.create((await rareOps()).activesyncBody(kit, o));
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
    if (typeof o?.name !== 'string' || !o.name) throw invalid('datastore.new', 'name', 'required');
    return this.create(buildEntry({ name: o.name, foreign_user_id: o.foreignUserId }));
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
    return this.create((await rareOps()).gdataBody(kit, userId));
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
  protected async wrap(e: AtomEntry): Promise<Client> {
    return (await rareOps()).wrapClient(kit, CLIENT_KINDS, this.ctx, e);
  }
  /** Binds two clients; same as `bindings.new(source, target)`. */
  bind(source: Client | string, target: Client | string): Promise<Binding> {
    return this.bindings.new(source, target);
  }
}
