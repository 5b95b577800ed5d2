// Typical small app on @cal/syncserver: sign with the portal's OAuth 1.0 tokens, open the user's
// datastore, add a contact, then fetch what changed since the last sync and handle errors by class.
import { NotAllowedError, NotFoundError, SyncServerAPI, SyncServerAuth } from '@cal/syncserver';

const [ck, cs, ak, as] = JSON.parse(localStorage.getItem('ocss-tokens') ?? '["","","",""]');
const api = new SyncServerAPI(new SyncServerAuth(ck, cs, ak, as));
try {
  const store = await api.clients.datastore.get(localStorage.getItem('store-id') ?? '');
  await store.contents.new('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ola Nordmann\r\nEND:VCARD', 'text/vcard');
  const since = localStorage.getItem('last-sync') ?? '2009-12-09T130500Z';
  for await (const item of store.contents.filter({ since, dataclass: 'contacts' })) {
    console.log(item.operation, item.title, item.modified);
  }
  localStorage.setItem('last-sync', new Date().toISOString());
} catch (e) {
  if (e instanceof NotFoundError) console.warn('datastore gone');
  else if (e instanceof NotAllowedError) console.warn('tokens revoked');
  else throw e;
}
