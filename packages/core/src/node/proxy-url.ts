import { ValidationError } from '../errors/classes.js';

/** O365-style proxy settings (`proxy_server`, `proxy_port`, `proxy_username`, `proxy_password`). @public */
export interface ProxySettings {
  /** Host name or URL of the proxy (`proxy.corp`, `http://proxy.corp:3128`). */
  server: string;
  /** @default 8080 (O365's default) */
  port?: number;
  username?: string;
  password?: string;
}

/** Proxy as a URL string/URL, or O365-style settings. @public */
export type ProxyOption = string | URL | ProxySettings;

/** Normalised proxy: URL without credentials, plus the `Proxy-Authorization` value (RFC 9110 §11.7.1). @internal */
export interface ResolvedProxy {
  uri: string;
  token: string | undefined;
  secrets: string[];
}

/** Parses a {@link ProxyOption}; ValidationError (with the password redacted) when it is not usable. @internal */
export function resolveProxy(proxy: ProxyOption): ResolvedProxy {
  let url: URL;
  let username: string | undefined;
  let password: string | undefined;
  const secrets: string[] = [];
  try {
    if (typeof proxy === 'string' || proxy instanceof URL) {
      url = new URL(String(proxy));
      username = url.username ? decodeURIComponent(url.username) : undefined;
      password = url.password ? decodeURIComponent(url.password) : undefined;
    } else {
      if (typeof proxy?.server !== 'string' || !proxy.server) throw new TypeError('server is required');
      const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy.server) ? proxy.server : `http://${proxy.server}`;
      url = new URL(withScheme);
      if (!url.port || proxy.port !== undefined) url.port = String(proxy.port ?? 8080);
      username = proxy.username;
      password = proxy.password;
    }
  } catch (cause) {
    if (password) secrets.push(password);
    if (typeof proxy === 'string') secrets.push(proxy);
    throw new ValidationError('Invalid proxy setting', {
      cause,
      provider: 'core',
      operation: 'createNodeFetch',
      details: [{ field: 'proxy', description: 'a proxy URL (http://host:port) or { server, port?, username?, password? }' }],
      secrets,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(`Unsupported proxy protocol ${url.protocol}`, {
      provider: 'core',
      operation: 'createNodeFetch',
      details: [{ field: 'proxy', description: 'http: or https: proxy' }],
    });
  }
  if (password) secrets.push(password);
  url.username = '';
  url.password = '';
  const token = username !== undefined ? `Basic ${btoa(`${username}:${password ?? ''}`)}` : undefined;
  if (token) secrets.push(token);
  return { uri: url.toString().replace(/\/$/, ''), token, secrets };
}
