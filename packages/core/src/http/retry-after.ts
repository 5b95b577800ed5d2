/**
 * Parses a `Retry-After` header into seconds (RFC 9110 §10.2.3): either delta-seconds or an
 * HTTP-date. Returns `undefined` for a missing or unparseable value; never a negative number.
 * @param now - clock in epoch ms, injectable for tests
 * @public
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
