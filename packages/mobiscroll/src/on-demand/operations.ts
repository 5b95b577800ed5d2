import type { TokenSet } from '@cal/core';
import type { ClientContext } from '../client.js';
import type { Calendar, CalendarEvent, ConnectionStatus, Provider, SuccessResult, WebhookSubscription } from '../models.js';
import type { TokenResponse } from '../resources/auth.js';
import type { CreateEventInput, DeleteEventInput, UpdateEventInput } from '../resources/events.js';
import type { SubscribeWebhookParams, UnsubscribeWebhookParams } from '../resources/webhooks.js';
import type { components } from '../generated/mobiscroll-connect.js';
import type { Kit } from './kit.js';
import { createInputChecks, type InputChecks } from './input-checks.js';
import { createWireResults } from './wire-results.js';
import { createHttpErrors } from './error-bodies.js';

type S = components['schemas'];

/** The on-demand operations, bound to the {@link Kit}. @internal */
export type Operations = ReturnType<typeof createOperations>;

/**
 * Calendars (reference §3.1), event writes (§3.4–3.6), code exchange, connection status /
 * disconnect / revoke (§2.2–2.5), webhook subscriptions (§4.2–4.3) and health. The resource classes keep the public methods and call these
 * after `import()`; validation still happens before any request.
 * @internal
 */
