/**
 * Verifies the `Cronofy-HMAC-SHA256` header of a push notification (reference §6):
 * `Base64(HMAC-SHA256(key = client_secret, message = raw body bytes))`. While an application has
 * several client secrets (rotation) the header carries one comma-separated value per secret, and
 * any match is enough. Each candidate is compared in constant time (pycronofy uses
 * `hmac.compare_digest`; cronofy-node's `Array.includes` leaks timing).
 */

const encoder = new TextEncoder();

/** Name of the header Cronofy signs notifications with. @public */
export const CRONOFY_HMAC_HEADER = 'Cronofy-HMAC-SHA256';

/**
 * True when `headerValue` holds a valid signature of `rawBody` under `clientSecret`.
 * Verify the raw bytes BEFORE parsing JSON: re-serialising changes the bytes.
 * @param rawBody - the request body exactly as received
 * @param headerValue - the `Cronofy-HMAC-SHA256` header (may list several comma-separated values)
 * @param clientSecret - the application's client secret
 * @returns false for a missing/empty header or secret, never throws for bad input
 * @example
 * ```ts
 * const raw = await request.text();
 * if (!(await verifyCronofyNotification(raw, request.headers.get('cronofy-hmac-sha256'), secret))) return new Response(null, { status: 401 });
 * ```
 * @public
 */
export async function verifyCronofyNotification(
  rawBody: string | Uint8Array | ArrayBuffer,
  headerValue: string | null | undefined,
  clientSecret: string,
): Promise<boolean> {
  if (!headerValue || !clientSecret) return false;
  const expected = await signCronofyNotification(rawBody, clientSecret);
  let ok = false;
  for (const candidate of headerValue.split(',')) {
    // no early exit: every candidate is compared, so timing does not reveal which one matched
    if (constantTimeEqual(candidate.trim(), expected)) ok = true;
  }
  return ok;
}

/**
 * Computes the `Cronofy-HMAC-SHA256` value for a body (what Cronofy sends). Useful in tests and
 * simulators.
 * @public
 */
export async function signCronofyNotification(rawBody: string | Uint8Array | ArrayBuffer, clientSecret: string): Promise<string> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', encoder.encode(clientSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const data = typeof rawBody === 'string' ? encoder.encode(rawBody) : rawBody instanceof Uint8Array ? rawBody : new Uint8Array(rawBody);
  const mac = new Uint8Array(await subtle.sign('HMAC', key, data as Uint8Array<ArrayBuffer>));
  let binary = '';
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Compares two strings in time that depends only on their lengths. */
function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a.charCodeAt(i) | 0) ^ b.charCodeAt(i);
  return diff === 0;
}
