import { decodeBase64 } from './base64.js';

const imported = new Map<string, Promise<CryptoKey | undefined>>();

/**
 * Imports a `whpk_<base64 of the 32-byte raw Ed25519 key>` public key into WebCrypto
 * (reference §4.5). Malformed keys resolve to `undefined` and are skipped, as in the official SDKs.
 * Imported keys are memoised: the same handful of keys verify every delivery.
 * @internal
 */
export function importPublicKey(key: string): Promise<CryptoKey | undefined> {
  let p = imported.get(key);
  if (!p) {
    p = (async () => {
      if (!key.startsWith('whpk_')) return undefined;
      const raw = decodeBase64(key.slice(5));
      if (!raw || raw.length !== 32) return undefined;
      try {
        return await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
      } catch {
        return undefined;
      }
    })();
    if (imported.size > 256) imported.clear();
    imported.set(key, p);
  }
  return p;
}
