/**
 * The few parts of `undici` that `createNodeFetch` uses, typed locally so `@cal/core` compiles and
 * installs without it (undici is an OPTIONAL peer dependency, loaded on first use).
 * @public
 */
export interface UndiciModule {
  fetch(input: string | URL, init?: Record<string, unknown>): Promise<Response>;
  Agent: new (options?: Record<string, unknown>) => object;
  ProxyAgent: new (options: Record<string, unknown>) => object;
}
