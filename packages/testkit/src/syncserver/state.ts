import { randomUUID } from 'node:crypto';
import { seedPhoneDb, type SimModel, type SimVendor } from './phone-db.js';

export type ClientKind = 'syncml' | 'activesync' | 'datastore' | 'google';

interface BaseClient {
  id: string;
  owner: string;
  created: Date;
  modified: Date;
}
export interface SyncmlRecord extends BaseClient {
  kind: 'syncml';
  phoneNumber: string;
  modelId: string;
  timezone: string;
  imei?: string;
}
export interface ActivesyncRecord extends BaseClient {
  kind: 'activesync';
  username: string;
  password: string;
}
export interface DatastoreRecord extends BaseClient {
  kind: 'datastore';
  name: string;
  foreignUserId?: string;
}
export interface GDataStoreRecord {
  dataclass: string;
  url: string;
  name: string;
  key: string;
  secret: string;
  scopes: string[];
  tokenType: number;
}
export interface GoogleRecord extends BaseClient {
  kind: 'google';
  userId: string;
  datastores: GDataStoreRecord[];
}
export type ClientRecord = SyncmlRecord | ActivesyncRecord | DatastoreRecord | GoogleRecord;

export interface ContentRecord {
  id: string;
  store: string;
  data: string;
  type: string;
  dataclass: string;
  title: string;
  created: Date;
  modified: Date;
  deleted?: Date;
}
export interface ChangeRecord {
  contentId: string;
  store: string;
  op: 'insert' | 'update' | 'delete';
  at: Date;
}
export interface BindingRecord {
  id: number;
  owner: string;
  source: string;
  target: string;
  dominant: 'source' | 'target';
  created: Date;
  modified: Date;
}
export interface PhoneBindingRecord {
  id: number;
  owner: string;
  modelId: string;
  phoneNumber: string;
  foreignUserId: string;
  timezone: string;
  syncml: string;
  datastore: string;
  created: Date;
  setups: { pincode: string; at: Date }[];
}
export interface DetectionRecord {
  code: string;
  phoneNumber: string;
  /** undefined: not visited yet; null: visited, not identified; else the model id. */
  result?: string | null;
}
/** A text message the simulated service "sent". */
export interface SentSms {
  to: string;
  kind: 'setup' | 'detect';
  pincode?: string;
  code?: string;
  at: Date;
}

/** Everything the simulated service stores. @public */
export class SyncServerState {
  vendors: SimVendor[] = [];
  models: SimModel[] = [];
  clients = new Map<string, ClientRecord>();
  contents = new Map<string, ContentRecord>();
  changes: ChangeRecord[] = [];
  bindings = new Map<number, BindingRecord>();
  phoneBindings = new Map<number, PhoneBindingRecord>();
  detections = new Map<string, DetectionRecord>();
  /** Numbers `detectAuto` recognises → model id. */
  autoDetect = new Map<string, string>();
  sms: SentSms[] = [];
  syncRequests: { clientId: string; at: Date }[] = [];
  private nextBinding = 1;
  private offsetMs = 0;
  private fixed: Date | undefined;

  constructor() {
    this.reset();
  }

  reset(): void {
    const db = seedPhoneDb();
    this.vendors = db.vendors;
    this.models = db.models;
    this.clients.clear();
    this.contents.clear();
    this.changes = [];
    this.bindings.clear();
    this.phoneBindings.clear();
    this.detections.clear();
    this.autoDetect = new Map([['+4799988877', this.models[0]!.id]]);
    this.sms = [];
    this.syncRequests = [];
    this.nextBinding = 1;
    this.offsetMs = 0;
    this.fixed = undefined;
  }

  /** Service time, whole seconds (Atom timestamps carry seconds only). */
  now(): Date {
    const ms = this.fixed ? this.fixed.getTime() : Date.now() + this.offsetMs;
    return new Date(Math.floor(ms / 1000) * 1000);
  }
  /** Moves service time forward (data timestamps only; OAuth timestamps use real time). */
  advance(seconds: number): void {
    if (this.fixed) this.fixed = new Date(this.fixed.getTime() + seconds * 1000);
    else this.offsetMs += seconds * 1000;
  }
  /** Pins service time. */
  setNow(date: Date | undefined): void {
    this.fixed = date;
  }

  newId(): string {
    return randomUUID();
  }
  newBindingId(): number {
    return this.nextBinding++;
  }

  ownedClient(owner: string, id: string, kind?: ClientKind): ClientRecord | undefined {
    const c = this.clients.get(id);
    return c && c.owner === owner && (!kind || c.kind === kind) ? c : undefined;
  }

  logChange(c: ContentRecord, op: ChangeRecord['op']): void {
    this.changes.push({ contentId: c.id, store: c.store, op, at: this.now() });
  }
}
