/** Public types of the Mobiscroll Connect simulator (`@cal/testkit/mobiscroll`). */

/** A Connect provider. @public */
export type MsProvider = 'google' | 'microsoft' | 'apple' | 'caldav';
/** Connect scopes (reference §2.6). @public */
export type MsScope = 'free-busy' | 'read' | 'read-write';

/** A connected account as `/oauth/connection-status` shows it (reference §2.4). @public */
export interface MsAccount {
  id: string;
  display?: string;
  grantedScopes: string[];
  calendarPermissionGranted: boolean | null;
  syncState: 'active' | 'reauth_required';
  syncStateUpdatedAt: string | null;
}

/** A calendar on the wire (reference §3.1). @public */
export interface MsCalendar {
  provider: MsProvider;
  id: string;
  title: string;
  timeZone: string;
  color?: string;
  description?: string;
  /** Account (e-mail) that owns it; not on the wire. */
  account: string;
}

/** Recurrence of a series (reference §3.4). @public */
export interface MsRecurrence {
  frequency: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval?: number;
  count?: number;
  until?: string;
  byDay?: string[];
  byMonthDay?: number[];
  byMonth?: number[];
}

/** A stored event or series master (wire fields of reference §3.3 plus series bookkeeping). @public */
export interface MsEvent {
  provider: MsProvider;
  id: string;
  calendarId: string;
  title: string;
  start: string;
  end: string;
  allDay: boolean;
  description?: string;
  location?: string;
  attendees?: { email: string; status: string; organizer?: boolean }[];
  custom?: Record<string, unknown>;
  conference?: unknown;
  conferenceData?: Record<string, unknown>;
  availability?: string;
  privacy?: string;
  status?: string;
  lastModified: string;
  recurrence?: MsRecurrence;
  /** Overrides of single instances keyed by the instance's original start (ISO); `null` = cancelled. */
  exceptions?: Record<string, Partial<MsEvent> | null>;
}

/** A webhook subscription (reference §4.2). @public */
export interface MsSubscription {
  userId: string;
  provider: MsProvider;
  calendarId: string;
  channelId: string;
  resourceId?: string;
  expiration: string;
}

/** One signed webhook POST the simulator sent (reference §4.4–4.5). @public */
export interface MsDelivery {
  url: string;
  headers: Record<string, string>;
  body: string;
  status?: number;
  error?: string;
}

/** Options of `startMobiscrollSimulator`. @public */
export interface MobiscrollSimulatorOptions {
  /** Registered Connect app; default `{ clientId: 'ms-client', clientSecret: 'ms-secret', redirectUri: 'https://app.example/callback' }`. */
  client?: { clientId: string; clientSecret: string; redirectUri: string };
  /** Token endpoint client auth; default both (Basic or body, reference §2.2). */
  clientAuth?: 'basic' | 'body' | 'both';
  /** Access-token lifetime; default 3600. */
  accessTokenTtlSeconds?: number;
  /** Seed `user-1` with one account and calendar per provider and a few events; default true. */
  seed?: boolean;
  /** Project webhook URL; without it `/subscribe-webhook` answers 400 (reference §4.2). */
  webhookUrl?: string;
  /** Max requests per `windowMs` per access token before 429 + Retry-After; default off. */
  throttle?: { limit: number; windowMs: number; retryAfterSeconds?: number };
  /** Connected-account plan limit reported as `limitReached`; default 10. */
  accountLimit?: number;
  /** Bind address; default 127.0.0.1. */
  host?: string;
}
