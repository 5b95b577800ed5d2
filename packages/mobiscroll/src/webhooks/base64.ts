const STD = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Strict standard-alphabet base64 → bytes with `atob` (no `node:buffer`, works in browsers and
 * workers); `undefined` for anything malformed instead of the lenient decoding Buffer does.
 * @internal
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 !== 0 || !STD.test(text)) return undefined;
  try {
    const bin = atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}
