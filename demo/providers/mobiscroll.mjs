// Mobiscroll Connect demo against the @cal/testkit simulator: OAuth code flow, connection status,
// calendars, event CRUD incl. a recurring edit, webhooks (subscribe → signed delivery → verifyWebhook).
import { MobiscrollConnectClient, verifyWebhook } from '@cal/mobiscroll';
import { createSimServer } from '@cal/testkit';
import { startMobiscrollSimulator } from '@cal/testkit/mobiscroll';

export const title = 'Mobiscroll Connect (simulator)';

/** Runs everywhere: the simulator is in-process on loopback. */
export function skipReason() {
  return undefined;
}

export default async function demo({ step }) {
  const receiver = await createSimServer({ name: 'webhook-receiver' });
  receiver.route('POST', '/hook', () => ({ status: 200 }));
  const sim = await startMobiscrollSimulator({ webhookUrl: `${receiver.url}/hook` });
  try {
    const client = new MobiscrollConnectClient({ ...sim.client, baseUrl: sim.baseUrl });
    let rotations = 0;
    client.onTokensRefreshed(() => {
      rotations++;
    });
    const G = { provider: 'google', calendarId: 'alice@gmail.com' };
    const start = new Date(Date.UTC(2030, 0, 7, 9));
    const range = { start: new Date(Date.UTC(2030, 0, 1)), end: new Date(Date.UTC(2030, 1, 1)) };

    await step('connect / authorize', async () => {
      const url = client.auth.generateAuthUrl({ userId: 'user-1', scope: 'read-write', state: 'demo' });
      const res = await fetch(url, { redirect: 'manual' });
      const code = new URL(res.headers.get('location')).searchParams.get('code');
      const tokens = await client.auth.getToken(code);
      return `code exchanged; access token valid until ${tokens.expiresAt.toISOString()}`;
    });
    await step('connection status', async () => {
      const s = await client.auth.getConnectionStatus();
      return Object.entries(s.connections).map(([p, a]) => `${p}: ${a.length}`).join(', ');
    });
    await step('list calendars', async () => `${(await client.calendars.list()).length} calendars across 4 providers`);
    let created;
    await step('create event', async () => {
      created = await client.events.create({ ...G, title: 'Demo meeting', start, end: new Date(+start + 3600e3), attendees: ['bob@example.com'] });
      return `${created.id} "${created.title}" at ${created.start.toISOString()}`;
    });
    await step('create recurring series + edit one instance', async () => {
      const series = await client.events.create({ ...G, title: 'Standup', start: new Date(+start + 86400e3), end: new Date(+start + 86400e3 + 900e3), recurrence: { frequency: 'DAILY', count: 5 } });
      const instances = (await client.events.list({ ...range, calendarIds: { google: [G.calendarId] } })).events.filter((e) => e.recurringEventId === series.id);
      await client.events.update({ ...G, eventId: instances[2].id, recurringEventId: series.id, updateMode: 'this', title: 'Standup (moved)' });
      return `${instances.length} instances; instance 3 edited with updateMode "this"`;
    });
    await step('list events in range', async () => {
      sim.oauth.expireAccessTokens(); // forces a 401 → one refresh (rotation reported to onTokensRefreshed)
      let n = 0;
      for await (const _e of client.events.iterAll({ ...range, pageSize: 2 })) n++;
      return `${n} events via iterAll (pageSize 2); ${rotations} token rotation(s) persisted`;
    });
    await step('incremental sync', async () => {
      await client.webhooks.subscribe({ ...G, channelId: 'demo-channel' });
      const [d] = await sim.externalChange('user-1', { ...G, changeType: 'created', event: { title: 'Added in Google' } });
      const delivery = await verifyWebhook({ headers: d.headers, rawBody: d.body, keysUrl: client.webhooks.keysUrl });
      return `not supported by provider (no sync token); webhook delivery verified (Ed25519): ${delivery.changeType} "${delivery.events[0].title}"`;
    });
    await step('delete event', async () => {
      await client.events.delete({ ...G, eventId: created.id });
      return `${created.id} deleted (parameters sent as query, like the official SDKs)`;
    });
    await step('revoke', async () => {
      await client.auth.revoke();
      return 'tokens revoked at Connect and forgotten locally';
    });
  } finally {
    await sim.close();
    await receiver.close();
  }
}
