import { NotFoundError } from '@cal/core';
import { PROVIDER } from './constants.js';
import { call } from './method-call.js';
import { assertSetOk } from './set-result.js';
import { invalid, requireId } from './validate.js';
import type { Transport } from './transport.js';
import type { JMAPTaskList, JSCalendarTask } from './types/jscalendar.js';
import type { PatchObject } from './types/core.js';

/** Optional fields of {@link JMAPClient.createTask} (JMAP Task wire names, draft-ietf-jmap-tasks). @public */
export interface TaskFields {
  description?: string;
  /** LocalDateTime. */
  due?: string;
  /** LocalDateTime. */
  start?: string;
  timeZone?: string;
  /** ISO 8601 duration. */
  estimatedDuration?: string;
  percentComplete?: number;
  progress?: NonNullable<JSCalendarTask['progress']>;
  priority?: number;
  [key: string]: unknown;
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** `TaskList/get` (all lists). @internal */
export async function getTaskLists(t: Transport, signal?: AbortSignal): Promise<JMAPTaskList[]> {
  const c = call('TaskList/get', { ids: null });
  return (await t.send([c], signal ? { signal } : {})).get(c).list;
}

/** `Task/set` create; returns the id. @internal */
export async function createTask(t: Transport, taskListId: string, title: string, fields: TaskFields = {}): Promise<string> {
  requireId(taskListId, 'taskListId', 'createTask');
  if (typeof title !== 'string') throw invalid('title', 'createTask', 'must be a string');
  for (const key of ['due', 'start'] as const) {
    const v = fields[key];
    if (v !== undefined && !LOCAL.test(v)) throw invalid(key, 'createTask', 'must be a LocalDateTime YYYY-MM-DDTHH:MM:SS');
  }
  if (fields.percentComplete !== undefined && !(Number.isInteger(fields.percentComplete) && fields.percentComplete >= 0 && fields.percentComplete <= 100)) {
    throw invalid('percentComplete', 'createTask', 'must be an integer 0..100');
  }
  const task: JSCalendarTask = { '@type': 'Task', uid: crypto.randomUUID(), taskListId, title, ...fields };
  const c = call('Task/set', { create: { 'task-0': task } });
  const res = (await t.send([c])).get(c);
  assertSetOk(c.name, c.id, res);
  const id = res.created?.['task-0']?.id;
  if (!id) throw new NotFoundError('Task/set reported no created id', { provider: PROVIDER, body: res });
  return id;
}

/** `Task/get` of one id; NotFoundError when absent. @internal */
export async function getTask(t: Transport, id: string): Promise<JSCalendarTask> {
  requireId(id, 'id', 'getTask');
  const c = call('Task/get', { ids: [id] });
  const found = (await t.send([c])).get(c).list[0];
  if (!found) throw new NotFoundError(`Task ${id} not found`, { provider: PROVIDER, providerCode: 'notFound' });
  return found;
}

/** `Task/set` update with a PatchObject. @internal */
export async function updateTask(t: Transport, id: string, patch: PatchObject): Promise<void> {
  requireId(id, 'id', 'updateTask');
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw invalid('patch', 'updateTask', 'expected a PatchObject');
  const c = call('Task/set', { update: { [id]: patch } });
  assertSetOk(c.name, c.id, (await t.send([c])).get(c));
}

/** `Task/set` destroy. @internal */
export async function deleteTask(t: Transport, id: string): Promise<void> {
  requireId(id, 'id', 'deleteTask');
  const c = call('Task/set', { destroy: [id] });
  assertSetOk(c.name, c.id, (await t.send([c])).get(c));
}
