/**
 * Secret redaction shared by errors, logs and request hooks.
 *
 * Why a deny-list of names and not an allow-list: providers add their own query parameters
 * (Cronofy `access_token`, Graph `$skiptoken` is harmless), and a missed secret is worse than an
 * over-redacted log line. Everything that looks like a credential is replaced by `[REDACTED]`.
 */

/** The placeholder that replaces every secret. @public */
export const REDACTED = '[REDACTED]';

const SECRET_NAME =
  /^((proxy-)?authorization|(set-)?cookie|(x-)?api[-_]?key|((access|refresh|id)[-_]?)?token|(client[-_]?)?secret|pass(word|wd)?|code([-_]?verifier)?|oauth[-_](signature|token)|assertion|sig(nature)?)$/i;

/** A credential in free text: an auth scheme's parameter, or a `name=value` / `"name": "value"` pair. */
const SECRET_TEXT =
  /((?:Bearer|Basic|Digest|OAuth)\s+|"?(?:(?:access|refresh|id)_token|client_secret|password|code_verifier)"?\s*[:=]\s*"?)[^"&\s,}]+/gi;

/** True when a header, query or body field name names a credential. @public */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * Redacts userinfo (`user:pass@`) and secret query parameters from a URL.
 * Returns the input unchanged (minus secrets) when it is not an absolute URL.
 * @public
 */
export function redactUrl(url: string | URL | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    parsed.username = parsed.password = '';
    // A copy of the keys: `set` rewrites the list being iterated.
    for (const key of [...parsed.searchParams.keys()]) if (isSecretName(key)) parsed.searchParams.set(key, REDACTED);
    return parsed.href;
  } catch {
    return String(url).replace(/\/\/[^/@\s]*@/, `//${REDACTED}@`);
  }
}

/** Copies headers into a plain object with every credential header redacted. @public */
export function redactHeaders(
  headers: Headers | Record<string, string> | { forEach(cb: (value: string, name: string) => void): void } | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (v: string, k: string) => {
    out[k] = isSecretName(k) ? REDACTED : v;
  };
  // Headers and the pipeline's draft headers both have forEach; a plain record has not.
  if (typeof headers?.forEach == 'function') (headers as Headers).forEach(put);
  else for (const k in headers) put((headers as Record<string, string>)[k]!, k);
  return out;
}

/**
 * Removes known secret values from free text (an error body echoing a token, say).
 * @param secrets - literal values to scrub, e.g. the current access token
 * @public
 */
export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  // Short values would shred unrelated text; no real credential is that short.
  for (const s of secrets) if (s && s.length >= 4) text = text.replaceAll(s, REDACTED);
  return text.replace(SECRET_TEXT, `$1${REDACTED}`);
}

/**
 * Deeply redacts a parsed JSON body: secret-named fields, and known secret values wherever they
 * appear (a server may echo the token under any field name).
 * @public
 */
export function redactBody(body: unknown, secrets?: readonly (string | undefined)[], depth = 0): unknown {
  if (typeof body == 'string') return redactText(body, secrets);
  if (depth > 8 || !body || typeof body != 'object') return body;
  if (Array.isArray(body)) return body.map((v) => redactBody(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) out[k] = isSecretName(k) ? REDACTED : redactBody(v, secrets, depth + 1);
  return out;
}
