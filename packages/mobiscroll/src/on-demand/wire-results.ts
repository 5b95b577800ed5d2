import type { components } from '../generated/mobiscroll-connect.js';
import type { TokenSet } from '@cal/core';
import type { Calendar, ConnectedAccount, ConnectionStatus, Provider, SuccessResult, WebhookSubscription } from '../models.js';
import type { TokenResponse } from '../resources/auth.js';
import type { Kit } from './kit.js';

type S = components['schemas'];

/** Wire → public models for the on-demand operations (the always-loaded ones live in models.ts). @internal */
export function createWireResults({ PROVIDER, PROVIDERS, toDate, ProtocolError, MobiscrollConnectError }: Kit) {
  /** Copies only defined values, so `exactOptionalPropertyTypes` holds and objects stay small. */
  function defined<T extends object>(o: T): T {
    for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
    return o;
  }

  function toCalendar(c: S['Calendar']): Calendar {
    return Object.freeze(
      defined({
        provider: c.provider,
        id: c.id,
        title: c.title ?? '',
        timeZone: c.timeZone ?? 'UTC',
        color: c.color,
        description: c.description,
        original: c.original,
      }) as Calendar,
    );
  }

  /** Core's token set as the Python SDK's `TokenResponse`, with `expiresIn` counted from now. */
  function toTokenResponse(t: TokenSet): TokenResponse {
    const out: { -readonly [K in keyof TokenResponse]: TokenResponse[K] } = {
      accessToken: t.accessToken,
      tokenType: t.tokenType ?? 'Bearer',
    };
    if (t.refreshToken) out.refreshToken = t.refreshToken;
    if (t.expiresAt !== undefined) {
      out.expiresAt = new Date(t.expiresAt);
      out.expiresIn = Math.max(0, Math.round((t.expiresAt - Date.now()) / 1000));
    }
    return Object.freeze(out);
  }

  /** An empty 200 body (`undefined`) reads as no connections. */
  function toConnectionStatus(s: S['ConnectionStatus'] = {}): ConnectionStatus {
    const connections = {} as Record<Provider, readonly ConnectedAccount[]>;
    for (const p of PROVIDERS) {
      connections[p] = Object.freeze(
        (s.connections?.[p] ?? []).map((a) =>
          Object.freeze(
            defined({
              id: a.id,
              display: a.display,
              grantedScopes: Object.freeze([...(a.grantedScopes ?? [])]),
              calendarPermissionGranted: a.calendarPermissionGranted ?? null,
              syncState: a.syncState,
              syncStateUpdatedAt: toDate(a.syncStateUpdatedAt) ?? null,
            }) as ConnectedAccount,
          ),
        ),
      );
    }
    return Object.freeze({ connections: Object.freeze(connections), limitReached: s.limitReached ?? false });
  }

  /**
   * Create/update answers come in two documented shapes (reference §3.4, §9.1): event fields at the
   * root next to `success`, or `{success, event}`. Use `event` when it is an object, else the root.
   */
  function unwrapEvent(body: S['EventWriteResponse']): S['CalendarEvent'] {
    const inner = (body as { event?: unknown }).event;
    return inner && typeof inner === 'object' ? (inner as S['CalendarEvent']) : body;
  }

  /** An empty 200 body (`undefined`) reads as a subscription without ids. */
  function toSubscription(r: S['SubscribeResponse'] = {}): WebhookSubscription {
    return Object.freeze(
      defined({
        success: r.success ?? true,
        provider: r.provider,
        channelId: r.subscription?.channelId ?? r.channelId ?? '',
        resourceId: r.subscription?.resourceId,
        expiration: toDate(r.subscription?.expiration),
        webhookUrl: r.subscription?.webhookUrl,
        serverWebhookUrl: r.serverWebhookUrl,
      }) as WebhookSubscription,
    );
  }

  function toSuccess(r: S['SuccessResponse'] | undefined): SuccessResult {
    return Object.freeze(defined({ success: r?.success ?? true, message: r?.message }) as SuccessResult);
  }

  function failed(what: string, message: string | undefined): InstanceType<typeof MobiscrollConnectError> {
    return new MobiscrollConnectError(`${what} failed${message ? `: ${message}` : ''}`, { code: 'MOBISCROLL_OPERATION_FAILED' });
  }

  /** The event of a create/update answer; `success:false` or no id throws. */
  function checkWrite(data: S['EventWriteResponse'] | undefined): S['CalendarEvent'] {
    if (!data || typeof data !== 'object') throw new ProtocolError('Empty event response', { provider: PROVIDER });
    if (data.success === false) throw failed('Write', data.message);
    const event = unwrapEvent(data);
    if (typeof event.id !== 'string') throw new ProtocolError('Event response without an id', { provider: PROVIDER, body: data });
    return event;
  }

  return { toCalendar, toTokenResponse, toConnectionStatus, toSubscription, toSuccess, checkWrite, failed };
}
