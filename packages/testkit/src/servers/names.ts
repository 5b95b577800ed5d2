import { ValidationError } from '@cal/core';

/**
 * The real servers `@cal/testkit` can start on loopback.
 * @public
 */
export const SERVER_NAMES = ['radicale', 'xandikos', 'cyrus', 'redis'] as const;

/**
 * Name of one real server: `radicale` (CalDAV), `xandikos` (CalDAV), `cyrus` (CalDAV + JMAP for
 * Calendars, Cyrus IMAP 3.10) or `redis`.
 * @public
 */
export type ServerName = (typeof SERVER_NAMES)[number];

/**
 * True when `value` names a server of {@link SERVER_NAMES}.
 * @public
 */
export function isServerName(value: string): value is ServerName {
  return (SERVER_NAMES as readonly string[]).includes(value);
}

/**
 * Parses a server list such as the `CAL_SERVERS` variable (`"radicale,cyrus"`, comma or space
 * separated, case-insensitive). Empty or undefined means all four. Duplicates are dropped; the order of
 * {@link SERVER_NAMES} is kept.
 * @throws ValidationError naming every unknown entry.
 * @public
 */
export function parseServerList(value: string | undefined): ServerName[] {
  const parts = (value ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (parts.length === 0) return [...SERVER_NAMES];
  const unknown = parts.filter((p) => !isServerName(p));
  if (unknown.length > 0) {
    throw new ValidationError(
      `Unknown server name(s) ${unknown.map((u) => `"${u}"`).join(', ')}; expected a list of ${SERVER_NAMES.join(', ')}`,
      {
        provider: 'testkit',
        details: unknown.map((u) => ({ field: 'CAL_SERVERS', key: 'invalid', description: `unknown server "${u}"` })),
      },
    );
  }
  return SERVER_NAMES.filter((n) => parts.includes(n));
}
