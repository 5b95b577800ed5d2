// JMAP for Calendars against the real Cyrus 3.10 the demo runner starts: session through
// /.well-known/jmap, calendars, an event from iCalendar text, a one-request search, incremental sync,
// delete, and tasks against @cal/testkit's JMAP Tasks simulator (Cyrus has no tasks capability).
import { createJMAPClient } from '@cal/jmap';

export const title = 'JMAP for Calendars (Cyrus 3.10) + JMAP Tasks (simulator)';

// A real account instead: CAL_DEMO_JMAP_URL (the session URL, e.g. https://host/.well-known/jmap) and
// either CAL_DEMO_JMAP_TOKEN (bearer) or CAL_DEMO_JMAP_USER + CAL_DEMO_JMAP_PASS (basic).
/** True when this part talks to a real account, so the runner need not start local servers for it. */
export const usesRealAccount = !!process.env.CAL_DEMO_JMAP_URL;

export function skipReason(env) {
  if (env.CAL_DEMO_JMAP_URL) return undefined;
  return env.CAL_CYRUS_JMAP_URL ? undefined : 'CAL_CYRUS_JMAP_URL not set (Cyrus 3.10 not running)';
}

function connect(env) {
  if (env.CAL_DEMO_JMAP_URL) {
    return env.CAL_DEMO_JMAP_TOKEN
      ? createJMAPClient({ url: env.CAL_DEMO_JMAP_URL, password: env.CAL_DEMO_JMAP_TOKEN, authType: 'bearer' })
      : createJMAPClient({ url: env.CAL_DEMO_JMAP_URL, username: env.CAL_DEMO_JMAP_USER, password: env.CAL_DEMO_JMAP_PASS });
  }
  const origin = new URL(env.CAL_CYRUS_JMAP_URL).origin;
  return createJMAPClient({ url: `${origin}/.well-known/jmap`, username: env.CAL_CYRUS_USER, password: env.CAL_CYRUS_PASS });
}

const ical = (uid) => [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//cal demo//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z',
  'DTSTART;TZID=Europe/Oslo:20300114T090000', 'DURATION:PT30M', 'SUMMARY:Demo standup', 'LOCATION:Room 1',
  'RRULE:FREQ=WEEKLY;COUNT=4', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Soon', 'TRIGGER:-PT5M', 'END:VALARM',
  'END:VEVENT', 'END:VCALENDAR', '',
].join('\r\n');

export default async function demo({ env, step }) {
  const client = connect(env);
  await step('connect / authorize', async () => {
    const s = await client.getSession();
    return `Basic as ${s.username}; relative apiUrl resolved: ${s.apiUrl}`;
  });
  const cals = await step('list calendars', async () => {
    const list = await client.getCalendars();
    return Object.assign(list, { toString: () => `${list.length} calendars: ${list.map((c) => c.name).join(', ')}` });
  });
  const token = await client.getSyncToken();
  let id;
  await step('create event', async () => {
    id = await client.createEvent(cals[0].id, ical(`demo-${Date.now()}`));
    return `${id} (from iCalendar, weekly x4, alert -PT5M)`;
  });
  await step('list events in range', async () => {
    const found = await client.searchEvents({ calendarId: cals[0].id, start: '2030-01-01T00:00:00Z', end: '2030-02-01T00:00:00Z' });
    return `${found.length} event(s) in January 2030, one HTTP request (query + #ids get): ${found.map((e) => e.title).join(', ')}`;
  });
  await step('incremental sync', async () => {
    await client.patchEvent(id, { title: 'Demo standup (moved)' });
    const r = await client.getObjectsBySyncToken(token);
    return `${r.added.length} added, ${r.modified.length} modified, ${r.deleted.length} deleted in ${r.requests} request(s); new token ${r.syncToken}`;
  });
  await step('delete event', async () => {
    await client.deleteEvent(id);
    const r = await client.getObjectsBySyncToken(token);
    return `deleted; sync from the first token now shows ${r.added.length} added`;
  });
  // `@cal/testkit/jmap-tasks` needs its export entry in packages/testkit/package.json.
  const tasksKit = await import('@cal/testkit/jmap-tasks').catch(() => undefined);
  if (!tasksKit) {
    await step('tasks (JMAP Tasks simulator)', async () => 'skipped: @cal/testkit/jmap-tasks is not exported yet');
    return;
  }
  const sim = await tasksKit.startJMAPTasksSimulator();
  try {
    await step('tasks (JMAP Tasks simulator)', async () => {
      const tasks = createJMAPClient({ url: sim.url, username: sim.username, password: sim.password });
      const [list] = await tasks.getTaskLists();
      const tid = await tasks.createTask(list.id, 'Write demo', { due: '2030-01-15T17:00:00', progress: 'in-process', percentComplete: 50 });
      await tasks.updateTask(tid, { progress: 'completed', percentComplete: 100 });
      const t = await tasks.getTask(tid);
      await tasks.deleteTask(tid);
      return `task ${tid} in "${list.name}": ${t.progress}, ${t.percentComplete}%; deleted`;
    });
  } finally {
    await sim.close();
  }
}
