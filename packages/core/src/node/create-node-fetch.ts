import { ValidationError } from '../errors/classes.js';
import type { FetchLike } from '../http/types.js';
import { resolveProxy, type ProxyOption } from './proxy-url.js';
import type { UndiciModule } from './undici-types.js';

/** Options of {@link createNodeFetch}. @public */
export interface NodeFetchOptions {
  /** Send every request through this HTTP(S) proxy (CONNECT tunnel), optionally with Basic credentials. */
  proxy?: ProxyOption;
  /**
   * Verify the server's TLS certificate (O365 `verify_ssl`). `false` accepts any certificate: only for
   * test servers — it removes all protection against interception.
   * @default true
   */
  verifySsl?: boolean;
  /** Extra trusted CA certificate(s), PEM (a corporate TLS-inspecting proxy, a private CA). */
  ca?: string | Uint8Array | readonly (string | Uint8Array)[];
  /** The undici module, or a loader; default `import('undici')` on first use. */
  undici?: UndiciModule | (() => Promise<UndiciModule>);
}

/** A non-literal specifier so bundlers leave the optional peer alone instead of trying to bundle it. */
const UNDICI = 'undici';
const load = (): Promise<UndiciModule> => import(/* @vite-ignore */ UNDICI) as Promise<UndiciModule>;

/**
 * A `fetch` for Node with a proxy, TLS verification switch and custom CAs — O365's `proxy_*` and
 * `verify_ssl` options — to pass as `fetch` to any `@cal/*` client. Built on `undici` (an optional
 * peer dependency: `npm i undici`), imported on the first request so browsers and bundles never see
 * it. Without any option it is the global fetch.
 * @example
 * ```ts
 * import { createNodeFetch } from '@cal/core/node';
 * const con = new GraphConnection({ clientId, clientSecret, fetch: createNodeFetch({ proxy: { server: 'proxy.corp', port: 3128 } }) });
 * ```
 * @public
 */
export function createNodeFetch(options: NodeFetchOptions = {}): FetchLike {
  const proxy = options.proxy === undefined ? undefined : resolveProxy(options.proxy);
  const verify = options.verifySsl ?? true;
  if (typeof verify !== 'boolean') {
    throw new ValidationError('verifySsl must be a boolean', { provider: 'core', operation: 'createNodeFetch', details: [{ field: 'verifySsl', description: 'boolean' }] });
  }
  const ca = options.ca === undefined ? undefined : (Array.isArray(options.ca) ? options.ca : [options.ca]).map((c) => (typeof c === 'string' ? c : new TextDecoder().decode(c as Uint8Array)));
  if (!proxy && verify && !ca) return (input, init) => globalThis.fetch(input, init);

  let ready: Promise<{ undici: UndiciModule; dispatcher: object }> | undefined;
  const setup = async () => {
    let undici: UndiciModule;
    try {
      undici = typeof options.undici === 'object' ? options.undici : await (options.undici ?? load)();
    } catch (cause) {
      throw new ValidationError('createNodeFetch needs the optional peer dependency "undici" for proxy / verifySsl / ca: npm install undici', {
        cause,
        provider: 'core',
        operation: 'createNodeFetch',
        details: [{ field: 'undici', description: 'install undici' }],
      });
    }
    const tls = { rejectUnauthorized: verify, ...(ca ? { ca } : {}) };
    const dispatcher = proxy
      ? new undici.ProxyAgent({ uri: proxy.uri, ...(proxy.token ? { token: proxy.token } : {}), requestTls: tls, proxyTls: tls })
      : new undici.Agent({ connect: tls });
    return { undici, dispatcher };
  };

  return async (input, init) => {
    ready ??= setup().catch((e: unknown) => {
      ready = undefined;
      throw e;
    });
    const { undici, dispatcher } = await ready;
    // undici's fetch only understands its own Request class: pass a URL + init instead.
    if (input instanceof Request) {
      const hasBody = input.body !== null && input.method !== 'GET' && input.method !== 'HEAD';
      const fromRequest: Record<string, unknown> = {
        method: input.method,
        headers: [...input.headers],
        signal: input.signal,
        redirect: input.redirect,
        ...(hasBody ? { body: await input.arrayBuffer() } : {}),
      };
      return undici.fetch(input.url, { ...fromRequest, ...(init as Record<string, unknown> | undefined), dispatcher });
    }
    return undici.fetch(input, { ...(init as Record<string, unknown> | undefined), dispatcher });
  };
}
