/**
 * The JMAP Tasks methods (draft-ietf-jmap-tasks: TaskList/get, Task/get|set|changes|query) on the
 * RFC 8620 standard method semantics (§5.1 get, §5.2 changes, §5.3 set, §5.5 query).
 * @packageDocumentation
 */
import { applyPatch } from './patch.js';
import { SERVER_SET, invalidTaskProperties } from './validate-task.js';
import type { JMAPObject, TypeStore } from './store.js';

/** A method-level error (RFC 8620 §3.6.2). @internal */
export class MethodError {
  constructor(readonly type: string, readonly extra: Record<string, unknown> = {}) {}
}

/** What the methods need from the simulator. @internal */
export interface MethodContext {
  accountId: string;
  taskLists: TypeStore;
  tasks: TypeStore;
  newId(prefix: string): string;
}

function checkAccount(ctx: MethodContext, args: Record<string, unknown>): void {
  if (args['accountId'] !== ctx.accountId) throw new MethodError('accountNotFound');
}

function get(ctx: MethodContext, store: TypeStore, args: Record<string, unknown>): Record<string, unknown> {
  checkAccount(ctx, args);
  const ids = args['ids'];
  if (ids !== undefined && ids !== null && !Array.isArray(ids)) throw new MethodError('invalidArguments', { arguments: ['ids'] });
  const props = Array.isArray(args['properties']) ? new Set(['id', ...(args['properties'] as string[])]) : undefined;
  const pick = (o: JMAPObject) => (props ? Object.fromEntries(Object.entries(o).filter(([k]) => props.has(k))) : structuredClone(o));
  const list: unknown[] = [];
  const notFound: string[] = [];
  for (const id of (ids as string[] | null | undefined) ?? [...store.objects.keys()]) {
    const o = store.objects.get(id);
    if (o) list.push(pick(o));
    else notFound.push(id);
  }
  return { accountId: ctx.accountId, state: String(store.state), list, notFound };
}

function changes(ctx: MethodContext, store: TypeStore, args: Record<string, unknown>): Record<string, unknown> {
  checkAccount(ctx, args);
  const since = Number(args['sinceState']);
  const max = args['maxChanges'];
  if (max !== undefined && max !== null && !(Number.isInteger(max) && (max as number) > 0)) throw new MethodError('invalidArguments', { arguments: ['maxChanges'] });
  const res = store.changes(typeof args['sinceState'] === 'string' && /^\d+$/.test(args['sinceState']) ? since : NaN, (max as number | undefined) ?? undefined);
  if (!res) throw new MethodError('cannotCalculateChanges');
  return {
    accountId: ctx.accountId, oldState: args['sinceState'], newState: String(res.newState), hasMoreChanges: res.more,
    created: res.created, updated: res.updated, destroyed: res.destroyed,
  };
}

