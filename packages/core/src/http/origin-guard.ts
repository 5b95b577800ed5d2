import { ProtocolError } from '../errors/classes.js';

/**
 * Which origins may receive credentials. A URL handed back by a server (a next-page link, a
 * `Location`, JMAP's `apiUrl`) is requested with credentials only when its origin is the
 * client's own or one listed here. This is what stops a hostile `@odata.nextLink` or Cronofy
 * `next_page` from exfiltrating a token.
 * @public
 */
export interface OriginPolicy {
  /** Extra exact origins (`https://graph.microsoft.com`) or patterns allowed to get credentials. */
  allow?: readonly (string | RegExp)[];
  /** Allow credentials over plain `http:` to non-loopback hosts. @default false */
  allowInsecureHttp?: boolean;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** True for `localhost`, 127.0.0.0/8 and `[::1]`. @public */
export function isLoopback(url: URL): boolean {
  return LOOPBACK.test(url.hostname);
}

/**
 * Throws `ProtocolError` unless `url` may receive credentials under the policy.
 * @param base - the client's own base URL; its origin is always allowed
 * @public
 */
export function assertCredentialOrigin(url: URL, base: URL | undefined, policy: OriginPolicy = {}, provider?: string): void {
  const allowed =
    url.origin === base?.origin ||
    policy.allow?.some((a) => (typeof a === 'string' ? safeOrigin(a) === url.origin : a.test(url.origin)));
  if (!allowed) {
    throw new ProtocolError(`Credentials refused for foreign origin ${url.origin}`, { url, provider });
  }
  assertSecureTransport(url, policy, provider);
}

/** Throws `ProtocolError` for credentials over `http:` to a non-loopback host, unless allowed. @public */
export function assertSecureTransport(url: URL, policy: OriginPolicy = {}, provider?: string): void {
  if (url.protocol === 'http:' && !isLoopback(url) && !policy.allowInsecureHttp) {
    throw new ProtocolError(`Credentials refused over http to ${url.host} (allowInsecureHttp opts in)`, { url, provider });
  }
}

function safeOrigin(value: string): string | undefined {
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}
