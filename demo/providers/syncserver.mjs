// ObexCode SyncServer (the service is gone; its contract lives on as @cal/testkit/syncserver):
// sign with portal-issued OAuth 1.0 tokens, register a datastore client, add contents, list the
// changes since a time (insert/update/delete), then register a phone and bind it to the datastore.
import { startSyncServerSimulator } from '@cal/testkit/syncserver';
import { SyncServerAPI, SyncServerAuth } from '@cal/syncserver';

export const title = 'ObexCode SyncServer (simulator, OAuth 1.0 + Atom)';
export function skipReason() {
  return undefined;
}

const card = (name) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEND:VCARD`;

export default async function demo({ step }) {
  const sim = await startSyncServerSimulator();
  try {
    const c = sim.credentials[0];
    const api = new SyncServerAPI(new SyncServerAuth(c.consumerKey, c.consumerSecret, c.accessKey, c.accessSecret), { baseUrl: sim.url });
    await step('connect / authorize', async () => {
      const vendors = await api.phones.vendors.list();
      return `OAuth 1.0 HMAC-SHA1 as ${c.user}; ${vendors.length} vendors in the phone DB`;
    });
    const store = await step('register datastore client', async () => {
      const s = await api.clients.datastore.new({ name: 'Ola contacts', foreignUserId: 'app:1456' });
      return Object.assign(s, { toString: () => `datastore ${s.id}` });
    });
    let ola;
    let kari;
    await step('add contents', async () => {
      ola = await store.contents.new(card('Ola Nordmann'), 'text/vcard');
      kari = await store.contents.new(card('Kari Nordmann'), 'text/vcard');
      await store.contents.new('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Standup\r\nEND:VEVENT\r\nEND:VCALENDAR', 'text/calendar');
      return (await store.contents.list()).map((x) => `${x.dataclass}: ${x.title}`).join('; ');
    });
    const since = new Date(sim.state.now().getTime() + 60_000);
    sim.state.advance(120); // two minutes later on the service's clock
    await step('incremental sync: changes since a time', async () => {
      await ola.update({ data: card('Ola N. Nordmann') });
      await kari.delete();
      await store.contents.new(card('Per Hansen'), 'text/vcard');
      const changes = await store.contents.filter({ since, dataclass: 'contacts' }).list();
      return changes.map((x) => `${x.operation} ${x.title}`).join('; ');
    });
    await step('bind a phone to the datastore', async () => {
      const model = await api.phones.models.detectAuto('+4799988877');
      const phone = await api.clients.syncml.new({ phoneNumber: '+4799988877', model: model ?? sim.state.models[0].id, timezone: 'Europe/Oslo' });
      const binding = await api.clients.bind(phone, store);
      await phone.sendSetup('1234');
      return `${(await model?.vendor())?.name ?? ''} ${model?.name ?? ''} → binding ${binding.id} (dominant: ${binding.dominant}); setup SMS sent`;
    });
    await step('delete datastore', async () => {
      await store.delete();
      return `datastore deleted; ${await api.clients.size()} client(s) left`;
    });
  } finally {
    await sim.close();
  }
}
