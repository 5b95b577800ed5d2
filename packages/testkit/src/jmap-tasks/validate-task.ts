/**
 * Task property checks from draft-ietf-jmap-tasks (Task object) and RFC 8984 §5.2 (JSCalendar Task):
 * the property names and value shapes a server must reject with `invalidProperties`.
 * @packageDocumentation
 */

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const DURATION = /^-?P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const PROGRESS = new Set(['needs-action', 'in-process', 'completed', 'failed', 'cancelled']);
/** Server-set properties a client may not write (draft-ietf-jmap-tasks §Task). */
export const SERVER_SET = new Set(['id', 'utcStart', 'utcDue', 'isOrigin', 'baseTaskId']);

/** Returns the names of invalid properties of a task (empty when valid). @internal */
export function invalidTaskProperties(task: Record<string, unknown>, taskListExists: (id: string) => boolean): string[] {
  const bad: string[] = [];
  const check = (name: string, ok: boolean) => {
    if (name in task && !ok) bad.push(name);
  };
  if (!('taskListId' in task) || typeof task['taskListId'] !== 'string' || !taskListExists(task['taskListId'])) bad.push('taskListId');
  check('@type', task['@type'] === 'Task');
  check('uid', typeof task['uid'] === 'string' && task['uid'] !== '');
  check('title', typeof task['title'] === 'string');
  check('description', typeof task['description'] === 'string');
  check('start', typeof task['start'] === 'string' && LOCAL.test(task['start']));
  check('due', typeof task['due'] === 'string' && LOCAL.test(task['due']));
  check('timeZone', task['timeZone'] === null || typeof task['timeZone'] === 'string');
  check('estimatedDuration', typeof task['estimatedDuration'] === 'string' && DURATION.test(task['estimatedDuration']));
  check('percentComplete', Number.isInteger(task['percentComplete']) && (task['percentComplete'] as number) >= 0 && (task['percentComplete'] as number) <= 100);
  check('progress', typeof task['progress'] === 'string' && PROGRESS.has(task['progress']));
  check('priority', Number.isInteger(task['priority']) && (task['priority'] as number) >= 0 && (task['priority'] as number) <= 9);
  return bad;
}