export function createOperations(kit: Kit) {
  const { PROVIDER, requireFields, toEvent, NotFoundError, AuthenticationError } = kit;
  // Typed explicitly: TypeScript calls assertion functions only through declared types (TS2775).
  const check: InputChecks = createInputChecks(kit);
  const { toCalendar, toTokenResponse, toConnectionStatus, toSubscription, toSuccess, checkWrite, failed } = createWireResults(kit);

  return {
    /** Runs the app's `onTokensRefreshed` callbacks in order after core stored a rotated token set. */
    async notifyRefreshed(ctx: ClientContext, tokens: TokenSet): Promise<void> {
      for (const l of ctx.refreshListeners) {
        try {
          await l(tokens);
        } catch (cause) {
          // The rotated tokens are already in the tokenStore; the app failed to persist them
          // elsewhere. Fail the request loudly (PHP SDK behaviour) instead of swallowing (Python).
          throw new AuthenticationError('onTokensRefreshed callback failed; the refreshed tokens may not be persisted', {
            cause,
            provider: PROVIDER,
            secrets: [tokens.accessToken, tokens.refreshToken, ctx.options.clientSecret],
          });
        }
      }
    },

    /** The typed error of a non-2xx answer (see error-bodies.ts). */
    httpError: createHttpErrors(kit),

    /** `GET /calendars`: a bare array on the wire. */
    async listCalendars(ctx: ClientContext): Promise<readonly Calendar[]> {
      const data = await ctx.api('GET', '/calendars');
      return Object.freeze((Array.isArray(data) ? data : []).map(toCalendar));
    },

    /** Form POST `/oauth/token` through core's strategy; `exchanging` keeps it out of `onTokensRefreshed`. */
    async getToken(ctx: ClientContext, code: string): Promise<TokenResponse> {
      requireFields('getToken', { code }, ['code']);
      ctx.exchanging++;
      try {
        return toTokenResponse(await ctx.oauth.exchangeCode({ code }));
      } finally {
        ctx.exchanging--;
      }
    },

    async getCredentials(ctx: ClientContext): Promise<TokenResponse | undefined> {
      const t = await ctx.oauth.getTokens();
      return t ? toTokenResponse(t) : undefined;
    },

    /** `GET /health` without credentials. */
    async health(ctx: ClientContext): Promise<{ readonly status: string }> {
      const data = await ctx.anonymous('GET', '/health');
      return Object.freeze({ status: data?.status ?? 'unknown' });
    },

    /** `POST /event`. Accepts both documented answers (event at the root, or in `event`). */
    async createEvent(ctx: ClientContext, input: CreateEventInput): Promise<CalendarEvent> {
      check.requireProvider('events.create', input?.provider);
      requireFields('events.create', input, ['calendarId', 'title']);
      requireFields('events.create', { start: input.start && 'x', end: input.end && 'x' }, ['start', 'end']);
      const body = { ...check.writeFields('events.create', input), provider: input.provider, calendarId: input.calendarId } as S['EventCreate'];
      return toEvent(checkWrite(await ctx.api('POST', '/event', { body })));
    },

    /** `PUT /event`: a partial patch; `updateMode` this|following|all for recurring instances. */
    async updateEvent(ctx: ClientContext, input: UpdateEventInput): Promise<CalendarEvent> {
      check.requireProvider('events.update', input?.provider);
      requireFields('events.update', input, ['calendarId', 'eventId']);
      check.requireMode('events.update', 'updateMode', input.updateMode);
      const body = {
        ...check.writeFields('events.update', input),
        provider: input.provider,
        calendarId: input.calendarId,
        eventId: input.eventId,
        ...(input.recurringEventId === undefined ? {} : { recurringEventId: input.recurringEventId }),
        ...(input.updateMode === undefined ? {} : { updateMode: input.updateMode }),
      } as S['EventUpdate'];
      return toEvent(checkWrite(await ctx.api('PUT', '/event', { body })));
    },

    /**
     * `DELETE /event`. The parameters go in the **query string**, as all seven official SDKs send
     * them (the docs and Postman show a JSON body; reference §3.6). A 200 with `success:false` throws.
     */
    async deleteEvent(ctx: ClientContext, input: DeleteEventInput): Promise<SuccessResult> {
      check.requireProvider('events.delete', input?.provider);
      requireFields('events.delete', input, ['calendarId', 'eventId']);
      check.requireMode('events.delete', 'deleteMode', input.deleteMode);
      const query = {
        provider: input.provider,
        calendarId: input.calendarId,
        eventId: input.eventId,
        ...(input.recurringEventId === undefined ? {} : { recurringEventId: input.recurringEventId }),
        ...(input.deleteMode === undefined ? {} : { deleteMode: input.deleteMode }),
      };
      const result = toSuccess(await ctx.api('DELETE', '/event', { query }));
      if (!result.success) throw failed('Delete', result.message);
      return result;
    },

    /** `GET /oauth/connection-status`; the legacy `/connection-status` after a 404 only (Go/Ruby/Java; §2.4). */
    async connectionStatus(ctx: ClientContext): Promise<ConnectionStatus> {
      const get = (path: '/oauth/connection-status') => ctx.api('GET', path);
      try {
        return toConnectionStatus(await get('/oauth/connection-status'));
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
        return toConnectionStatus(await get('/connection-status' as '/oauth/connection-status'));
      }
    },

    /** `POST /oauth/disconnect?provider=…[&account=…]` with body `{}` (§2.5); legacy `/disconnect` after a 404. */
    async disconnect(ctx: ClientContext, provider: Provider, options: { account?: string }): Promise<SuccessResult> {
      check.requireProvider('disconnect', provider);
      const query = { provider, ...(options.account === undefined ? {} : { account: options.account }) };
      const post = (path: '/oauth/disconnect') => ctx.api('POST', path, { query, body: {} });
      try {
        return toSuccess(await post('/oauth/disconnect'));
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
        return toSuccess(await post('/disconnect' as '/oauth/disconnect'));
      }
    },

    /** `POST /oauth/revoke` with JSON `{token}` (no client auth; §2.3), then forgets the local tokens. */
    async revoke(ctx: ClientContext): Promise<void> {
      const tokens = await ctx.oauth.getTokens();
      const token = tokens?.refreshToken ?? tokens?.accessToken;
      if (!token) throw new AuthenticationError('Nothing to revoke: no tokens are set', { provider: PROVIDER });
      await ctx.anonymous('POST', '/oauth/revoke', { body: { token } });
      // No revocationEndpoint is configured on core's strategy, so this only clears memory and the store.
      await ctx.oauth.revoke();
    },

    /** `POST /subscribe-webhook`. */
    async subscribe(ctx: ClientContext, params: SubscribeWebhookParams): Promise<WebhookSubscription> {
      check.requireProvider('webhooks.subscribe', params?.provider);
      requireFields('webhooks.subscribe', params, ['calendarId']);
      const exp = params.expiration instanceof Date ? params.expiration.getTime() : params.expiration;
      const body = {
        provider: params.provider,
        calendarId: params.calendarId,
        ...(params.channelId === undefined ? {} : { channelId: params.channelId }),
        ...(exp === undefined ? {} : { expiration: exp }),
      };
      return toSubscription(await ctx.api('POST', '/subscribe-webhook', { body }));
    },

    /** `POST /unsubscribe-webhook`; `success` stays true when the provider channel had already expired. */
    async unsubscribe(ctx: ClientContext, params: UnsubscribeWebhookParams): Promise<SuccessResult> {
      check.requireProvider('webhooks.unsubscribe', params?.provider);
      requireFields('webhooks.unsubscribe', params, ['channelId']);
      const body = {
        provider: params.provider,
        channelId: params.channelId,
        ...(params.resourceId === undefined ? {} : { resourceId: params.resourceId }),
      };
      return toSuccess(await ctx.api('POST', '/unsubscribe-webhook', { body }));
    },
  };
}
