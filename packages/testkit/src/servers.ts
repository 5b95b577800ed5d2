/**
 * `@cal/testkit/servers`: real CalDAV/JMAP/Redis servers on loopback for integration tests, demos and
 * benches (Radicale, Xandikos, Cyrus IMAP 3.10, Redis; Debian 12, run as root). The shell scripts
 * ship in the package's `servers/` directory; see SERVERS.md.
 * @packageDocumentation
 */
export { SERVER_NAMES, isServerName, parseServerList, type ServerName } from './servers/names.js';
export { SERVER_START_FAILED } from './servers/start-error.js';
export { startServer } from './servers/start-server.js';
export { startServers } from './servers/start-servers.js';
export {
  serverEnv,
  type CyrusServerEnv,
  type DavServerEnv,
  type RedisServerEnv,
  type ServerEnvMap,
} from './servers/server-env.js';
export { indexCyrus } from './servers/cyrus-index.js';
export { readEnvFile } from './servers/env-file.js';
export { reservePorts } from './servers/ports.js';
export { serversScriptsDir } from './servers/scripts-dir.js';
export type { RunningServer, RunningServers, StartServerOptions, StartServersOptions } from './servers/types.js';
