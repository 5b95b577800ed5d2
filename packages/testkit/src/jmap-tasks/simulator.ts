/**
 * A stateful JMAP Tasks server (RFC 8620 core + draft-ietf-jmap-tasks) on the simulator harness.
 * Cyrus 3.10 has no `urn:ietf:params:jmap:tasks`, so `@cal/jmap`'s task calls are tested here.
 * Written from the specs: session resource (§2), request/response envelope and problem details
 * (§3.3, §3.4, §3.6.1), method errors (§3.6.2), result references (§3.7), standard methods (§5).
 * @packageDocumentation
 */
import { createSimServer } from '../sim/sim-server.js';
import type { SimContext, SimResult, SimServer } from '../sim/types.js';
import { TypeStore } from './store.js';
import { MethodError, callMethod, type MethodContext } from './methods.js';
import { resolveReferences } from './result-reference.js';

const CORE = 'urn:ietf:params:jmap:core';
const TASKS = 'urn:ietf:params:jmap:tasks';
const MAX_CALLS = 16;

/** Options of {@link startJMAPTasksSimulator}. @public */
export interface JMAPTasksSimulatorOptions {
  /** Basic-auth user (default `user`). */
  username?: string;
  /** Basic-auth password (default `pass`). */
  password?: string;
  /** Account id (default `u1`). */
  accountId?: string;
  /** Task lists created at start (default one: `{ id: 'inbox', name: 'Inbox', role: 'inbox' }`). */
  taskLists?: { id: string; name: string; role?: string | null }[];
}

/** A running JMAP Tasks simulator. @public */
export interface JMAPTasksSimulator {
  /** Session URL (`…/.well-known/jmap`, which redirects to `/jmap/session`). */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  readonly accountId: string;
  readonly sim: SimServer;
  /** Tasks currently stored, by id. */
  tasks(): Record<string, unknown>[];
  /** Forgets change history before the current state (the next `/changes` from an older state fails with cannotCalculateChanges). */
  truncateChangeLog(): void;
  /** Session state; bump it to make clients refetch the session. */
  sessionState: string;
  reset(): void;
  close(): Promise<void>;
}

function problem(type: string, status: number, detail: string): SimResult {
  return { status, headers: { 'content-type': 'application/problem+json' }, body: { type: `urn:ietf:params:jmap:error:${type}`, status, detail } };
}

