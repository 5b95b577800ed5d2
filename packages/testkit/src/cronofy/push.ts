import { createHmac } from 'node:crypto';

/** `Base64(HMAC-SHA256(client_secret, raw body))`, one value per secret, comma-separated (reference §6). @public */
export function cronofyHmac(body: string, secrets: readonly string[]): string {
  return secrets.map((s) => createHmac('sha256', s).update(body, 'utf8').digest('base64')).join(',');
}
