/** Records → Atom entries, with absolute hrefs like the documented examples. */
import type { EntrySpec } from './atom.js';
import type { SimModel, SimVendor } from './phone-db.js';
import type { BindingRecord, ClientRecord, ContentRecord, PhoneBindingRecord, SyncServerState } from './state.js';

export class Presenter {
  constructor(
    private readonly root: () => string,
    private readonly state: SyncServerState,
  ) {}
  url(path: string): string {
    return `${this.root()}${path}`;
  }

  vendor(v: SimVendor): EntrySpec {
    const self = this.url(`/v2/phones/vendors/${v.id}`);
    const count = this.state.models.filter((m) => m.vendorId === v.id).length;
    return { self, title: v.name, links: { models: `${self}/models/` }, fields: { vendor_uuid: v.id, model_count: String(count) } };
  }

  model(m: SimModel): EntrySpec {
    return {
      self: this.url(`/v2/phones/models/${m.id}`),
      title: m.name,
      links: { vendor: this.url(`/v2/phones/vendors/${m.vendorId}`) },
      fields: { model_uuid: m.id, vendor_uuid: m.vendorId, image_url: m.imageUrl },
    };
  }

  client(c: ClientRecord): EntrySpec {
    const path = `/v2/services/${c.kind}/${c.id}`;
    const self = this.url(path);
    const base = { self, author: c.owner, published: c.created, updated: c.modified };
    switch (c.kind) {
      case 'syncml':
        return {
          ...base,
          title: c.phoneNumber,
          links: { model: this.url(`/v2/phones/models/${c.modelId}`) },
          fields: { uuid: c.id, phone_number: c.phoneNumber, model_uuid: c.modelId, timezone: c.timezone, imei: c.imei },
        };
      case 'activesync':
        // Reference §4.2: title = uuid, content held out of line, fields in <client xmlns=oc>.
        return { ...base, title: c.id, content: { src: self, type: 'text/html' }, wrapClient: true, fields: { uuid: c.id, user_id: c.owner, username: c.username } };
      case 'datastore': {
        const n = [...this.state.contents.values()].filter((x) => x.store === c.id && !x.deleted).length;
        // Reference §4.4: atom:id is urn:uuid, content "Content lines: n".
        return {
          ...base,
          id: `urn:uuid:${c.id}`,
          title: c.name,
          content: { text: `Content lines: ${n}`, type: 'text' },
          links: { contents: `${self}/content/` },
          fields: { uuid: c.id, name: c.name, foreign_user_id: c.foreignUserId },
        };
      }
      case 'google':
        // Reference §3.4: the edit link carries an /edit suffix.
        return {
          ...base,
          title: c.userId,
          edit: `${self}/edit`,
          fields: { uuid: c.id, user_id: c.userId, datastore: c.datastores.map((d) => ({ dataclass: d.dataclass, url: d.url, name: d.name })) },
        };
    }
  }

  content(c: ContentRecord, operation?: string): EntrySpec {
    return {
      self: this.url(`/v2/services/datastore/content/${c.id}`),
      title: c.title,
      published: c.created,
      updated: c.deleted ?? c.modified,
      links: { datastore: this.url(`/v2/services/datastore/${c.store}`) },
      fields: {
        datastore: c.store,
        dataclass: c.dataclass,
        type: c.type,
        data: c.deleted ? undefined : c.data,
        operation,
      },
    };
  }

  binding(b: BindingRecord): EntrySpec {
    const self = this.url(`/v2/syncengine/bindings/${b.id}`);
    const link = (id: string): string => {
      const c = this.state.clients.get(id);
      return this.url(`/v2/services/${c?.kind ?? 'clients'}/${id}`);
    };
    return {
      id: `${self}/`,
      self,
      title: `Binding ${b.id}`,
      published: b.created,
      updated: b.modified,
      author: b.owner,
      links: { source: link(b.source), target: link(b.target) },
      fields: { source: b.source, target: b.target, dominant: b.dominant },
    };
  }

  phoneBinding(b: PhoneBindingRecord, extra: Record<string, string> = {}): EntrySpec {
    const self = this.url(`/v2/syncengine/phone_datastore_bindings/${b.id}`);
    return {
      id: `${self}/`,
      self,
      title: b.phoneNumber,
      published: b.created,
      updated: b.created,
      author: b.owner,
      links: { syncml_client: this.url(`/v2/services/syncml/${b.syncml}`), datastore_client: this.url(`/v2/services/datastore/${b.datastore}`) },
      fields: { model_uuid: b.modelId, phone_number: b.phoneNumber, foreign_user_id: b.foreignUserId, timezone: b.timezone, ...extra },
    };
  }
}
