import { assertType, describe, expectTypeOf, it } from 'vitest';
import {
  CalError, createHttpClient, isCalError, paginate, RateLimitError, ValidationError,
  type AuthStrategy, type Middleware, type Page, type TokenStore,
} from '@cal/core';

describe('core types', () => {
  it('isCalError narrows', () => {
    const e: unknown = new Error();
    if (isCalError(e)) expectTypeOf(e).toEqualTypeOf<CalError>();
  });
  it('error extras are typed', () => {
    expectTypeOf<RateLimitError['retryAfter']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ValidationError['details'][number]['field']>().toEqualTypeOf<string>();
  });
  it('provider is required; unknown options are rejected', () => {
    // @ts-expect-error provider is required
    createHttpClient({});
    // @ts-expect-error not an option
    createHttpClient({ provider: 'x', retries: 3 });
    assertType(createHttpClient({ provider: 'x', retry: false, throttle: 100 }));
  });
  it('json is generic', async () => {
    const http = createHttpClient({ provider: 'x' });
    expectTypeOf(await http.json<{ id: string }>('x')).toEqualTypeOf<{ id: string }>();
  });
  it('middleware and strategies have the documented shape', () => {
    assertType<Middleware>({ name: 'x', onRequest: ({ request }) => request });
    assertType<AuthStrategy>({ kind: 'custom', authorize: (r) => r, secrets: () => [] });
    // @ts-expect-error a TokenStore needs get/set/delete
    assertType<TokenStore>({ get: async () => undefined });
  });
  it('paginate yields pages', () => {
    const pages = paginate<number, number>(async () => ({ items: [1], hasMore: false }));
    expectTypeOf(pages).toMatchTypeOf<AsyncIterable<Page<number, number>>>();
  });
});
