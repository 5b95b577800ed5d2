/**
 * `@cal/core/node`: Node-only helpers. `createNodeFetch` builds a `fetch` with a proxy, TLS
 * verification switch and custom CAs on `undici` (optional peer dependency, loaded on first use).
 * @packageDocumentation
 */
export { createNodeFetch, type NodeFetchOptions } from './node/create-node-fetch.js';
export type { ProxyOption, ProxySettings } from './node/proxy-url.js';
export type { UndiciModule } from './node/undici-types.js';
