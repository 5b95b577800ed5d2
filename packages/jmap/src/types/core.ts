/**
 * RFC 8620 (JMAP core) wire types.
 * @packageDocumentation
 */

/** The JMAP Session resource (RFC 8620 §2), with URLs already resolved to absolute ones. @public */
export interface JMAPSession {
  /** Capabilities the server supports, by URN. */
  readonly capabilities: Readonly<Record<string, Record<string, unknown>>>;
  /** Accounts by id. */
  readonly accounts: Readonly<Record<string, JMAPAccount>>;
  /** Primary account id per capability. */
  readonly primaryAccounts: Readonly<Record<string, string>>;
  /** Username the credentials belong to. */
  readonly username: string;
  /** Absolute API URL (Cyrus sends a relative `/jmap/`; it is resolved against the session URL). */
  readonly apiUrl: string;
  /** Download URL template (absolute). */
  readonly downloadUrl: string | undefined;
  /** Upload URL template (absolute). */
  readonly uploadUrl: string | undefined;
  /** Event source URL template (absolute). */
  readonly eventSourceUrl: string | undefined;
  /** Session state; a different `sessionState` in an API response means this object is stale. */
  readonly state: string;
  /** The URL the session was finally read from (after redirects). */
  readonly url: string;
  /** The session object exactly as received. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** One account of the session (RFC 8620 §2). @public */
export interface JMAPAccount {
  readonly name: string;
  readonly isPersonal: boolean;
  readonly isReadOnly: boolean;
  readonly accountCapabilities: Readonly<Record<string, Record<string, unknown>>>;
}

/** A result reference (RFC 8620 §3.7): `"#ids": { resultOf, name, path }`. @public */
export interface ResultReference {
  /** Call id of an earlier call in the same request. */
  readonly resultOf: string;
  /** Its method name (the server checks it). */
  readonly name: string;
  /** JSON Pointer into that call's result, `*` maps over arrays. */
  readonly path: string;
}

/** A raw method invocation `[name, arguments, callId]` (RFC 8620 §3.2). @public */
export type Invocation = readonly [name: string, args: Record<string, unknown>, callId: string];

/** A SetError (RFC 8620 §5.3). @public */
export interface SetError {
  readonly type: string;
  readonly description?: string;
  /** For `invalidProperties`: the offending properties. */
  readonly properties?: readonly string[];
  readonly [extra: string]: unknown;
}

/** Arguments of `Foo/get` (RFC 8620 §5.1). @public */
export interface GetArgs {
  accountId?: string;
  /** `null` means all objects. */
  ids?: readonly string[] | null;
  properties?: readonly string[] | null;
  [extra: string]: unknown;
}

/** Response of `Foo/get`. @public */
export interface GetResponse<T> {
  accountId: string;
  state: string;
  list: T[];
  notFound: string[];
}

/** Arguments of `Foo/changes` (RFC 8620 §5.2). @public */
export interface ChangesArgs {
  accountId?: string;
  sinceState: string;
  maxChanges?: number | null;
  [extra: string]: unknown;
}

/** Response of `Foo/changes`. @public */
export interface ChangesResponse {
  accountId: string;
  oldState: string;
  newState: string;
  hasMoreChanges: boolean;
  created: string[];
  updated: string[];
  destroyed: string[];
}

/** A PatchObject (RFC 8620 §5.3): JSON Pointer paths (without the leading `/`) to new values; `null` removes. @public */
export type PatchObject = Record<string, unknown>;

/** Arguments of `Foo/set` (RFC 8620 §5.3). @public */
export interface SetArgs<T> {
  accountId?: string;
  ifInState?: string | null;
  create?: Record<string, Partial<T> & Record<string, unknown>> | null;
  update?: Record<string, PatchObject> | null;
  destroy?: readonly string[] | null;
  [extra: string]: unknown;
}

/** Response of `Foo/set`. @public */
export interface SetResponse<T> {
  accountId: string;
  oldState: string | null;
  newState: string;
  created: Record<string, Partial<T> & { id: string }> | null;
  updated: Record<string, Partial<T> | null> | null;
  destroyed: string[] | null;
  notCreated: Record<string, SetError> | null;
  notUpdated: Record<string, SetError> | null;
  notDestroyed: Record<string, SetError> | null;
}

/** A sort criterion of `Foo/query` (RFC 8620 §5.5). @public */
export interface Comparator {
  property: string;
  isAscending?: boolean;
  collation?: string;
}

/** Arguments of `Foo/query` (RFC 8620 §5.5). @public */
export interface QueryArgs<F> {
  accountId?: string;
  filter?: F | { operator: 'AND' | 'OR' | 'NOT'; conditions: F[] } | null;
  sort?: Comparator[] | null;
  position?: number;
  anchor?: string | null;
  anchorOffset?: number;
  limit?: number | null;
  calculateTotal?: boolean;
  [extra: string]: unknown;
}

/** Response of `Foo/query`. @public */
export interface QueryResponse {
  accountId: string;
  queryState: string;
  canCalculateChanges: boolean;
  position: number;
  ids: string[];
  total?: number;
  limit?: number;
}
