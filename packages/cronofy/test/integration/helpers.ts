import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback webhook receiver that records raw bodies and headers (for push notifications). */
export async function startCallbackServer(): Promise<{
  url: string;
  received: { body: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}> {
  const received: { body: string; headers: IncomingMessage['headers'] }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cronofy/push`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Follows the consent redirect like a browser would, returning the `code` and `state`. */
export async function authorize(url: string): Promise<{ code: string; state: string | null }> {
  const res = await fetch(url, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`authorize failed: ${res.status} ${await res.text()}`);
  const target = new URL(location);
  const code = target.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return { code, state: target.searchParams.get('state') };
}
