// Typical small app on @cal/cronofy: a stored token, read this month's events across pages, and
// handle errors by class. Compared with the `cronofy` npm package (85.7 KB min+gzip, mostly axios).
import { AuthenticationError, CronofyClient, RateLimitError } from '@cal/cronofy';

const cronofy = new CronofyClient({ accessToken: localStorage.getItem('cronofy-token') ?? '', dataCenter: 'uk' });
try {
  const now = new Date();
  const events = cronofy.readEvents({ fromDate: now, toDate: new Date(+now + 30 * 864e5), tzid: 'Europe/London' });
  for await (const event of events) console.log(event.summary, event.start, event.end);
} catch (e) {
  if (e instanceof AuthenticationError) location.assign('/login');
  else if (e instanceof RateLimitError) console.warn('retry in', e.retryAfter);
  else throw e;
}
