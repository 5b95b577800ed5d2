import type { TokenSet, TokenStore } from './tokens.js';

/**
 * The default {@link TokenStore}: a `Map` in this process. Tokens are lost on restart; use a
 * database or Redis store for anything long-lived. `lock` serialises work per key in-process.
 * @public
 */
export class MemoryTokenStore implements TokenStore {
  readonly #tokens = new Map<string, TokenSet>();
  readonly #locks = new Map<string, Promise<unknown>>();

  async get(key: string): Promise<TokenSet | undefined> {
    return this.#tokens.get(key);
  }
  async set(key: string, tokens: TokenSet): Promise<void> {
    this.#tokens.set(key, tokens);
  }
  async delete(key: string): Promise<void> {
    this.#tokens.delete(key);
  }
  async lock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => {});
    this.#locks.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.#locks.get(key) === tail) this.#locks.delete(key);
    }
  }
}
