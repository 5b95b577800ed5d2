import type { SimCronofyCalendar, SimCronofyEvent } from './types.js';
import { id, timeString } from './wire.js';

/** Channel as stored. */
export interface StoredChannel {
  channel_id: string;
  callback_url: string;
  filters: { calendar_ids?: string[]; only_managed?: boolean };
  clientId: string;
}

/** One Cronofy account. */
export interface SimAccount {
  userId: string;
  accountId: string;
  email: string;
  name: string;
  tzid: string;
  profiles: { provider_name: string; provider_service: string; profile_id: string; profile_name: string; profile_connected: boolean; profile_initial_sync_required: boolean }[];
  calendars: Map<string, SimCronofyCalendar>;
  /** By event_uid. */
  events: Map<string, SimCronofyEvent>;
  channels: Map<string, StoredChannel>;
  managed: boolean;
}

/** All accounts of the simulator. */
export class CronofyState {
  readonly accounts = new Map<string, SimAccount>();

  clear(): void {
    this.accounts.clear();
  }

  account(userId: string, init: { email?: string; name?: string; tzid?: string; providerName?: string } = {}): SimAccount {
    let acc = this.accounts.get(userId);
    if (acc) return acc;
    const email = init.email ?? `${userId.replace(/[^a-z0-9.-]/gi, '')}@example.test`;
    const profileId = id('pro');
    const provider = init.providerName ?? 'google';
    acc = {
      userId,
      accountId: id('acc'),
      email,
      name: init.name ?? userId,
      tzid: init.tzid ?? 'Etc/UTC',
      profiles: [
        { provider_name: provider, provider_service: provider === 'cronofy' ? 'cronofy' : 'gsuite', profile_id: profileId, profile_name: email, profile_connected: true, profile_initial_sync_required: false },
      ],
      calendars: new Map(),
      events: new Map(),
      channels: new Map(),
      managed: false,
    };
    this.accounts.set(userId, acc);
    this.addCalendar(acc, { calendar_name: 'Primary', calendar_primary: true, provider_name: provider });
    return acc;
  }

  addCalendar(acc: SimAccount, init: Partial<SimCronofyCalendar> = {}): SimCronofyCalendar {
    const profile = acc.profiles[0]!;
    const cal: SimCronofyCalendar = {
      provider_name: profile.provider_name,
      profile_id: profile.profile_id,
      profile_name: profile.profile_name,
      calendar_id: id('cal'),
      calendar_name: 'Calendar',
      calendar_readonly: false,
      calendar_deleted: false,
      calendar_primary: false,
      permission_level: 'sandbox',
      ...init,
    };
    acc.calendars.set(cal.calendar_id, cal);
    return cal;
  }

  /** Creates or replaces an event; `managed` = created through the API (has an `event_id`). */
  putEvent(acc: SimAccount, fields: Partial<SimCronofyEvent> & Pick<SimCronofyEvent, 'calendar_id' | 'summary' | 'start' | 'end'>, existing?: SimCronofyEvent): SimCronofyEvent {
    const now = timeString(Date.now());
    const event: SimCronofyEvent = {
      description: '',
      deleted: false,
      participation_status: 'accepted',
      transparency: 'opaque',
      status: 'confirmed',
      attendees: [],
      options: { delete: true, update: true, change_participation_status: true },
      ...existing,
      ...fields,
      event_uid: existing?.event_uid ?? fields.event_uid ?? id('evt_external'),
      created: existing?.created ?? now,
      updated: now,
    } as SimCronofyEvent;
    acc.events.set(event.event_uid, event);
    return event;
  }

  findManaged(acc: SimAccount, calendarId: string, eventId: string): SimCronofyEvent | undefined {
    for (const e of acc.events.values()) if (e.calendar_id === calendarId && e.event_id === eventId) return e;
    return undefined;
  }
}
