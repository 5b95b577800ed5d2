import { NotFoundError, ProtocolError, type HttpClient } from '@cal/core';
import { invalid } from './validate.js';
import { CAPABILITY_CORE, PROVIDER } from './constants.js';
import { capabilityOf, isReadOnly } from './capabilities.js';
import { accountFor, fetchSession } from './session.js';
import { parseResponse, type JMAPResponse } from './response.js';
import { call, toInvocation, type MethodCall } from './method-call.js';
import { assertSetOk } from './set-result.js';
import type { Invocation, JMAPSession, SetResponse } from './types/core.js';

/** Options of one batched request. @public */
export interface RequestOptions {
  /** Capabilities for `using`; default: core plus the capability of every method in the batch. */
  readonly using?: readonly string[];
  /** Client-chosen creation ids already known to the server (RFC 8620 §3.3 `createdIds`). */
  readonly createdIds?: Readonly<Record<string, string>>;
  /** Cancels the request. */
  readonly signal?: AbortSignal;
}

/**
 * Session cache plus the API POST. The session is fetched once and reused; when an API response
 * carries a different `sessionState` (RFC 8620 §3.4: "the client SHOULD refetch the session") the
 * cached copy is dropped and the next call fetches it again.
 * @internal
 */
export class Transport {
  private session: JMAPSession | undefined;
  private pending: Promise<JMAPSession> | undefined;

  constructor(
    readonly http: HttpClient,
    private readonly sessionUrl: string,
  ) {}

  /** The current session, fetched once; concurrent callers share one fetch. */
  async getSession(signal?: AbortSignal): Promise<JMAPSession> {
    if (this.session) return this.session;
    this.pending ??= fetchSession(this.http, this.sessionUrl, signal)
      .then((s) => (this.session = s))
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** Forgets the cached session. */
  invalidate(): void {
    this.session = undefined;
  }

  /** The account id for a capability, or a ProtocolError when the server has none. */
  account(session: JMAPSession, capability: string): string {
    const id = accountFor(session, capability);
    if (id === undefined || !session.capabilities[capability]) {
      throw new ProtocolError(`The JMAP server does not offer ${capability}`, {
        provider: PROVIDER,
        providerCode: 'unknownCapability',
        url: session.url,
      });
    }
    return id;
  }

  /** POSTs one request with any number of method calls. */
  async send(calls: readonly (MethodCall<string, unknown> | Invocation)[], options: RequestOptions = {}): Promise<JMAPResponse> {
    if (!Array.isArray(calls) || calls.length === 0) throw invalid('calls', 'request', 'at least one method call is needed');
    const session = await this.getSession(options.signal);
    const max = Number((session.capabilities[CAPABILITY_CORE] as { maxCallsInRequest?: unknown } | undefined)?.maxCallsInRequest);
    if (max > 0 && calls.length > max) {
      throw invalid('calls', 'request', `${calls.length} calls exceed the server's maxCallsInRequest (${max})`, 'limit');
    }
    const seen = new Set<string>();
    const using = new Set<string>(options.using ?? [CAPABILITY_CORE]);
    const methodCalls = calls.map((c) => {
      const [name, args, id] = toInvocation(c);
      if (typeof name !== 'string' || !name.includes('/') || typeof args !== 'object' || args === null || typeof id !== 'string') {
        throw invalid('calls', 'request', 'each call is [name, arguments, callId] with a "Type/method" name');
      }
      // Result references and responses are matched by call id: duplicates would be ambiguous.
      if (seen.has(id)) throw invalid('calls', 'request', `duplicate call id "${id}"`);
      seen.add(id);
      const capability = capabilityOf(name);
      if (!options.using) using.add(capability);
      // Fill in the account of the method's capability: tasks may live in another account than
      // calendars (python-caldav reuses the calendars account for tasks).
      if (args['accountId'] === undefined && capability !== CAPABILITY_CORE) {
        return [name, { accountId: this.account(session, capability), ...args }, id] as const;
      }
      return [name, args, id] as const;
    });
    const body: Record<string, unknown> = { using: [...using], methodCalls };
    if (options.createdIds) body['createdIds'] = options.createdIds;
    const raw = await this.http.json<unknown>(session.apiUrl, {
      method: 'POST',
      body,
      idempotent: methodCalls.every(([name]) => isReadOnly(name)),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const response = parseResponse(raw);
    if (response.sessionState && session.state && response.sessionState !== session.state && this.session === session) {
      this.invalidate();
    }
    return response;
  }

  /** Sends ONE call and returns its result; throws its error (`JMAPMethodError`, `ConflictError`…). */
  async one<R>(c: MethodCall<string, R>, signal?: AbortSignal): Promise<R> {
    return (await this.send([c], signal ? { signal } : {})).get(c);
  }

  /** Sends one `/set` call; throws when the server rejected any item (every item listed, none dropped). */
  async set<R extends SetResponse<unknown>>(c: MethodCall<string, R>, signal?: AbortSignal): Promise<R> {
    const res = await this.one(c, signal);
    assertSetOk(c.name, c.id, res);
    return res;
  }

  /** `Foo/set` creating one object under creation id `key`; returns the server id. */
  async create(method: string, key: string, object: unknown, args: Record<string, unknown> = {}, signal?: AbortSignal): Promise<string> {
    const res = await this.set(call(method, { create: { [key]: object }, ...args }) as unknown as MethodCall<string, SetResponse<unknown>>, signal);
    const id = res.created?.[key]?.id;
    if (!id) throw new NotFoundError(`${method} reported no created id`, { provider: PROVIDER, body: res });
    return id;
  }
}

/**
 * Parses a request-level problem-details body (RFC 8620 §3.6.1, RFC 7807) into the error context for
 * core's status mapping: `urn:ietf:params:jmap:error:unknownCapability|notJSON|notRequest|limit`.
 * @internal
 */
export function parseProblem(_response: Response, body: unknown): { message?: string; providerCode?: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { type, detail, title, limit } = body as Record<string, unknown>;
  if (typeof type !== 'string') return undefined;
  const text = typeof detail === 'string' ? detail : typeof title === 'string' ? title : '';
  const lim = typeof limit === 'string' ? ` (limit: ${limit})` : '';
  return { message: `JMAP request rejected: ${type}${text ? `: ${text}` : ''}${lim}`, providerCode: type };
}
