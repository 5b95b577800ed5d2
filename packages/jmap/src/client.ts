import { DEFAULT_TIMEOUT, basicAuth, bearerAuth, createHttpClient, type AuthStrategy, type FetchLike, type HttpClient, type HttpClientOptions, type OriginPolicy, type RequestHook, type RetryOptions } from '@cal/core';
import { PROVIDER, USER_AGENT } from './constants.js';
import { Transport, parseProblem, type RequestOptions } from './transport.js';
import { invalid } from './validate.js';
import { lazy } from './lazy.js';
import { kit, type Kit } from './on-demand-kit.js';
import { getCalendars } from './calendars.js';
import { createEvent } from './events.js';
import { getSyncToken } from './sync-token.js';
import { searchEvents, type SearchDialect, type SearchOptions } from './search.js';
import type { JMAPResponse } from './response.js';
import type { MethodCall } from './method-call.js';
import type { CreateEventsResult, EventInput, WriteOptions } from './events.js';
import type { SyncOptions, SyncResult } from './sync.js';
import type { TaskFields } from './tasks.js';
import type { NewCalendar } from './calendar-writes.js';
import type { JMAPCalendarObject } from './calendar-object.js';
import type { Invocation, JMAPSession, PatchObject } from './types/core.js';
import type { JMAPCalendar, JMAPTaskList, JSCalendarTask } from './types/jscalendar.js';

