// Typical small app on @cal/jmap: connect to a JMAP server, list calendars, show this week's events
// (one request: query + result-referenced get), add an event, and react to errors by class.
import { AuthenticationError, ConflictError, createJMAPClient } from '@cal/jmap';

const client = createJMAPClient({ url: 'https://jmap.example.com/.well-known/jmap', username: 'alice', password: localStorage.getItem('pw') ?? '' });
try {
  const calendars = await client.getCalendars();
  const cal = calendars.find((c) => c.isDefault) ?? calendars[0];
  const start = new Date();
  const events = await client.searchEvents({ calendarId: cal.id, start, end: new Date(+start + 7 * 864e5) });
  for (const e of events) console.log(e.title, e.data.start, e.data.timeZone);
  const id = await client.createEvent(cal.id, { title: 'Lunch', start: '2030-01-01T12:00:00', timeZone: 'Europe/Oslo', duration: 'PT1H' });
  console.log('created', id, await client.getSyncToken());
} catch (e) {
  if (e instanceof AuthenticationError) location.assign('/login');
  else if (e instanceof ConflictError) console.warn('changed elsewhere');
  else throw e;
}
