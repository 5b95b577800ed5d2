/**
 * RFC 5849 §3.6 percent encoding: UTF-8, only `A-Z a-z 0-9 - . _ ~` left as is, uppercase hex.
 * `encodeURIComponent` leaves `! ' ( ) *` alone, so those are escaped on top.
 * @public
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
