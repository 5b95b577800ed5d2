import { describe, expect, it } from 'vitest';
import { AuthenticationError, ErrorCode, HttpError, NetworkError, NotFoundError, ProtocolError, RateLimitError, ServerError, TimeoutError, ValidationError, isCalError } from '@cal/core';
import { CronofyErrorCode } from '@cal/cronofy';
import { client, stubFetch } from './helpers.js';

const errorOf = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e);

describe('error mapping', () => {
  it('422 becomes ValidationError.details with status, headers, body, method and URL', async () => {
    const body = { errors: { summary: [{ key: 'errors.required', description: 'summary must be specified' }], start: [{ key: 'errors.invalid', description: 'bad' }] } };
    const { fetch } = stubFetch({ '*': { status: 422, body, headers: { 'x-request-id': 'r1' } } });
    const err = (await errorOf(client(fetch).upsertEvent('cal_1', { event_id: 'e', summary: 'x', start: '2026-01-01', end: '2026-01-02' }))) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.details).toEqual([
      { field: 'summary', key: 'errors.required', description: 'summary must be specified' },
      { field: 'start', key: 'errors.invalid', description: 'bad' },
    ]);
    expect(err.providerCode).toBe('errors.required');
    expect(err.status).toBe(422);
    expect(err.method).toBe('POST');
    expect(err.url).toBe('https://api-uk.cronofy.com/v1/calendars/cal_1/events');
    expect(err.headers?.['x-request-id']).toBe('r1');
    expect(err.body).toEqual(body);
    expect(err.provider).toBe('cronofy');
  });

  it('429 becomes RateLimitError with Retry-After', async () => {
    const { fetch } = stubFetch({ '*': { status: 429, headers: { 'retry-after': '7' }, body: '' } });
    const err = (await errorOf(client(fetch).listCalendars())) as RateLimitError;
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfter).toBe(7);
    expect(err.code).toBe(ErrorCode.RateLimit);
  });

  it('429 is retried with Retry-After before giving up (GET), and not retried for POST', async () => {
    let n = 0;
    const { fetch, seen } = stubFetch({ 'GET /v1/calendars': () => (++n === 1 ? { status: 429, headers: { 'retry-after': '0' } } : { body: { calendars: [] } }), 'POST /v1/channels': { status: 429 } });
    const c = client(fetch, { retry: { limit: 2, baseDelay: 1 } });
    expect(await c.listCalendars()).toEqual([]);
    expect(seen).toHaveLength(2);
    await expect(c.createNotificationChannel('https://x.test/p')).rejects.toBeInstanceOf(RateLimitError);
    expect(seen).toHaveLength(3);
  });

  it('402, 403 and 423 carry distinct codes', async () => {
    const codes: Record<number, [unknown, string]> = { 402: [HttpError, CronofyErrorCode.PaymentRequired], 403: [AuthenticationError, CronofyErrorCode.InsufficientScope], 423: [HttpError, CronofyErrorCode.AccountLocked] };
    for (const [status, [cls, code]] of Object.entries(codes)) {
      const { fetch } = stubFetch({ '*': { status: Number(status), body: {} } });
      const err = (await errorOf(client(fetch).account())) as HttpError;
      expect(err).toBeInstanceOf(cls as typeof HttpError);
      expect(err.code).toBe(code);
      expect(err.status).toBe(Number(status));
    }
  });

  it('404 → NotFoundError, 500 → ServerError, token 400 invalid_grant → AuthenticationError', async () => {
    const { fetch } = stubFetch({ 'DELETE /v1/channels/x': { status: 404 }, 'GET /v1/account': { status: 500, body: 'boom' }, 'POST /oauth/token': { status: 400, body: { error: 'invalid_grant' } } });
    const c = client(fetch, { retry: false });
    expect(await errorOf(c.closeNotificationChannel('x'))).toBeInstanceOf(NotFoundError);
    const server = (await errorOf(c.account())) as ServerError;
    expect(server).toBeInstanceOf(ServerError);
    expect(server.statusCode).toBe(500);
    const auth = (await errorOf(c.refreshAuthorization())) as AuthenticationError;
    expect(auth).toBeInstanceOf(AuthenticationError);
    expect(auth.providerCode).toBe('invalid_grant');
  });

  it('no secret appears in any error: token, refresh token, client secret', async () => {
    const { fetch } = stubFetch({ '*': { status: 401, body: { echo: 'user-token csecret refresh-token', access_token: 'user-token' } } });
    const c = client(fetch, { refreshToken: undefined as unknown as string, clientId: undefined as unknown as string });
    const err = await errorOf(c.account());
    expect(err).toBeInstanceOf(AuthenticationError);
    const dump = JSON.stringify(err) + String(err) + JSON.stringify((err as AuthenticationError).headers) + JSON.stringify((err as AuthenticationError).body);
    expect(dump).not.toContain('user-token');
    const app = await errorOf(client(stubFetch({ '*': { status: 403, body: { msg: 'csecret' } } }).fetch).elementToken({ permissions: ['agenda'], origin: 'https://x.test' }));
    expect(JSON.stringify(app) + String(app)).not.toContain('csecret');
  });

  it('a 2xx body that is not JSON is a ProtocolError; a dead connection a NetworkError', async () => {
    const { fetch } = stubFetch({ '*': { status: 200, body: '<html>proxy</html>', headers: { 'content-type': 'application/json' } } });
    expect(await errorOf(client(fetch).account())).toBeInstanceOf(ProtocolError);
    const dead = async () => { throw new TypeError('fetch failed'); };
    const err = await errorOf(client(dead, { retry: false }).account());
    expect(err).toBeInstanceOf(NetworkError);
    expect(isCalError(err)).toBe(true);
  });

  it('a timeout is a TimeoutError', async () => {
    const slow = (input: Request | string | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    expect(await errorOf(client(slow, { timeout: 50, retry: false }).account())).toBeInstanceOf(TimeoutError);
  });
});