/** Options of {@link createJMAPClient}. @public */
export interface JMAPClientOptions {
  /** Session URL, e.g. `https://host/.well-known/jmap` (redirects are followed) or Cyrus's `/jmap/`. */
  url: string | URL;
  /** User name: selects Basic auth. */
  username?: string;
  /** Password for Basic auth, or the bearer token when no `username` is given. */
  password?: string;
  /** A pre-built strategy (e.g. `createOAuth2Auth(...)`); wins over username/password. */
  auth?: AuthStrategy;
  /** Force `basic` or `bearer`. */
  authType?: 'basic' | 'bearer';
  /** Per-request timeout in ms (default 30 000). */
  timeout?: number;
  /** `fetch` to use (default `globalThis.fetch`). */
  fetch?: FetchLike;
  /** Retry policy of core's HTTP client (default: 2 retries of reads; `false` turns it off). */
  retry?: RetryOptions | false;
  /** Redacted request observer. */
  onRequest?: RequestHook;
  /** Extra origins that may receive credentials (the session URL's origin always may). */
  origins?: OriginPolicy;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

/**
 * A JMAP for Calendars client (RFC 8620, RFC 8984, draft-ietf-jmap-calendars), the TypeScript
 * counterpart of python-caldav's `JMAPClient`. Create it with {@link createJMAPClient}.
 * @public
 */
export interface JMAPClient {
  /** The session (fetched once, refetched after the server's `sessionState` changes). */
  getSession(): Promise<JMAPSession>;
  /** Every calendar of the account. */
  getCalendars(): Promise<JMAPCalendar[]>;
  /** Creates a calendar; returns its id. */
  createCalendar(props: NewCalendar): Promise<string>;
  /** Destroys a calendar; `removeEvents` also destroys its events. */
  deleteCalendar(id: string, options?: { removeEvents?: boolean }): Promise<void>;
  /** Creates an event from VCALENDAR text or a JSCalendar object; returns the server id. */
  createEvent(calendarId: string, event: EventInput, options?: WriteOptions): Promise<string>;
  /** Creates many events in one `CalendarEvent/set` (per `maxObjectsInSet`); rejected items reported. */
  createEvents(calendarId: string, events: readonly EventInput[], options?: WriteOptions): Promise<CreateEventsResult>;
  /** Reads one event; `NotFoundError` if it does not exist. */
  getEvent(id: string): Promise<JMAPCalendarObject>;
  /** Reads several events. */
  getEvents(ids: readonly string[]): Promise<{ list: JMAPCalendarObject[]; notFound: string[] }>;
  /** Replaces an event with a new version (VCALENDAR text or JSCalendar); absent properties are cleared. */
  updateEvent(id: string, event: EventInput, options?: WriteOptions): Promise<void>;
  /** Applies a raw PatchObject (RFC 8620 §5.3) to an event. */
  patchEvent(id: string, patch: PatchObject, options?: WriteOptions): Promise<void>;
  /** Destroys an event. */
  deleteEvent(id: string, options?: WriteOptions): Promise<void>;
  /** Query + get in ONE HTTP request, using a result reference. */
  searchEvents(options?: SearchOptions): Promise<JMAPCalendarObject[]>;
  /** The current CalendarEvent state (no event data transferred). */
  getSyncToken(): Promise<string>;
  /** What changed since a token; pages through `hasMoreChanges`; flags `fullResync`. */
  getObjectsBySyncToken(token: string, options?: SyncOptions): Promise<SyncResult>;
  /** Every task list (needs `urn:ietf:params:jmap:tasks`). */
  getTaskLists(): Promise<JMAPTaskList[]>;
  /** Creates a task; returns its id. */
  createTask(taskListId: string, title: string, fields?: TaskFields): Promise<string>;
  /** Reads a task; `NotFoundError` if it does not exist. */
  getTask(id: string): Promise<JSCalendarTask>;
  /** Patches a task. */
  updateTask(id: string, patch: PatchObject): Promise<void>;
  /** Destroys a task. */
  deleteTask(id: string): Promise<void>;
  /**
   * Sends any method calls in ONE request. Use {@link call} for typed calls and result references;
   * `accountId` is filled in per capability. Failed calls throw only when you read them.
   */
  request(calls: readonly (MethodCall<string, unknown> | Invocation)[], options?: RequestOptions): Promise<JMAPResponse>;
  /** The underlying core HTTP client. */
  readonly http: HttpClient;
}

// The methods a typical app does not call load on first use (one chunk, fetched once): see on-demand.ts.
const more = lazy(() => import('./on-demand.js'));
type OnDemand = typeof import('./on-demand.js');
/** An on-demand function as a client method: without its leading kit and transport parameters. */
type WithoutKit<F> = F extends (k: Kit, t: Transport, ...rest: infer A) => infer R ? (...rest: A) => R : never;
/** Client options handed to core's HTTP client as they are. */
const PASSED = ['fetch', 'retry', 'onRequest', 'origins', 'headers'] as const;

function authFrom(o: JMAPClientOptions): AuthStrategy | undefined {
  if (o.auth) return o.auth;
  const type = o.authType ?? (o.username !== undefined ? 'basic' : o.password !== undefined ? 'bearer' : undefined);
  if (type === undefined) return undefined;
  if (type === 'basic') {
    if (typeof o.username !== 'string' || typeof o.password !== 'string') {
      throw invalid('username', 'createJMAPClient', 'basic auth needs username and password');
    }
    return basicAuth(o.username, o.password);
  }
  if (type === 'bearer') {
    if (typeof o.password !== 'string' || o.password === '') throw invalid('password', 'createJMAPClient', 'bearer auth needs the token as password');
    return bearerAuth(o.password);
  }
  throw invalid('authType', 'createJMAPClient', 'must be "basic" or "bearer"');
}

/**
 * Creates a JMAP for Calendars client. Nothing is sent until the first call.
 * @example
 * ```ts
 * const client = createJMAPClient({ url: 'https://jmap.example.com/.well-known/jmap', username: 'alice', password: 'secret' });
 * const [cal] = await client.getCalendars();
 * const id = await client.createEvent(cal.id, icalText);
 * ```
 * @public
 */
export function createJMAPClient(options: JMAPClientOptions): JMAPClient {
  if (typeof options !== 'object' || options === null) throw invalid('options', 'createJMAPClient', 'options are required');
  let url: URL;
  try {
    url = new URL(String(options.url));
  } catch {
    throw invalid('url', 'createJMAPClient', 'must be an absolute URL');
  }
  if (options.timeout !== undefined && !(options.timeout > 0)) throw invalid('timeout', 'createJMAPClient', 'must be a positive number of ms');
  const auth = authFrom(options);
  const config: HttpClientOptions = { provider: PROVIDER, baseUrl: url, userAgent: USER_AGENT, parseError: parseProblem, timeout: options.timeout ?? DEFAULT_TIMEOUT };
  if (auth) config.auth = auth;
  // Passed through only when given; `retry: false` is a value.
  for (const key of PASSED) if (options[key] != null) Object.assign(config, { [key]: options[key] });
  const http = createHttpClient(config);
  const t = new Transport(http, url.href);
  const dialect: SearchDialect = { calendarFilter: 'inCalendars' };
  // An on-demand method: loads the chunk once, then calls the function with the kit and the transport.
  const later = <K extends keyof OnDemand>(name: K): WithoutKit<OnDemand[K]> =>
    (async (...args: unknown[]) => ((await more())[name] as (...a: unknown[]) => unknown)(kit, t, ...args)) as WithoutKit<OnDemand[K]>;
  return {
    http,
    getSession: () => t.getSession(),
    getCalendars: () => getCalendars(t),
    createCalendar: later('createCalendar'),
    deleteCalendar: later('deleteCalendar'),
    createEvent: (calendarId, event, o) => createEvent(t, calendarId, event, o),
    createEvents: later('createEvents'),
    getEvent: later('getEvent'),
    getEvents: later('getEvents'),
    updateEvent: later('updateEvent'),
    patchEvent: later('patchEvent'),
    deleteEvent: later('deleteEvent'),
    searchEvents: (o = {}) => searchEvents(t, o, dialect),
    getSyncToken: () => getSyncToken(t),
    getObjectsBySyncToken: later('getObjectsBySyncToken'),
    getTaskLists: later('getTaskLists'),
    createTask: later('createTask'),
    getTask: later('getTask'),
    updateTask: later('updateTask'),
    deleteTask: later('deleteTask'),
    request: (calls, o) => t.send(calls, o),
  };
}
