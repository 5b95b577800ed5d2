/**
 * The client methods a typical app does not call (reads by id, patches and deletes, batch import,
 * whole-event replacement, calendar management, sync paging, tasks), loaded together by one `import()` on first use. The client object
 * cannot be tree-shaken, so anything its methods reach statically would load up front in every app.
 * @internal
 * @packageDocumentation
 */
export type { Kit } from './on-demand-kit.js';
export { createCalendar, deleteCalendar } from './calendar-writes.js';
export { createEvents } from './create-events.js';
export { deleteEvent, getEvent, getEvents, patchEvent } from './event-ops.js';
export { updateEvent } from './replace-event.js';
export { getObjectsBySyncToken } from './sync.js';
export { createTask, deleteTask, getTask, getTaskLists, updateTask } from './tasks.js';
