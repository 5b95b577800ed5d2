/**
 * Parses a `Retry-After` header into seconds (RFC 9110 §10.2.3): either delta-seconds or an
 * HTTP-date. Returns `undefined` for a missing or unparseable value; never a negative number.
 * @param now - clock in epoch ms, injectable for tests
 * @public
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value?.trim()) return undefined;
  // Delta-seconds first: Date.parse would read `120` as the year 120.
  const seconds = Number(value);
  if (seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
