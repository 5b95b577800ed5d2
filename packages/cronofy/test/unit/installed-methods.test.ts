import { describe, expect, it } from 'vitest';
import { CronofyClient, ValidationError } from '@cal/cronofy';
import { RULES } from '../../src/validate.js';
import { client, stubFetch } from './helpers.js';

// Most methods are installed on the prototype from the validation table (client.ts static block),
// so the initial bundle holds each name once. These guard the installer itself.
describe('table-installed methods', () => {
  it('every validated method is a non-enumerable prototype method, like a class method', () => {
    const proto = CronofyClient.prototype as unknown as Record<string, unknown>;
    for (const name of Object.keys(RULES)) {
      expect(typeof proto[name], name).toBe('function');
      expect(Object.getOwnPropertyDescriptor(proto, name)?.enumerable, name).toBe(false);
    }
    expect(Object.keys(new CronofyClient({}))).toEqual(['dataCenter', 'hosts']);
  });

  it('installed paged reads and GETs work; installed lazy methods reject bad input before any request', async () => {
    const { fetch, seen } = stubFetch({ 'GET /v1/resources': { body: { resources: [{ name: 'Room' }] } } });
    const c = client(fetch);
    expect(c.readEvents()).toHaveProperty('fetchNextPage');
    expect(await c.resources()).toEqual([{ name: 'Room' }]);
    await expect(c.deleteAvailabilityRule('')).rejects.toBeInstanceOf(ValidationError);
    expect(seen.map((s) => s.url.pathname)).toEqual(['/v1/resources']);
  });
});
