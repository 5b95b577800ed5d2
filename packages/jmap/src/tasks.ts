import { NotFoundError } from '@cal/core';
import type { Kit } from './on-demand.js';
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
export async function getTaskLists(k: Kit, t: Transport, signal?: AbortSignal): Promise<JMAPTaskList[]> {
  return (await t.one(k.call('TaskList/get', { ids: null }), signal)).list;
}

/** `Task/set` create; returns the id. @internal */
export async function createTask(k: Kit, t: Transport, taskListId: string, title: string, fields: TaskFields = {}): Promise<string> {
  k.requireId(taskListId, 'taskListId', 'createTask');
  if (typeof title !== 'string') throw k.invalid('title', 'createTask', 'must be a string');
  for (const key of ['due', 'start'] as const) {
    const v = fields[key];
    if (v !== undefined && !LOCAL.test(v)) throw k.invalid(key, 'createTask', 'must be a LocalDateTime YYYY-MM-DDTHH:MM:SS');
  }
  if (fields.percentComplete !== undefined && !(Number.isInteger(fields.percentComplete) && fields.percentComplete >= 0 && fields.percentComplete <= 100)) {
    throw k.invalid('percentComplete', 'createTask', 'must be an integer 0..100');
  }
  const task: JSCalendarTask = { '@type': 'Task', uid: crypto.randomUUID(), taskListId, title, ...fields };
  return t.create('Task/set', 'task-0', task);
}

/** `Task/get` of one id; NotFoundError when absent. @internal */
export async function getTask(k: Kit, t: Transport, id: string): Promise<JSCalendarTask> {
  k.requireId(id, 'id', 'getTask');
  const found = (await t.one(k.call('Task/get', { ids: [id] }))).list[0];
  if (!found) throw new NotFoundError(`Task ${id} not found`, { provider: k.PROVIDER, providerCode: 'notFound' });
  return found;
}

/** `Task/set` update with a PatchObject. @internal */
export async function updateTask(k: Kit, t: Transport, id: string, patch: PatchObject): Promise<void> {
  k.requireId(id, 'id', 'updateTask');
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw k.invalid('patch', 'updateTask', 'expected a PatchObject');
  await t.set(k.call('Task/set', { update: { [id]: patch } }));
}

/** `Task/set` destroy. @internal */
export async function deleteTask(k: Kit, t: Transport, id: string): Promise<void> {
  k.requireId(id, 'id', 'deleteTask');
  await t.set(k.call('Task/set', { destroy: [id] }));
}