/** Starts the simulator on 127.0.0.1 (a free port). @public */
export async function startJMAPTasksSimulator(options: JMAPTasksSimulatorOptions = {}): Promise<JMAPTasksSimulator> {
  const username = options.username ?? 'user';
  const password = options.password ?? 'pass';
  const accountId = options.accountId ?? 'u1';
  const initialLists = options.taskLists ?? [{ id: 'inbox', name: 'Inbox', role: 'inbox' }];
  const sim = await createSimServer({ name: 'jmap-tasks' });
  const taskLists = new TypeStore();
  const tasks = new TypeStore();
  let counter = 0;
  const ctx: MethodContext = { accountId, taskLists, tasks, newId: (p) => `${p}${++counter}` };
  const seed = () => {
    taskLists.clear();
    tasks.clear();
    for (const l of initialLists) taskLists.objects.set(l.id, { role: null, description: null, color: null, sortOrder: 0, isSubscribed: true, ...l });
  };
  seed();

  const api: JMAPTasksSimulator = {
    url: `${sim.url}/.well-known/jmap`,
    username,
    password,
    accountId,
    sim,
    sessionState: 'st0',
    tasks: () => [...tasks.objects.values()].map((t) => structuredClone(t)),
    truncateChangeLog: () => {
      tasks.oldestState = tasks.state;
    },
    reset: () => sim.reset(),
    close: () => sim.close(),
  };
  sim.onReset(() => {
    seed();
    api.sessionState = 'st0';
  });

  const authorized = (c: SimContext) => {
    const b = c.basicAuth();
    return b?.user === username && b.pass === password;
  };
  const deny: SimResult = { status: 401, headers: { 'www-authenticate': 'Basic realm="jmap"' }, body: 'unauthorized' };

  sim.route('GET', '/.well-known/jmap', () => ({ status: 301, headers: { location: '/jmap/session' } }));
  sim.route('GET', '/jmap/session', (c) => {
    if (!authorized(c)) return deny;
    return {
      body: {
        capabilities: {
          [CORE]: { maxSizeUpload: 0, maxConcurrentUpload: 1, maxSizeRequest: 1_000_000, maxConcurrentRequests: 4, maxCallsInRequest: MAX_CALLS, maxObjectsInGet: 500, maxObjectsInSet: 500, collationAlgorithms: [] },
          [TASKS]: {},
        },
        accounts: { [accountId]: { name: username, isPersonal: true, isReadOnly: false, accountCapabilities: { [TASKS]: { minDateTime: '1970-01-01T00:00:00Z', maxDateTime: '2100-01-01T00:00:00Z', mayCreateTaskList: false } } } },
        primaryAccounts: { [TASKS]: accountId },
        username,
        apiUrl: '/jmap/api/',
        downloadUrl: '/jmap/download/{accountId}/{blobId}/{name}?accept={type}',
        uploadUrl: '/jmap/upload/{accountId}/',
        eventSourceUrl: '/jmap/eventsource/?types={types}&closeafter={closeafter}&ping={ping}',
        state: api.sessionState,
      },
    };
  });
  sim.route('POST', '/jmap/api/', (c) => {
    if (!authorized(c)) return deny;
    let req: { using?: unknown; methodCalls?: unknown; createdIds?: unknown };
    try {
      req = JSON.parse(c.body) as typeof req;
    } catch {
      return problem('notJSON', 400, 'The request body is not JSON');
    }
    if (typeof req !== 'object' || req === null || !Array.isArray(req.using) || !Array.isArray(req.methodCalls)) {
      return problem('notRequest', 400, 'The request is not a JMAP Request object');
    }
    const using = req.using as string[];
    const unknown = using.filter((u) => u !== CORE && u !== TASKS);
    if (unknown.length) return problem('unknownCapability', 400, `Unsupported capability ${unknown.join(', ')}`);
    if (req.methodCalls.length > MAX_CALLS) return { ...problem('limit', 400, 'Too many calls'), body: { type: 'urn:ietf:params:jmap:error:limit', status: 400, limit: 'maxCallsInRequest' } };
    const createdIds = new Map<string, string>(Object.entries((req.createdIds as Record<string, string> | undefined) ?? {}));
    const responses: [string, Record<string, unknown>, string][] = [];
    for (const inv of req.methodCalls as unknown[]) {
      if (!Array.isArray(inv) || typeof inv[0] !== 'string' || typeof inv[1] !== 'object' || typeof inv[2] !== 'string') {
        return problem('notRequest', 400, 'Malformed invocation');
      }
      const [name, rawArgs, id] = inv as [string, Record<string, unknown>, string];
      try {
        if (!using.includes(CORE)) throw new MethodError('unknownMethod');
        if ((name.startsWith('Task') || name.startsWith('TaskList')) && !using.includes(TASKS)) throw new MethodError('unknownMethod');
        const args = resolveReferences(rawArgs, responses);
        if (!args) throw new MethodError('invalidResultReference');
        responses.push([name, callMethod(ctx, name, args, createdIds), id]);
      } catch (e) {
        if (!(e instanceof MethodError)) throw e;
        responses.push(['error', { type: e.type, ...e.extra }, id]);
      }
    }
    const body: Record<string, unknown> = { methodResponses: responses, sessionState: api.sessionState };
    if (req.createdIds) body['createdIds'] = Object.fromEntries(createdIds);
    return { body };
  });
  return api;
}
