import { describe, expect, it } from 'vitest';
import { serverEnv } from '../../src/servers.js';

describe('serverEnv', () => {
  it('maps the CAL_* variables of a server to fields', () => {
    const env = {
      CAL_CYRUS_URL: 'http://127.0.0.1:1',
      CAL_CYRUS_DAV_URL: 'http://127.0.0.1:1/dav/',
      CAL_CYRUS_JMAP_URL: 'http://127.0.0.1:1/jmap/',
      CAL_CYRUS_JMAP_CAPABILITY: 'urn:ietf:params:jmap:calendars',
      CAL_CYRUS_USER: 'test',
      CAL_CYRUS_PASS: 'pw',
      CAL_CYRUS_INDEX_CMD: 'runuser -u cyrus -- squatter -i -u',
    };
    expect(serverEnv('cyrus', env)).toEqual({
      url: 'http://127.0.0.1:1',
      davUrl: 'http://127.0.0.1:1/dav/',
      jmapUrl: 'http://127.0.0.1:1/jmap/',
      jmapCapability: 'urn:ietf:params:jmap:calendars',
      user: 'test',
      pass: 'pw',
      indexCmd: 'runuser -u cyrus -- squatter -i -u',
    });
    expect(serverEnv('redis', { CAL_REDIS_URL: 'redis://127.0.0.1:2' })).toEqual({ url: 'redis://127.0.0.1:2' });
  });

  it('throws a ValidationError listing every missing variable and how to provide them', () => {
    expect(() => serverEnv('radicale', { CAL_RADICALE_URL: 'http://127.0.0.1:3/', CAL_RADICALE_USER: '' })).toThrow(
      expect.objectContaining({
        name: 'ValidationError',
        message: expect.stringMatching(/CAL_RADICALE_USER, CAL_RADICALE_PASS are not set.*--project integration/s),
        details: [
          expect.objectContaining({ field: 'CAL_RADICALE_USER', key: 'required' }),
          expect.objectContaining({ field: 'CAL_RADICALE_PASS', key: 'required' }),
        ],
      }),
    );
  });

  it('rejects an unknown server name', () => {
    expect(() => serverEnv('baikal' as 'redis', {})).toThrow(/Unknown server "baikal"/);
  });
});
