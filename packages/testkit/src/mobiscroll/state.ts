import type { MsAccount, MsCalendar, MsEvent, MsProvider, MsSubscription } from './types.js';

/** The four providers in Connect's order. @internal */
export const PROVIDERS: readonly MsProvider[] = ['google', 'microsoft', 'apple', 'caldav'];

/** One Connect user (the `user_id` of the authorize request). @public */
export interface MsUser {
  readonly id: string;
  accounts: Record<MsProvider, MsAccount[]>;
  calendars: MsCalendar[];
  /** Keyed by {@link eventKey}. */
  events: Map<string, MsEvent>;
}

/** @internal */
export const eventKey = (provider: string, calendarId: string, id: string): string => `${provider}\u0000${calendarId}\u0000${id}`;

/** Simulator state: users, subscriptions; `version` bumps on every write (list caches key on it). @internal */
export class MsState {
  users = new Map<string, MsUser>();
  subscriptions = new Map<string, MsSubscription>();
  version = 0;
  private seq = 0;

  nextId(prefix: string): string {
    return `${prefix}${(++this.seq).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  }

  user(id: string): MsUser {
    let u = this.users.get(id);
    if (!u) {
      u = { id, accounts: { google: [], microsoft: [], apple: [], caldav: [] }, calendars: [], events: new Map() };
      this.users.set(id, u);
    }
    return u;
  }

  clear(): void {
    this.users.clear();
    this.subscriptions.clear();
    this.version++;
  }
}

/** A connected account with provider-typical defaults (grantedScopes empty for apple/caldav). @internal */
export function makeAccount(provider: MsProvider, id: string, over: Partial<MsAccount> = {}): MsAccount {
  const oauthProvider = provider === 'google' || provider === 'microsoft';
  return {
    id,
    display: id,
    grantedScopes: oauthProvider ? ['calendar'] : [],
    calendarPermissionGranted: oauthProvider ? true : null,
    syncState: 'active',
    syncStateUpdatedAt: null,
    ...over,
  };
}
