import { SimHttpError } from '../index.js';
import type { CronofySimContext } from './context.js';
import { fieldError, id, timeString } from './wire.js';

const MAX_CHANNELS = 128;

/** Notification channels (reference §3.9); creation sends a `verification` push (§6). @internal */
export function mountChannelRoutes(c: CronofySimContext): void {
  const { api } = c;
  const view = (ch: { channel_id: string; callback_url: string; filters: object }) => ({ channel_id: ch.channel_id, callback_url: ch.callback_url, filters: ch.filters });

  api.route('POST', '/v1/channels', (ctx) => {
    const { account, clientId } = c.user(ctx);
    const body = ctx.json<{ callback_url?: string; filters?: { calendar_ids?: string[]; only_managed?: boolean } }>();
    if (!body.callback_url) throw fieldError('callback_url', 'errors.required', 'callback_url must be specified');
    try {
      const u = new URL(body.callback_url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
    } catch {
      throw fieldError('callback_url', 'errors.invalid', 'callback_url must be an http(s) URL');
    }
    const filters = body.filters ?? {};
    for (const cal of filters.calendar_ids ?? []) {
      if (!account.calendars.has(cal)) throw fieldError('filters.calendar_ids', 'errors.unknown', `unknown calendar ${cal}`);
    }
    // An identical request returns the existing channel (docs create-channel).
    for (const ch of account.channels.values()) {
      if (ch.callback_url === body.callback_url && JSON.stringify(ch.filters) === JSON.stringify(filters)) return { body: { channel: view(ch) } };
    }
    if (account.channels.size >= MAX_CHANNELS) throw fieldError('callback_url', 'errors.too_many_channels', 'at most 128 channels per account');
    const channel = { channel_id: id('chn'), callback_url: body.callback_url, filters, clientId };
    account.channels.set(channel.channel_id, channel);
    c.push(channel.callback_url, clientId, { notification: { type: 'verification' }, channel: view(channel) }, 'verification');
    return { body: { channel: view(channel) } };
  });

  api.route('GET', '/v1/channels', (ctx) => ({ body: { channels: [...c.user(ctx).account.channels.values()].map(view) } }));

  api.route('DELETE', '/v1/channels/:channel_id', (ctx) => {
    const { account } = c.user(ctx);
    if (!account.channels.delete(ctx.params['channel_id']!)) throw new SimHttpError(404, { error: 'not_found' });
    return { status: 202 };
  });
}

/** Builds the `change` payload of a channel (reference §6). @internal */
export function changePayload(channel: { channel_id: string; callback_url: string; filters: object }): object {
  return {
    notification: { type: 'change', changes_since: timeString(Date.now() - 1000) },
    channel: { channel_id: channel.channel_id, callback_url: channel.callback_url, filters: channel.filters },
  };
}
