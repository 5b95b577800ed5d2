/**
 * `@cal/syncserver`: a client for the ObexCode SyncServer API v2 (Atom feeds over OAuth 1.0) with
 * the object model of ObexCode's Python client OCSS.
 * @packageDocumentation
 */
export { SyncServerAPI, type SyncServerOptions } from './api.js';
export { SyncServerAuth } from './oauth1/syncserver-auth.js';
export { ClientError, ConnectionError, NotAllowedError, NotFoundError, OCSSAPIError, ServerError } from './errors.js';
export { Resource } from './resource.js';
export { Collection } from './collection.js';
export { Phones, Vendor, Vendors, Model, Models } from './resources/phones.js';
export {
  Clients,
  SyncmlClients,
  ActivesyncClients,
  DatastoreClients,
  GDataClients,
  type NewSyncmlClient,
} from './resources/clients.js';
export {
  SyncmlClient,
  ActivesyncClient,
  DatastoreClient,
  GDataClient,
  type Client,
  type SyncmlChanges,
  type ActivesyncChanges,
  type DatastoreChanges,
  type GDataChanges,
  type GDataDatastore,
  type AddDatastoreOptions,
} from './resources/client-kinds.js';
export { Content, ContentCollection, type ContentChanges, type ContentFilter, type ContentOperation } from './resources/content.js';
export { Binding, Bindings } from './resources/bindings.js';
export { Transport } from './transport.js';
export { ATOM_NS, OC_NS } from './atom/namespaces.js';
export { parseEntry, parseFeed, type AtomEntry } from './atom/parse.js';
export { formatCompactDate } from './atom/dates.js';
export { percentEncode } from './oauth1/percent-encode.js';
export { baseStringUri, normalizeParams, signatureBaseString, type OAuthParam } from './oauth1/base-string.js';
export { authorizationHeader, createNonce, hmacSha1, signRequest, signingKey, type SignInput, type SignatureMethod } from './oauth1/sign.js';
