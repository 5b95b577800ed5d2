/** An OAuth 2 token set as the family stores it. @public */
export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** Absolute expiry in epoch milliseconds. */
  readonly expiresAt?: number;
  readonly tokenType?: string;
  readonly scope?: string;
  readonly idToken?: string;
  /** Provider-specific extras from the token response (Cronofy `account_id`, `sub`, …). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * Where tokens live. Plug in a database, Redis or a KMS: three async methods.
 * `lock` is optional; a multi-process store (Redis) implements it so that only one process
 * refreshes a token at a time (O365's `should_refresh_token` problem).
 * @example
 * ```ts
 * const store: TokenStore = {
 *   get: (key) => db.tokens.find(key),
 *   set: (key, tokens) => db.tokens.upsert(key, tokens),
 *   delete: (key) => db.tokens.remove(key),
 * };
 * ```
 * @public
 */
export interface TokenStore {
  get(key: string): Promise<TokenSet | undefined>;
  set(key: string, tokens: TokenSet): Promise<void>;
  delete(key: string): Promise<void>;
  /** Runs `fn` while holding an exclusive lock on `key` across processes. */
  lock?<T>(key: string, fn: () => Promise<T>): Promise<T>;
}
