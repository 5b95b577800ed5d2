/**
 * Webhook signing as Connect does it (reference §4.5): Standard Webhooks, `v1a` = Ed25519 over
 * `"{id}.{timestamp}." + body`, public keys published as `whpk_` + base64(raw 32 bytes). A fresh key
 * pair is generated per simulator run with WebCrypto; `rotate()` keeps the old key as `previous` and
 * dual-signs, as Connect does during rotation.
 */

interface KeyPair {
  id: string;
  publicKey: string;
  privateKey: CryptoKey;
  activatedAt: string;
}

const b64 = (bytes: ArrayBuffer): string => Buffer.from(bytes).toString('base64');

async function generate(id: string): Promise<KeyPair> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = await crypto.subtle.exportKey('raw', pair.publicKey);
  return { id, publicKey: `whpk_${b64(raw)}`, privateKey: pair.privateKey, activatedAt: new Date().toISOString() };
}

/** The simulator's signer. @public */
export interface WebhookSigner {
  /** Current `whpk_…` key. */
  readonly activeKey: string;
  /** Previous key during a rotation, else undefined. */
  readonly previousKey: string | undefined;
  /** `{ keys: [...] }` as `/.well-known/webhook-keys` serves it. */
  keysDocument(): { keys: Record<string, string>[] };
  /** `webhook-signature` value for a message (one `v1a` entry per live key). */
  sign(id: string, timestamp: number, body: string): Promise<string>;
  /** New active key; the old one becomes `previous` (dual-signing). */
  rotate(): Promise<void>;
  /** Drops the previous key (rotation finished). */
  retirePrevious(): void;
}

/** @internal */
export async function createSigner(): Promise<WebhookSigner> {
  let n = 1;
  let active = await generate(`key-${n}`);
  let previous: KeyPair | undefined;
  const enc = new TextEncoder();
  return {
    get activeKey() {
      return active.publicKey;
    },
    get previousKey() {
      return previous?.publicKey;
    },
    keysDocument() {
      const keys: Record<string, string>[] = [
        { id: active.id, alg: 'ed25519', key: active.publicKey, status: 'active', activated_at: active.activatedAt },
      ];
      if (previous) {
        keys.push({ id: previous.id, alg: 'ed25519', key: previous.publicKey, status: 'previous', retires_at: new Date(Date.now() + 7 * 86_400_000).toISOString() });
      }
      return { keys };
    },
    async sign(id, timestamp, body) {
      const data = enc.encode(`${id}.${timestamp}.${body}`);
      const entries: string[] = [];
      for (const k of previous ? [active, previous] : [active]) {
        entries.push(`v1a,${b64(await crypto.subtle.sign({ name: 'Ed25519' }, k.privateKey, data))}`);
      }
      return entries.join(' ');
    },
    async rotate() {
      previous = active;
      active = await generate(`key-${++n}`);
    },
    retirePrevious() {
      previous = undefined;
    },
  };
}
