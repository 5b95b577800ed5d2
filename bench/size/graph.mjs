// Typical small app on @cal/graph: a token from the app's own sign-in (MSAL, a backend…), list this
// month's events page by page through calendarView, and handle errors by class. OAuth flows and the
// O365-style GraphConnection are not imported, so they (and oauth4webapi) are tree-shaken away.
import { AuthenticationError, RateLimitError, calendarView, createGraphApi } from '@cal/graph';

const api = createGraphApi({ accessToken: () => sessionStorage.getItem('graph-token') ?? '', timeZone: 'W. Europe Standard Time', pageSize: 100 });
try {
  const now = new Date();
  for await (const event of calendarView(api, { start: now, end: new Date(+now + 30 * 864e5), select: ['subject', 'start', 'end', 'location'] })) {
    console.log(event.subject, event.start?.dateTime, event.location?.displayName);
  }
} catch (e) {
  if (e instanceof AuthenticationError) location.assign('/login');
  else if (e instanceof RateLimitError) console.warn('retry in', e.retryAfter);
  else throw e;
}
