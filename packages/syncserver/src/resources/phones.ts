import { Collection } from '../collection.js';
import { Resource } from '../resource.js';
import { kit, rareOps } from './rare.js';
import type { AtomEntry } from '../atom/parse.js';
import type { Context } from '../context.js';

/** A handset manufacturer. Read-only: `update()`/`delete()` fail with `NotAllowedError`. @public */
export class Vendor extends Resource<{ name?: string }> {
  readonly kind = 'Vendor';
  /** Vendor name (`atom:title`). */
  get name(): string {
    return this.entry.title;
  }
  /** This vendor's models. */
  get models(): Models {
    return new Models(this.ctx, this.entry.links['models'] ?? new URL('models/', `${this.url.replace(/\/$/, '')}/`).href);
  }
}

/** A handset model. @public */
export class Model extends Resource<{ name?: string }> {
  readonly kind = 'Model';
  /** Model name (`atom:title`). */
  get name(): string {
    return this.entry.title;
  }
  /** URL of an image of the handset (`oc:image_url`). */
  get imageUrl(): string | undefined {
    return this.field('image_url');
  }
  /** The vendor's id (`oc:vendor_uuid`). */
  get vendorId(): string | undefined {
    return this.field('vendor_uuid');
  }
  /** Fetches the vendor (the `vendor` link). */
  async vendor(): Promise<Vendor> {
    return new Vendor(this.ctx, await (await rareOps()).vendorEntry(this.ctx, this.entry));
  }
}

/** The vendors collection (`/v2/phones/vendors/`; the list itself is `all.xml`, reference §2). @public */
export class Vendors extends Collection<Vendor> {
  protected readonly itemKind = 'Vendor';
  protected wrap(e: AtomEntry): Vendor {
    return new Vendor(this.ctx, e);
  }
  /** SyncServer lists vendors at `all.xml` (reference §2, documented). */
  protected override listUrl(): string {
    return new URL('all.xml', this.url).href;
  }
}

/**
 * A models collection: all models, or one vendor's. The detect methods need credentials and are
 * not limited by vendor (OCSS doc).
 * @public
 */
export class Models extends Collection<Model> {
  protected readonly itemKind = 'Model';
  protected wrap(e: AtomEntry): Model {
    return new Model(this.ctx, e);
  }
  /** Identifies a handset from its number alone: the model, or `null` when unknown. */
  async detectAuto(number: string): Promise<Model | null> {
    const e = await (await rareOps()).detectAuto(kit, this.ctx, number);
    return e && this.wrap(e);
  }

  /** Texts the phone an invitation to the detection page; returns the code for {@link Models.detectPoll}. */
  async detectManual(number: string): Promise<string> {
    return (await rareOps()).detectManual(kit, this.ctx, number);
  }

  /** The detected model, `false` when it could not be identified, `null` while the phone has not visited yet. A bad code → `ClientError`. */
  async detectPoll(code: string): Promise<Model | false | null> {
    const e = await (await rareOps()).detectPoll(kit, this.ctx, code);
    return e && this.wrap(e);
  }
}

/** Groups the phone database (OCSS `api.phones`): `vendors` and `models`. @public */
export class Phones {
  /** All vendors. */
  readonly vendors: Vendors;
  /** All models. */
  readonly models: Models;
  /** @internal */
  constructor(ctx: Context) {
    this.vendors = new Vendors(ctx, new URL('phones/vendors/', ctx.root).href);
    this.models = new Models(ctx, new URL('phones/models/', ctx.root).href);
  }
}
