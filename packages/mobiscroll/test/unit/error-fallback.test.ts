import { expect, it, vi } from 'vitest';
import { AuthenticationError, MobiscrollConnectClient, NotFoundError, NetworkError } from '@cal/mobiscroll';

// The error-body parsing loads on the first error response (src/on-demand). If that code cannot be
// loaded (a chunk download failed), the response status alone must still pick the right class,
// instead of the status error turning into a NetworkError.
vi.mock('../../src/on-demand/operations.js', () => {
  throw new Error('simulated chunk load failure');
});

const client = (status: number, body: unknown) =>
  new MobiscrollConnectClient({
    clientId: 'id', clientSecret: 's', redirectUri: 'https://app/cb', baseUrl: 'https://connect.test/api', retry: false,
    tokens: { accessToken: 'at', tokenType: 'Bearer' },
    fetch: async () => Response.json(body, { status }),
  });

it('maps statuses without the on-demand code', async () => {
  const e = await client(404, { error: 'Event not found' }).events.list().catch((x: unknown) => x);
  expect(e).toBeInstanceOf(NotFoundError);
  expect(e).not.toBeInstanceOf(NetworkError);
  const f = await client(403, { code: 'calendar_permission_required', accounts: [] }).events.list().catch((x: unknown) => x);
  expect(f).toBeInstanceOf(AuthenticationError);
});

it('reports the failed load itself as a NetworkError for operations that need the code', async () => {
  const e = await client(200, []).calendars.list().catch((x: unknown) => x);
  expect(e).toBeInstanceOf(NetworkError);
});