function taskSet(ctx: MethodContext, args: Record<string, unknown>, createdIds: Map<string, string>): Record<string, unknown> {
  checkAccount(ctx, args);
  const store = ctx.tasks;
  if (args['ifInState'] !== undefined && args['ifInState'] !== null && args['ifInState'] !== String(store.state)) throw new MethodError('stateMismatch');
  const oldState = String(store.state);
  const created: Record<string, unknown> = {};
  const notCreated: Record<string, unknown> = {};
  const updated: Record<string, unknown> = {};
  const notUpdated: Record<string, unknown> = {};
  const destroyed: string[] = [];
  const notDestroyed: Record<string, unknown> = {};
  const listExists = (id: string) => ctx.taskLists.objects.has(id);
  for (const [cid, raw] of Object.entries((args['create'] as Record<string, Record<string, unknown>> | null) ?? {})) {
    const serverSet = Object.keys(raw).filter((k) => SERVER_SET.has(k));
    const task: Record<string, unknown> = { '@type': 'Task', ...raw };
    const bad = [...serverSet, ...invalidTaskProperties(task, listExists)];
    if (bad.length) {
      notCreated[cid] = { type: 'invalidProperties', properties: bad };
      continue;
    }
    const id = ctx.newId('T');
    const uid = typeof task['uid'] === 'string' ? task['uid'] : crypto.randomUUID();
    store.objects.set(id, { ...task, id, uid } as JMAPObject);
    store.record(id, 'created');
    createdIds.set(cid, id);
    created[cid] = { id, uid };
  }
  for (const [rawId, patch] of Object.entries((args['update'] as Record<string, Record<string, unknown>> | null) ?? {})) {
    const id = rawId.startsWith('#') ? (createdIds.get(rawId.slice(1)) ?? rawId) : rawId;
    const current = store.objects.get(id);
    if (!current) {
      notUpdated[rawId] = { type: 'notFound' };
      continue;
    }
    const next = structuredClone(current) as Record<string, unknown>;
    const badPaths = applyPatch(next, patch);
    const serverSet = Object.keys(patch).filter((k) => SERVER_SET.has(k.split('/')[0]!) || k === 'uid');
    const bad = [...badPaths, ...serverSet, ...invalidTaskProperties(next, listExists)];
    if (bad.length) {
      notUpdated[rawId] = { type: bad.length === badPaths.length ? 'invalidPatch' : 'invalidProperties', properties: bad };
      continue;
    }
    store.objects.set(id, next as JMAPObject);
    store.record(id, 'updated');
    updated[id] = null;
  }
  for (const rawId of (args['destroy'] as string[] | null) ?? []) {
    const id = rawId.startsWith('#') ? (createdIds.get(rawId.slice(1)) ?? rawId) : rawId;
    if (!store.objects.delete(id)) {
      notDestroyed[rawId] = { type: 'notFound' };
      continue;
    }
    store.record(id, 'destroyed');
    destroyed.push(id);
  }
  const orNull = (o: Record<string, unknown>) => (Object.keys(o).length ? o : null);
  return {
    accountId: ctx.accountId, oldState, newState: String(store.state),
    created: orNull(created), updated: orNull(updated), destroyed: destroyed.length ? destroyed : null,
    notCreated: orNull(notCreated), notUpdated: orNull(notUpdated), notDestroyed: orNull(notDestroyed),
  };
}

function taskQuery(ctx: MethodContext, args: Record<string, unknown>): Record<string, unknown> {
  checkAccount(ctx, args);
  const filter = (args['filter'] ?? {}) as Record<string, unknown>;
  const known = new Set(['inTaskLists', 'text', 'title', 'uid']);
  const unknown = Object.keys(filter).filter((k) => !known.has(k));
  if (unknown.length) throw new MethodError('unsupportedFilter', { description: `unknown filter ${unknown.join(', ')}` });
  let tasks = [...ctx.tasks.objects.values()];
  if (Array.isArray(filter['inTaskLists'])) tasks = tasks.filter((t) => (filter['inTaskLists'] as unknown[]).includes(t['taskListId']));
  if (typeof filter['uid'] === 'string') tasks = tasks.filter((t) => t['uid'] === filter['uid']);
  for (const key of ['title', 'text'] as const) {
    const needle = filter[key];
    if (typeof needle === 'string') {
      const n = needle.toLowerCase();
      tasks = tasks.filter((t) => `${t['title'] ?? ''} ${key === 'text' ? (t['description'] ?? '') : ''}`.toLowerCase().includes(n));
    }
  }
  const position = Number(args['position'] ?? 0);
  const limit = args['limit'] === undefined || args['limit'] === null ? undefined : Number(args['limit']);
  const ids = tasks.map((t) => t.id);
  const page = ids.slice(position, limit === undefined ? undefined : position + limit);
  return { accountId: ctx.accountId, queryState: String(ctx.tasks.state), canCalculateChanges: false, position, ids: page, total: ids.length };
}

/** Dispatches one method call. @internal */
export function callMethod(ctx: MethodContext, name: string, args: Record<string, unknown>, createdIds: Map<string, string>): Record<string, unknown> {
  switch (name) {
    case 'TaskList/get':
      return get(ctx, ctx.taskLists, args);
    case 'TaskList/changes':
      return changes(ctx, ctx.taskLists, args);
    case 'Task/get':
      return get(ctx, ctx.tasks, args);
    case 'Task/changes':
      return changes(ctx, ctx.tasks, args);
    case 'Task/set':
      return taskSet(ctx, args, createdIds);
    case 'Task/query':
      return taskQuery(ctx, args);
    default:
      throw new MethodError('unknownMethod');
  }
}
