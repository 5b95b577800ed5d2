import { createServer, type Server } from 'node:net';
import { CalError } from '@cal/core';

/**
 * Reserves `count` distinct free TCP ports on 127.0.0.1. All listeners stay open until every port is
 * known, so servers started in parallel never get the same port (each start script picking its own
 * port 0 could race). The ports are released before returning; the tiny window until a server binds
 * is the same as with the scripts' own picker.
 * @public
 */
export async function reservePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const srv = createServer();
      servers.push(srv);
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(0, '127.0.0.1', () => resolve());
      });
    }
    return servers.map((s) => {
      const addr = s.address();
      if (addr === null || typeof addr === 'string') {
        throw new CalError('Could not reserve a loopback port', { provider: 'testkit' });
      }
      return addr.port;
    });
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}
