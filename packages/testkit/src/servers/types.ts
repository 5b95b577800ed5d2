import type { ServerName } from './names.js';

/**
 * Options of {@link startServer}.
 * @public
 */
export interface StartServerOptions {
  /** Fresh data directory for this instance (created if missing). Cyrus needs every parent to be o+x. */
  readonly dataDir: string;
  /** TCP port on 127.0.0.1; `0` or absent picks a free one. */
  readonly port?: number;
  /** Cyrus only: the IMAP port used for provisioning; `0` or absent picks a free one. */
  readonly imapPort?: number;
  /** Test user name (default `test`). Not used by Redis. */
  readonly user?: string;
  /** Test password (default `test`; Redis: `requirepass`, default none). */
  readonly password?: string;
  /**
   * How long the start script may take, in ms (default 300 000: the first run on a fresh machine
   * installs Debian packages; an installed server starts in well under a second).
   */
  readonly timeoutMs?: number;
  /** Extra environment for the script, e.g. `{ CYRUS_VERSION: '3.6' }` or `{ RADICALE_AUTH: 'bcrypt' }`. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * One running server started by {@link startServer}.
 * @public
 */
export interface RunningServer {
  /** Which server. */
  readonly name: ServerName;
  /** Its data directory (config, store, logs, `server.env`, `cal.env`). */
  readonly dataDir: string;
  /** Its `CAL_*` variables, e.g. `CAL_RADICALE_URL`; see SERVERS.md for the full list. */
  readonly env: Readonly<Record<string, string>>;
  /** Raw `server.env` written by the start script (`BASE_URL`, `PORT`, `USERNAME`, `PID`, …). */
  readonly info: Readonly<Record<string, string>>;
  /** Wall time of the start script, in ms. */
  readonly startMs: number;
  /** Stops the server by PID (SIGTERM, SIGKILL after 10 s). `purge` also deletes `dataDir`. Idempotent. */
  stop(options?: { readonly purge?: boolean }): Promise<void>;
}

/**
 * Options of {@link startServers}.
 * @public
 */
export interface StartServersOptions {
  /** Which servers (default: all four, or the `CAL_SERVERS` list when that is set). */
  readonly servers?: readonly ServerName[];
  /**
   * Directory that receives one sub-directory per server. Default: a new unique
   * `os.tmpdir()/cal-servers-XXXXXX`, removed again by `stop()`.
   */
  readonly dataRoot?: string;
  /** Keep the data directories after `stop()` (default: keep only a caller-supplied `dataRoot`). */
  readonly keepData?: boolean;
  /** Per-server start timeout in ms, see {@link StartServerOptions.timeoutMs}. */
  readonly timeoutMs?: number;
}

/**
 * The servers started by {@link startServers}.
 * @public
 */
export interface RunningServers {
  /** All `CAL_*` variables of all started servers, plus `CAL_SERVERS_DATA_ROOT`. */
  readonly env: Readonly<Record<string, string>>;
  /** The data root in use. */
  readonly dataRoot: string;
  /** The individual servers. */
  readonly servers: readonly RunningServer[];
  /** Wall time until all servers answered, in ms. */
  readonly startMs: number;
  /** Stops every server (in parallel) and removes a temporary data root. Idempotent. */
  stop(): Promise<void>;
}
