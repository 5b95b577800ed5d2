// Typical small app on @cal/mobiscroll: restore stored tokens, persist rotations, list this month's
// events page by page, and handle errors by class.
import { AuthenticationError, MobiscrollConnectClient, RateLimitError } from '@cal/mobiscroll';

const client = new MobiscrollConnectClient({ clientId: 'app', clientSecret: 'secret', redirectUri: 'https://app.example/cb' });
client.onTokensRefreshed((tokens) => localStorage.setItem('ms-tokens', JSON.stringify(tokens)));
await client.auth.setCredentials(JSON.parse(localStorage.getItem('ms-tokens') ?? '{"accessToken":""}'));
try {
  const now = new Date();
  for await (const event of client.events.iterAll({ start: now, end: new Date(+now + 30 * 864e5), pageSize: 250 })) {
    console.log(event.provider, event.title, event.start);
  }
} catch (e) {
  if (e instanceof AuthenticationError) location.assign(client.auth.generateAuthUrl({ userId: 'me' }));
  else if (e instanceof RateLimitError) console.warn('retry in', e.retryAfter);
  else throw e;
}
