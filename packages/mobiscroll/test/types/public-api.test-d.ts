import { describe, expectTypeOf, it } from 'vitest';
import {
  EventsPage,
  MobiscrollConnectClient,
  verifyWebhook,
  type CalendarEvent,
  type ConnectionStatus,
  type EventTime,
  type WebhookDelivery,
} from '@cal/mobiscroll';

declare const client: MobiscrollConnectClient;

describe('@cal/mobiscroll public types', () => {
  it('fixed API shapes', () => {
    expectTypeOf(client.auth.generateAuthUrl).returns.toEqualTypeOf<string>();
    expectTypeOf(client.events.list).returns.resolves.toEqualTypeOf<EventsPage>();
    expectTypeOf(client.events.iterAll).returns.toMatchTypeOf<AsyncIterable<CalendarEvent>>();
    expectTypeOf(client.auth.getConnectionStatus).returns.resolves.toEqualTypeOf<ConnectionStatus>();
    expectTypeOf(verifyWebhook).returns.resolves.toEqualTypeOf<WebhookDelivery>();
    expectTypeOf<EventsPage>().toMatchTypeOf<Iterable<CalendarEvent>>();
    expectTypeOf<CalendarEvent['start']>().toEqualTypeOf<EventTime>();
    expectTypeOf<EventTime>().toEqualTypeOf<Date | string>();
  });

  it('responses are readonly', () => {
    const e = {} as CalendarEvent;
    // @ts-expect-error readonly
    e.title = 'x';
    const s = {} as ConnectionStatus;
    // @ts-expect-error readonly array
    s.connections.google.push({} as never);
  });

  it('inputs are checked', () => {
    // @ts-expect-error unknown provider
    void client.events.delete({ provider: 'yahoo', calendarId: 'c', eventId: 'e' });
    // @ts-expect-error bad mode
    void client.events.update({ provider: 'google', calendarId: 'c', eventId: 'e', updateMode: 'some' });
    void client.events.create({ provider: 'google', calendarId: 'c', title: 't', start: new Date(), end: '2030-01-01T00:00:00Z' });
  });
});
