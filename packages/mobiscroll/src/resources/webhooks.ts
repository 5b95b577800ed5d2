import type { ClientContext } from '../client.js';
import { toSubscription, toSuccess, type Provider, type SuccessResult, type WebhookSubscription } from '../models.js';
import { requireFields, requireProvider } from '../validate.js';

/** Input of {@link WebhooksResource.subscribe}. @public */
export interface SubscribeWebhookParams {
  provider: Provider;
  /** The id from `calendars.list()`, not an alias like `primary`. */
  calendarId: string;
  /** Your own channel id (unique across all subscriptions); server-generated if omitted. */
  channelId?: string;
  /** When the subscription should end; sent as Unix milliseconds. */
  expiration?: Date | number;
}

/** Input of {@link WebhooksResource.unsubscribe}. @public */
export interface UnsubscribeWebhookParams {
  provider: Provider;
  channelId: string;
  /** Google's resource id from the subscription. */
  resourceId?: string;
}

/** Webhook subscriptions (reference §4.2–4.3) and verification (§4.5). @public */
export class WebhooksResource {
  readonly #ctx: ClientContext;
  /** @internal */
  constructor(ctx: ClientContext) {
    this.#ctx = ctx;
  }

  /** `POST /subscribe-webhook`. */
  async subscribe(params: SubscribeWebhookParams): Promise<WebhookSubscription> {
    requireProvider('webhooks.subscribe', params?.provider);
    requireFields('webhooks.subscribe', params, ['calendarId']);
    const exp = params.expiration instanceof Date ? params.expiration.getTime() : params.expiration;
    const body = {
      provider: params.provider,
      calendarId: params.calendarId,
      ...(params.channelId === undefined ? {} : { channelId: params.channelId }),
      ...(exp === undefined ? {} : { expiration: exp }),
    };
    return toSubscription(await this.#ctx.api('POST', '/subscribe-webhook', { body }));
  }

  /** `POST /unsubscribe-webhook`; `success` stays true when the provider channel had already expired. */
  async unsubscribe(params: UnsubscribeWebhookParams): Promise<SuccessResult> {
    requireProvider('webhooks.unsubscribe', params?.provider);
    requireFields('webhooks.unsubscribe', params, ['channelId']);
    const body = {
      provider: params.provider,
      channelId: params.channelId,
      ...(params.resourceId === undefined ? {} : { resourceId: params.resourceId }),
    };
    return toSuccess(await this.#ctx.api('POST', '/unsubscribe-webhook', { body }));
  }

  /**
   * The key endpoint: the origin of the base URL + `/.well-known/webhook-keys` (not under `/api`).
   * Pass it to {@link verifyWebhook} (kept standalone so apps that never verify do not bundle it).
   */
  get keysUrl(): string {
    return new URL('/.well-known/webhook-keys', this.#ctx.baseUrl).toString();
  }
}
