import type { OAuthServer, SimServer } from '../index.js';

/** Options of {@link startCronofySimulator}. @public */
export interface CronofySimulatorOptions {
  /** Data center id the simulator stands for (labels only; hosts are loopback). @default 'us' */
  dataCenter?: 'us' | 'uk' | 'de' | 'ca' | 'au' | 'sg';
  /** Registered applications. @default [{ clientId: 'cronofy-client', clientSecret: 'cronofy-secret' }] */
  clients?: { clientId: string; clientSecret: string; redirectUris?: string[] }[];
  /** Extra secrets every push is also signed with (a client secret being rotated, reference §6). */
  extraSigningSecrets?: string[];
  /** Items per page of read events / free-busy. @default 100 */
  pageSize?: number;
  /** Access-token lifetime in seconds. @default 3600 */
  accessTokenTtlSeconds?: number;
  /** Loopback address of the API host. @default '127.0.0.1' */
  apiHost?: string;
  /** Loopback address of the app host (a different port, so a different origin, either way). @default '127.0.0.1' */
  appHost?: string;
  /**
   * Per-application rate limit (docs: 50/s, 500/min); over it the API answers 429.
   * `retryAfter` adds a `Retry-After` header (the docs promise none, reference open question 2).
   */
  rateLimit?: { limit: number; windowMs: number; retryAfter?: number };
}

/** A time as stored: the wire value and its instant (ms) for filtering. @internal */
export interface StoredTime {
  wire: string | { time: string; tzid: string };
  ms: number;
  allDay: boolean;
}

/** One event in the simulator. @public */
export interface SimCronofyEvent {
  calendar_id: string;
  event_uid: string;
  /** Present for managed events (created through the API). */
  event_id?: string;
  summary: string;
  description: string;
  start: string | { time: string; tzid: string };
  end: string | { time: string; tzid: string };
  deleted: boolean;
  created: string;
  updated: string;
  participation_status: string;
  transparency: string;
  status: string;
  attendees: { email: string; display_name?: string; status: string }[];
  location?: { description?: string; lat?: string; long?: string };
  options: { delete: boolean; update: boolean; change_participation_status: boolean };
  [extra: string]: unknown;
}

/** A calendar in the simulator. @public */
export interface SimCronofyCalendar {
  provider_name: string;
  profile_id: string;
  profile_name: string;
  calendar_id: string;
  calendar_name: string;
  calendar_readonly: boolean;
  calendar_deleted: boolean;
  calendar_primary: boolean;
  permission_level: string;
}

/** A notification delivered (or attempted) to a channel callback. @public */
export interface SimCronofyPush {
  url: string;
  body: string;
  /** The `Cronofy-HMAC-SHA256` header sent. */
  hmac: string;
  /** Callback's response status, or `undefined` when delivery failed. */
  status?: number;
  type: string;
}

/** A running Cronofy simulator. @public */
export interface CronofySimulator {
  /** API host origin (`http://127.0.0.1:PORT`), stands for `https://api{-dc}.cronofy.com`. */
  readonly apiUrl: string;
  /** App host origin, stands for `https://app{-dc}.cronofy.com` (OAuth consent page). */
  readonly appUrl: string;
  /** `{ api, app }`, ready for `new CronofyClient({ hosts })`. */
  readonly hosts: { api: string; app: string };
  readonly dataCenter: string;
  /** The API host server (faults, request log). */
  readonly sim: SimServer;
  /** The app host server. */
  readonly app: SimServer;
  /** The OAuth server (on the app host; the API host forwards `/oauth/token*` to it). */
  readonly oauth: OAuthServer;
  readonly clients: readonly { clientId: string; clientSecret: string }[];
  /** Gives `userId` tokens without the browser dance; creates the user if needed. */
  issueToken(userId?: string, clientId?: string): { accessToken: string; refreshToken: string; expiresIn: number };
  /** Creates (or returns) a user with one profile and one primary calendar. */
  addUser(userId: string, init?: { email?: string; name?: string; tzid?: string }): { accountId: string; calendarId: string; profileId: string };
  /** Adds a calendar to a user. */
  addCalendar(userId: string, init?: Partial<SimCronofyCalendar>): SimCronofyCalendar;
  /** Seeds events as if they came from the provider (unmanaged, no `event_id`). Returns their uids. */
  seedEvents(userId: string, calendarId: string, events: { summary: string; start: string; end: string; [k: string]: unknown }[]): string[];
  /** Every event of a user (deleted ones included). */
  events(userId: string): SimCronofyEvent[];
  /** Pushes delivered so far. */
  readonly pushes: readonly SimCronofyPush[];
  /** Waits until every pending push delivery has finished. */
  flushPushes(): Promise<void>;
  /** Makes `next_page` links point at another origin (a hostile or broken server). */
  setNextPageOrigin(origin: string | undefined): void;
  /** Clears state, log and faults. */
  reset(): void;
  close(): Promise<void>;
}
