// Typical small app on @cal/core alone: a JSON API client with basic auth, retries and a request log.
import { basicAuth, createHttpClient, isCalError } from '@cal/core';

const http = createHttpClient({
  provider: 'app',
  baseUrl: 'https://cal.example.com/api/',
  auth: basicAuth('user', 'pass'),
  throttle: 100,
  onRequest: (e) => console.log(e.method, e.url, e.status),
});
try {
  console.log(await http.json('events', { query: { from: '2026-01-01' } }));
} catch (e) {
  if (isCalError(e)) console.error(e.code, e.status);
}
