import { describe, expectTypeOf, it } from 'vitest';
import type { CalError } from '@cal/core';
import {
  SyncServerAPI,
  SyncServerAuth,
  NotFoundError,
  OCSSAPIError,
  type ActivesyncClient,
  type Binding,
  type Client,
  type Content,
  type ContentCollection,
  type ContentOperation,
  type DatastoreClient,
  type GDataClient,
  type Model,
  type SyncmlClient,
  type Vendor,
} from '@cal/syncserver';

describe('@cal/syncserver public types', () => {
  const api = new SyncServerAPI(new SyncServerAuth('ck', 'cs', 'ak', 'as'), { signatureMethod: 'PLAINTEXT' });
  it('phones', () => {
    expectTypeOf(api.phones.vendors.get('x')).resolves.toEqualTypeOf<Vendor>();
    expectTypeOf(api.phones.models.detectAuto('+47')).resolves.toEqualTypeOf<Model | null>();
    expectTypeOf(api.phones.models.detectManual('+47')).resolves.toEqualTypeOf<string>();
    expectTypeOf(api.phones.models.detectPoll('c')).resolves.toEqualTypeOf<Model | false | null>();
    expectTypeOf<Model['vendor']>().returns.resolves.toEqualTypeOf<Vendor>();
    expectTypeOf(api.phones.vendors).toMatchTypeOf<AsyncIterable<Vendor>>();
  });
  it('clients by kind', () => {
    expectTypeOf(api.clients.get('x')).resolves.toEqualTypeOf<Client>();
    expectTypeOf<Client>().toEqualTypeOf<SyncmlClient | ActivesyncClient | DatastoreClient | GDataClient>();
    expectTypeOf(api.clients.syncml.get('x')).resolves.toEqualTypeOf<SyncmlClient>();
    expectTypeOf(api.clients.bind('a', 'b')).resolves.toEqualTypeOf<Binding>();
    expectTypeOf(api.clients.gdata.new('u@x')).resolves.toEqualTypeOf<GDataClient>();
    expectTypeOf<DatastoreClient['contents']>().toEqualTypeOf<ContentCollection>();
    expectTypeOf<ContentCollection['filter']>().returns.toEqualTypeOf<ContentCollection>();
    expectTypeOf<Content['operation']>().toEqualTypeOf<ContentOperation | undefined>();
    expectTypeOf<ContentCollection['new']>().parameters.toEqualTypeOf<[data: string, ctype: string, dataclass?: string]>();
    // @ts-expect-error phoneNumber is required
    void api.clients.syncml.new({ model: 'm' });
    // @ts-expect-error since takes a Date or a string
    void ({} as ContentCollection).filter({ since: 42 });
  });
  it('errors are CalErrors', () => {
    expectTypeOf<OCSSAPIError>().toMatchTypeOf<CalError>();
    expectTypeOf<NotFoundError>().toMatchTypeOf<CalError>();
  });
});
