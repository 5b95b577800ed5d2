import { Collection } from '../collection.js';
import { Resource } from '../resource.js';
import { kit, rareOps } from './rare.js';
import { CLIENT_KINDS, type Client } from './client-kinds.js';
import type { AtomEntry } from '../atom/parse.js';

/** A sync relationship between two clients (`/v2/syncengine/bindings/<n>`). @public */
export class Binding extends Resource<{ dominant?: 'source' | 'target' }> {
  readonly kind = 'Binding';
  /** Which side wins conflicting changes: `source` (default) or `target`. */
  get dominant(): 'source' | 'target' {
    return this.field('dominant') === 'target' ? 'target' : 'source';
  }
  /** Id of the source client. */
  get sourceId(): string {
    return this.field('source') ?? '';
  }
  /** Id of the target client. */
  get targetId(): string {
    return this.field('target') ?? '';
  }
  /** Fetches the source client (the `source` link). */
  async source(): Promise<Client> {
    return this.side('source');
  }
  /** Fetches the target client (the `target` link). */
  async target(): Promise<Client> {
    return this.side('target');
  }
  private async side(rel: 'source' | 'target'): Promise<Client> {
    return (await rareOps()).side(kit, CLIENT_KINDS, this.ctx, this.entry, rel);
  }
}

/** The bindings collection. @public */
export class Bindings extends Collection<Binding> {
  protected readonly itemKind = 'Binding';
  protected wrap(e: AtomEntry): Binding {
    return new Binding(this.ctx, e);
  }
  /** Binds two clients (instances or ids); `source` wins conflicts. */
  async new(source: Client | string, target: Client | string): Promise<Binding> {
    return this.create((await rareOps()).bindingBody(kit, source, target));
  }
}
