import type { ClientContext } from '../client.js';
import { operations } from '../on-demand/load-operations.js';
import type { Provider, SuccessResult, WebhookSubscription } from '../models.js';

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
    return (await operations()).subscribe(this.#ctx, params);
  }

  /** `POST /unsubscribe-webhook`; `success` stays true when the provider channel had already expired. */
  async unsubscribe(params: UnsubscribeWebhookParams): Promise<SuccessResult> {
    return (await operations()).unsubscribe(this.#ctx, params);
  }

  /**
   * The key endpoint: the origin of the base URL + `/.well-known/webhook-keys` (not under `/api`).
   * Pass it to {@link verifyWebhook} (kept standalone so apps that never verify do not bundle it).
   */
  get keysUrl(): string {
    return new URL('/.well-known/webhook-keys', this.#ctx.baseUrl).toString();
  }
}
