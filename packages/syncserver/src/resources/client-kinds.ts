import { Resource } from '../resource.js';
import { Model } from './phones.js';
import { ContentCollection } from './content.js';
import type { AtomEntry } from '../atom/parse.js';
import type { FieldValue } from '../atom/build.js';
import { kit, rareOps } from './rare.js';

/** Changes a SyncML client accepts in `update()`; SyncServer refuses PUT on SyncML clients (405, reference §1). @public */
export interface SyncmlChanges {
  phoneNumber?: string;
  timezone?: string;
  imei?: string;
}

/** A phone that syncs over SyncML (`/v2/services/syncml/<uuid>`). @public */
export class SyncmlClient extends Resource<SyncmlChanges> {
  readonly kind = 'SyncmlClient';
  /** IMEI of the device, if any. */
  get imei(): string | undefined {
    return this.field('imei');
  }
  /** Phone number (E.164). */
  get phoneNumber(): string | undefined {
    return this.field('phone_number');
  }
  /** Olson time zone registered for the device. */
  get timezone(): string | undefined {
    return this.field('timezone');
  }
  /** Id of the device's phone model (`oc:model_uuid`). */
  get modelId(): string | undefined {
    return this.field('model_uuid');
  }
  /** Fetches the device's phone {@link Model} (the `model` link). */
  async model(): Promise<Model | undefined> {
    const e = await (await rareOps()).modelEntry(this.ctx, this.entry);
    return e && new Model(this.ctx, e);
  }
  protected override toFields(c: SyncmlChanges): Record<string, FieldValue> {
    return { phone_number: c.phoneNumber, timezone: c.timezone, imei: c.imei };
  }
  /** Sends the OTA setup SMS; `pincode` (4–8 digits) unlocks it on the phone. */
  async sendSetup(pincode: string): Promise<void> {
    await (await rareOps()).sendSetup(kit, this.ctx, this.id, pincode);
  }
  /** Asks the server to start a sync with the device (server-initiated sync). */
  async sync(): Promise<void> {
    await (await rareOps()).sync(kit, this.ctx, this.url);
  }
}

/** ActiveSync `update()` changes; a password change needs the old one too. @public */
export interface ActivesyncChanges {
  username?: string;
  password?: string;
  oldPass?: string;
}

/** An ActiveSync (Exchange protocol) account (`/v2/services/activesync/<uuid>`). @public */
export class ActivesyncClient extends Resource<ActivesyncChanges> {
  readonly kind = 'ActivesyncClient';
  /** The account's user name. */
  get username(): string | undefined {
    return this.field('username');
  }
  /** Portal user owning it (`oc:user_id`). */
  get userId(): string | undefined {
    return this.field('user_id');
  }
  protected override async toFields(c: ActivesyncChanges): Promise<Record<string, FieldValue>> {
    return (await rareOps()).activesyncChanges(kit, c, this.username);
  }
}

/** Datastore `update()` changes. @public */
export interface DatastoreChanges {
  name?: string;
}

/** A server-side datastore holding raw content (`/v2/services/datastore/<uuid>`). @public */
export class DatastoreClient extends Resource<DatastoreChanges> {
  readonly kind = 'DatastoreClient';
  /** The datastore's custom name. */
  get name(): string {
    return this.field('name') ?? this.entry.title;
  }
  /** Caller's own id for the end user, when set. */
  get foreignUserId(): string | undefined {
    return this.field('foreign_user_id');
  }
  /** The datastore's contents. */
  get contents(): ContentCollection {
    return new ContentCollection(this.ctx, `${this.url.replace(/\/$/, '')}/content/`);
  }
  protected override toFields(c: DatastoreChanges): Record<string, FieldValue> {
    return { name: c.name };
  }
  protected override get putTitle(): string | undefined {
    return undefined;
  }
}

/** A datastore registered against a GData client (OCSS `datastores` items). @public */
export interface GDataDatastore {
  dataclass: string;
  url: string;
  name: string;
}

/** Arguments of {@link GDataClient.addDatastore}. @public */
export interface AddDatastoreOptions {
  /** `Contacts` or `Calendar`. */
  dataclass: 'Contacts' | 'Calendar';
  /** Where the datastore's GData interface lives. */
  url: string;
  /** Token key for the datastore. */
  key: string;
  /** Token secret for the datastore. */
  secret: string;
  /** Base URLs the token is valid for. */
  scopes: readonly string[];
  /** Custom name; the dataclass when omitted. */
  name?: string;
  /** 1 = request token, 2 = access token (default). */
  tokenType?: 1 | 2;
}

/** GData `update()` changes. @public */
export interface GDataChanges {
  userId?: string;
}

/** A Google Data account (`/v2/services/google/<uuid>`; PUT/DELETE on its `/edit` link). @public */
export class GDataClient extends Resource<GDataChanges> {
  readonly kind = 'GDataClient';
  /** The account's user id, e.g. a GMail address (`atom:title`, reference §4.3). */
  get userId(): string {
    return this.field('user_id') ?? this.entry.title;
  }
  /** Datastores registered against this client. */
  get datastores(): GDataDatastore[] {
    return this.entry.elements
      .filter((e) => e.local === 'datastore')
      .map((e) => {
        const t = (n: string): string => e.children.find((c) => c.local === n)?.text.trim() ?? '';
        return { dataclass: t('dataclass'), url: t('url'), name: t('name') };
      });
  }
  protected override toFields(c: GDataChanges): Record<string, FieldValue> {
    return { user_id: c.userId };
  }
  protected override get putTitle(): string | undefined {
    return undefined;
  }
  /** Registers a datastore against this client; the client's state is refreshed from the answer. */
  async addDatastore(o: AddDatastoreOptions): Promise<this> {
    await (await rareOps()).addDatastore(kit, this.ctx, this.url, o);
    return this.refresh();
  }
}

/** Any client kind. @public */
export type Client = SyncmlClient | ActivesyncClient | DatastoreClient | GDataClient;

/** Client classes by the kind in their URL (`/services/<kind>/<uuid>`, reference §1) or `oc:kind`. @internal */
export const CLIENT_KINDS = { syncml: SyncmlClient, activesync: ActivesyncClient, datastore: DatastoreClient, google: GDataClient, gdata: GDataClient };
