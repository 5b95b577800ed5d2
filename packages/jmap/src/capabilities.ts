import { CAPABILITY_CALENDARS, CAPABILITY_CORE, CAPABILITY_TASKS } from './constants.js';

/**
 * The capability a method belongs to, for `using` and for picking the account (RFC 8620 §3.3:
 * a method of a capability not in `using` is `unknownMethod`).
 * @internal
 */
export function capabilityOf(method: string): string {
  const type = method.slice(0, method.indexOf('/'));
  if (type === 'Task' || type === 'TaskList' || type === 'TaskNotification') return CAPABILITY_TASKS;
  if (type.startsWith('Calendar') || type === 'ParticipantIdentity' || type === 'Principal') return CAPABILITY_CALENDARS;
  return CAPABILITY_CORE;
}

/**
 * Methods without side effects: safe for the retry middleware to repeat after a 5xx/429 or a network
 * error (RFC 8620 §5.1/§5.2/§5.5/§5.6 define them as reads).
 * @internal
 */
export function isReadOnly(method: string): boolean {
  return /\/(get|query|changes|queryChanges|echo)$/.test(method);
}
