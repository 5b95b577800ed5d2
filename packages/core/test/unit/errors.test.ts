import { describe, expect, it } from 'vitest';
import {
  AbortedError, AuthenticationError, CalError, ConflictError, ErrorCode, HttpError, NetworkError, NotFoundError,
  ProtocolError, RateLimitError, ServerError, TimeoutError, ValidationError, errorFromResponse, errorFromStatus,
  isCalError, redactUrl, REDACTED,
} from '@cal/core';

const SECRET = 'sk_live_SUPERSECRET123';

describe('error tree', () => {
  it.each([
    [401, AuthenticationError], [403, AuthenticationError], [400, ValidationError], [422, ValidationError],
    [404, NotFoundError], [410, NotFoundError], [409, ConflictError], [412, ConflictError], [429, RateLimitError],
    [500, ServerError], [503, ServerError], [402, HttpError], [423, HttpError],
  ] as const)('maps %i to %s', (status, cls) => {
    const e = errorFromStatus(status, new Headers(), { provider: 'x', method: 'get', url: 'https://h/p' });
    expect(e).toBeInstanceOf(cls);
    expect(e).toBeInstanceOf(CalError);
    expect(e.status).toBe(status);
    expect(e.method).toBe('GET');
    expect(e.name).toBe(cls.name);
  });

  it('each class has its name and its ErrorCode by default; an explicit code wins', () => {
    const classes = [
      [CalError, 'Unknown'], [AuthenticationError, 'Authentication'], [ValidationError, 'Validation'],
      [NotFoundError, 'NotFound'], [ConflictError, 'Conflict'], [RateLimitError, 'RateLimit'], [ServerError, 'Server'],
      [NetworkError, 'Network'], [TimeoutError, 'Timeout'], [ProtocolError, 'Protocol'], [HttpError, 'Http'],
      [AbortedError, 'Aborted'],
    ] as const;
    for (const [Class, key] of classes) {
      const e = new Class('m', { status: 500 });
      expect(e.code).toBe(ErrorCode[key]);
      expect(e.name).toBe(Class.name);
      expect(String(e)).toBe(`${Class.name}: m`);
      expect(JSON.parse(JSON.stringify(e))).toMatchObject({ name: Class.name, message: 'm', code: ErrorCode[key], status: 500 });
    }
    expect(new NotFoundError('m', { code: 'X_GONE' }).code).toBe('X_GONE');
    expect(new AbortedError().message).toBe('The request was aborted');
  });

  it('RateLimitError reads Retry-After (seconds and HTTP-date)', () => {
    expect((errorFromStatus(429, new Headers({ 'retry-after': '7' })) as RateLimitError).retryAfter).toBe(7);
    const date = new Date(Date.now() + 30_000).toUTCString();
    const ra = (errorFromStatus(429, new Headers({ 'retry-after': date })) as RateLimitError).retryAfter!;
    expect(ra).toBeGreaterThan(25);
    expect(ra).toBeLessThanOrEqual(31);
  });

  it('ServerError exposes statusCode; ValidationError keeps details', () => {
    expect((errorFromStatus(502, undefined) as ServerError).statusCode).toBe(502);
    const v = errorFromStatus(422, undefined, { details: [{ field: 'start', description: 'required' }] }) as ValidationError;
    expect(v.details).toEqual([{ field: 'start', description: 'required' }]);
  });

  it('isCalError works across duplicated bundles (brand, not instanceof)', () => {
    const foreign = Object.assign(Object.create(Error.prototype), { [Symbol.for('@cal/core/CalError')]: true });
    expect(isCalError(foreign)).toBe(true);
    expect(isCalError(new Error('x'))).toBe(false);
    expect(isCalError(null)).toBe(false);
    expect(isCalError(new NotFoundError('x'))).toBe(true);
  });

  it('keeps cause, non-enumerable', () => {
    const cause = new TypeError('fetch failed');
    const e = new CalError('x', { cause });
    expect(e.cause).toBe(cause);
    expect(Object.keys(e)).not.toContain('cause');
  });

  it('never contains a secret in message, properties, toString or JSON', async () => {
    const response = new Response(JSON.stringify({ error: 'bad', access_token: SECRET, echo: `Bearer ${SECRET}` }), {
      status: 401,
      headers: { 'content-type': 'application/json', 'set-cookie': `s=${SECRET}` },
    });
    const e = await errorFromResponse(response, {
      message: `token ${SECRET} rejected`,
      url: `https://user:${SECRET}@api.example.com/x?access_token=${SECRET}&page=2`,
      secrets: [SECRET],
    });
    const dump = [e.message, String(e), JSON.stringify(e), JSON.stringify(e.body), JSON.stringify(e.headers), e.url, e.stack].join('\n');
    expect(dump).not.toContain(SECRET);
    expect(e.url).toContain('page=2');
    expect(e.url).toContain(encodeURIComponent(REDACTED));
    expect(e.code).toBe(ErrorCode.Authentication);
  });

  it('redactUrl strips userinfo and secret params, keeps the rest', () => {
    expect(redactUrl('https://a:b@h.example/p?code=abc&x=1')).toBe(`https://h.example/p?code=${encodeURIComponent(REDACTED)}&x=1`);
  });
});

describe('secret values under any field name', () => {
  it('redacts a known token echoed in a nested body field', () => {
    const e = new CalError('x', { body: { detail: { echoed: `got ${SECRET} here` } }, secrets: [SECRET] });
    expect(JSON.stringify(e)).not.toContain(SECRET);
  });
});
