import type { AtomEntry } from './atom/parse.js';
import type { FieldValue } from './atom/build.js';
import { buildEntry } from './atom/build.js';
import type { Context } from './context.js';

/**
 * What every SyncServer object has (OCSS "Resources"): `id`, `created`, `modified`, `delete()`,
 * `update(changes)`, `refresh()` and `equals()`.
 * @public
 */
export abstract class Resource<Changes extends object = Record<string, never>> {
  /** The kind, for messages and `equals` (`Vendor`, `SyncmlClient`, …). */
  abstract readonly kind: string;
  /** @internal */ protected entry: AtomEntry;
  /** @internal */ protected readonly ctx: Context;

  /** @internal */
  constructor(ctx: Context, entry: AtomEntry) {
    this.ctx = ctx;
    this.entry = entry;
  }

  /** Resource id: a UUID for clients and phones, a number (as a string) for bindings. */
  get id(): string {
    return this.entry.id;
  }
  /** Creation time (`atom:published`), when the server gives it. */
  get created(): Date | undefined {
    return this.entry.published;
  }
  /** Last modification (`atom:updated`), when the server gives it. */
  get modified(): Date | undefined {
    return this.entry.updated;
  }
  /** The entry's URL (its `self` link, rebased onto the configured origin, see `Transport.url`). */
  get url(): string {
    const self = this.entry.links['self'];
    return self ? this.ctx.transport.url(self) : '';
  }
  /** Where PUT and DELETE go: the `edit` link (`…/edit` for GData, reference §3.4), else self. */
  protected get editUrl(): string {
    return this.entry.links['edit'] ?? this.url;
  }

  /** The `oc:` fields a PUT sends for `changes`; read-only kinds still send them (the server answers 405/403). */
  protected toFields(changes: Changes): Record<string, FieldValue> | Promise<Record<string, FieldValue>> {
    return { ...changes } as Record<string, FieldValue>;
  }
  /** Title sent with a PUT. */
  protected get putTitle(): string | undefined {
    return this.entry.title || undefined;
  }

  /** Deletes the resource on the server. */
  async delete(): Promise<void> {
    await this.ctx.transport.send('DELETE', this.editUrl);
  }

  /** Sends `changes` with PUT and takes the server's answer as the new state. */
  async update(changes: Changes = {} as Changes): Promise<this> {
    this.entry = await this.ctx.transport.entry('PUT', this.editUrl, buildEntry(await this.toFields(changes), this.putTitle));
    return this;
  }

  /** Drops the local state and fetches the resource again. */
  async refresh(): Promise<this> {
    this.entry = await this.ctx.transport.entry('GET', this.url);
    return this;
  }

  /** True when `other` is the same kind of resource with the same id (two objects, one resource). */
  equals(other: unknown): boolean {
    return other instanceof Resource && other.kind === this.kind && other.id === this.id;
  }

  /** @internal */
  protected field(name: string): string | undefined {
    return this.entry.fields[name] || undefined;
  }
}
