import { ValidationError } from '@cal/core';
import { isServerName, type ServerName } from './names.js';

/**
 * Connection data of Radicale or Xandikos (CalDAV). `url` is the DAV root (`http://127.0.0.1:PORT/`);
 * the principal is `<url><user>/`.
 * @public
 */
export interface DavServerEnv {
  /** DAV root, with a trailing slash. */
  readonly url: string;
  /** Basic-auth user. */
  readonly user: string;
  /** Basic-auth password. */
  readonly pass: string;
}

/**
 * Connection data of Cyrus IMAP 3.10 (CalDAV + JMAP for Calendars).
 * @public
 */
export interface CyrusServerEnv {
  /** Base URL without a trailing slash, `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** CalDAV root, `<url>/dav/` (principal `dav/principals/user/<user>/`, home `dav/calendars/user/<user>/`). */
  readonly davUrl: string;
  /** JMAP session resource, `<url>/jmap/` (`/.well-known/jmap` answers 301 to it). */
  readonly jmapUrl: string;
  /** Calendars capability the session really lists: `urn:ietf:params:jmap:calendars` on 3.10. */
  readonly jmapCapability: string;
  /** Basic-auth user. */
  readonly user: string;
  /** Basic-auth password. */
  readonly pass: string;
  /**
   * Shell command that indexes a user's mailboxes now; append the user name. Title/text search is
   * eventually consistent (100–300 ms), so run it before asserting on a search.
   */
  readonly indexCmd: string;
}

/**
 * Connection data of Redis.
 * @public
 */
export interface RedisServerEnv {
  /** `redis://127.0.0.1:PORT` (`redis://default:PASS@…` with a password). */
  readonly url: string;
}

/**
 * What {@link serverEnv} returns for each server.
 * @public
 */
export interface ServerEnvMap {
  radicale: DavServerEnv;
  xandikos: DavServerEnv;
  cyrus: CyrusServerEnv;
  redis: RedisServerEnv;
}

/** Field → variable name, per server. */
const VARS = {
  radicale: { url: 'CAL_RADICALE_URL', user: 'CAL_RADICALE_USER', pass: 'CAL_RADICALE_PASS' },
  xandikos: { url: 'CAL_XANDIKOS_URL', user: 'CAL_XANDIKOS_USER', pass: 'CAL_XANDIKOS_PASS' },
  cyrus: {
    url: 'CAL_CYRUS_URL',
    davUrl: 'CAL_CYRUS_DAV_URL',
    jmapUrl: 'CAL_CYRUS_JMAP_URL',
    jmapCapability: 'CAL_CYRUS_JMAP_CAPABILITY',
    user: 'CAL_CYRUS_USER',
    pass: 'CAL_CYRUS_PASS',
    indexCmd: 'CAL_CYRUS_INDEX_CMD',
  },
  redis: { url: 'CAL_REDIS_URL' },
} as const satisfies { [N in ServerName]: { [K in keyof ServerEnvMap[N]]: string } };

/**
 * Reads one server's connection data from the `CAL_*` environment variables that the integration
 * globalSetup (or `start-all.sh` + `. cal.env`) provides.
 *
 * @example
 * ```ts
 * const { url, user, pass } = serverEnv('radicale');
 * ```
 * @param name - the server
 * @param env - where to read from (default `process.env`)
 * @throws ValidationError naming every missing variable, with a hint on how to provide them.
 * @public
 */
export function serverEnv<N extends ServerName>(
  name: N,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ServerEnvMap[N] {
  if (!isServerName(name)) {
    throw new ValidationError(`Unknown server "${String(name)}"`, {
      provider: 'testkit',
      details: [{ field: 'name', key: 'invalid', description: 'expected radicale, xandikos, cyrus or redis' }],
    });
  }
  const vars: Record<string, string> = VARS[name];
  const out: Record<string, string> = {};
  const missing: string[] = [];
  for (const [field, variable] of Object.entries(vars)) {
    const value = env[variable];
    if (value === undefined || value === '') missing.push(variable);
    else out[field] = value;
  }
  if (missing.length > 0) {
    throw new ValidationError(
      `${name} is not running for this test run: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. ` +
        `Run the tests with \`pnpm vitest run --project integration\` (its globalSetup starts the servers; ` +
        `CAL_SERVERS must include "${name}" if set), or start them with ` +
        `\`packages/testkit/servers/start-all.sh DIR\` and \`set -a; . DIR/cal.env; set +a\`.`,
      {
        provider: 'testkit',
        details: missing.map((v) => ({ field: v, key: 'required', description: `environment variable ${v}` })),
      },
    );
  }
  return out as unknown as ServerEnvMap[N];
}
