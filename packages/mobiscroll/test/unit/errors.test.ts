import { describe, expect, it } from 'vitest';
import * as core from '@cal/core';
import {
  AuthenticationError,
  CalendarPermissionError,
  MobiscrollConnectError,
  MobiscrollConnectClient,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
  WebhookVerificationError,
} from '@cal/mobiscroll';

function client(respond: (req: Request) => Response) {
  const seen: Request[] = [];
  const c = new MobiscrollConnectClient({
    clientId: 'id', clientSecret: 'sekret-value', redirectUri: 'https://app/cb', baseUrl: 'https://connect.test/api', retry: false,
    fetch: async (input, init) => {
      const req = new Request(input, init);
      seen.push(req);
      return respond(req);
    },
  });
  return { c, seen };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('error mapping (reference §5)', () => {
  it('status classes are core classes and MobiscrollConnectError matches all of them', async () => {
    expect(AuthenticationError).toBe(core.AuthenticationError);
    const cases: [number, unknown, new (...a: never[]) => Error][] = [
      [400, { message: 'bad', details: { start: ['x', 'y'] } }, ValidationError],
      [404, { error: 'Event not found' }, NotFoundError],
      [429, { message: 'slow' }, RateLimitError],
      [502, { error: 'Unauthorized', message: 'upstream' }, ServerError],
      [409, { message: 'conflict', code: 'dup' }, core.ConflictError],
    ];
    for (const [status, body, cls] of cases) {
      const { c } = client(() => json(status, body, status === 429 ? { 'retry-after': '4' } : {}));
      await c.auth.setCredentials({ accessToken: 'AT-secret', expiresIn: 3600 });
      const err = await c.calendars.list().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(cls);
      expect(err).toBeInstanceOf(MobiscrollConnectError);
      expect(JSON.stringify(err) + String(err)).not.toMatch(/AT-secret|sekret-value/);
      if (err instanceof ValidationError) expect(err.details).toEqual([{ field: 'start', description: 'x' }, { field: 'start', description: 'y' }]);
      if (err instanceof RateLimitError) expect(err.retryAfter).toBe(4);
      if (err instanceof ServerError) expect(err.statusCode).toBe(502);
      if (status === 409) expect((err as core.CalError).providerCode).toBe('dup');
    }
  });

  it('all three body shapes give a message', async () => {
    for (const [body, msg] of [
      [{ error: 'Calendar list access is forbidden' }, 'Calendar list access is forbidden'],
      [{ error: 'Unauthorized', message: 'Write access denied for current scope' }, 'Write access denied'],
      [{ message: 'bad', code: 'x', details: {} }, 'bad'],
      [{ error: 'invalid_grant', error_description: 'rotated' }, 'rotated'],
    ] as const) {
      const { c } = client(() => json(403, body));
      await c.auth.setCredentials({ accessToken: 'a' });
      const err = (await c.calendars.list().catch((e: unknown) => e)) as Error;
      expect(err).toBeInstanceOf(AuthenticationError);
      expect(err.message).toContain(msg);
    }
  });

  it('403 calendar_permission_required → CalendarPermissionError with accounts', async () => {
    const { c } = client(() => json(403, { message: 'no perms', code: 'calendar_permission_required', accounts: [{ provider: 'google', account: 'a@x' }] }));
    await c.auth.setCredentials({ accessToken: 'a' });
    const err = (await c.calendars.list().catch((e: unknown) => e)) as CalendarPermissionError;
    expect(err).toBeInstanceOf(CalendarPermissionError);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.accounts).toEqual([{ provider: 'google', account: 'a@x' }]);
  });

  it('instanceof guard: other providers\' CalErrors and plain errors do not match; subclasses keep normal checks', () => {
    expect(new core.NotFoundError('x', { provider: 'graph' })).not.toBeInstanceOf(MobiscrollConnectError);
    expect(new Error('x')).not.toBeInstanceOf(MobiscrollConnectError);
    const w = new WebhookVerificationError('no_public_keys', 'x');
    expect(w).toBeInstanceOf(MobiscrollConnectError);
    expect(new core.NotFoundError('x', { provider: 'mobiscroll' })).not.toBeInstanceOf(WebhookVerificationError);
    expect(core.isCalError(w)).toBe(true);
  });

  it('constructor and inputs validate before any request', async () => {
    expect(() => new MobiscrollConnectClient({ clientId: '', clientSecret: 's', redirectUri: 'r' })).toThrow(ValidationError);
    const { c, seen } = client(() => json(200, {}));
    await c.auth.setCredentials({ accessToken: 'a' });
    await expect(c.events.delete({ provider: 'google', calendarId: 'c', eventId: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(c.events.create({ provider: 'yahoo' as 'google', calendarId: 'c', title: 't', start: 'a', end: 'b' })).rejects.toBeInstanceOf(ValidationError);
    await expect(c.webhooks.subscribe({ provider: 'google', calendarId: '' })).rejects.toBeInstanceOf(ValidationError);
    expect(() => c.auth.generateAuthUrl({ userId: '' })).toThrow(ValidationError);
    expect(seen).toHaveLength(0);
  });

  it('no token yet → AuthenticationError, nothing sent', async () => {
    const { c, seen } = client(() => json(200, []));
    await expect(c.calendars.list()).rejects.toBeInstanceOf(AuthenticationError);
    expect(seen).toHaveLength(0);
  });

  it('success:false on delete and create answers are errors; both write shapes parse', async () => {
    let body: unknown = { success: false, message: 'nope' };
    const { c } = client(() => json(200, body));
    await c.auth.setCredentials({ accessToken: 'a' });
    await expect(c.events.delete({ provider: 'google', calendarId: 'c', eventId: 'e' })).rejects.toBeInstanceOf(MobiscrollConnectError);
    body = { success: true, event: { provider: 'google', id: 'e1', calendarId: 'c', title: 'T', start: '2030-01-01', end: '2030-01-02', allDay: true } };
    const wrapped = await c.events.create({ provider: 'google', calendarId: 'c', title: 'T', start: '2030-01-01', end: '2030-01-02', allDay: true });
    expect(wrapped).toMatchObject({ id: 'e1', start: '2030-01-01', allDay: true });
    body = { success: true, provider: 'google', id: 'e2', calendarId: 'c', title: 'T', start: '2030-01-01T10:00:00+02:00', end: '2030-01-01T11:00:00Z' };
    const root = await c.events.update({ provider: 'google', calendarId: 'c', eventId: 'e2', title: 'T' });
    expect(root.start).toEqual(new Date('2030-01-01T08:00:00Z'));
    expect(Object.isFrozen(root)).toBe(true);
  });
});

describe('cancellation', () => {
  it('an aborted signal gives AbortedError (a MobiscrollConnectError), never a raw DOMException', async () => {
    const { c } = client((req) => {
      if (req.signal.aborted) throw new DOMException('aborted', 'AbortError');
      return json(200, { events: [] });
    });
    await c.auth.setCredentials({ accessToken: 'a' });
    const ctl = new AbortController();
    ctl.abort();
    const err = await c.events.list({ signal: ctl.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(core.AbortedError);
    expect(err).toBeInstanceOf(MobiscrollConnectError);
  });
});
