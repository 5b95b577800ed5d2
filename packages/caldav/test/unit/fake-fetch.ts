/** A scripted fetch for unit tests: each handler sees the Request and returns a Response. */
export type Handler = (req: Request, body: string) => Response | Promise<Response>;

export interface Scripted {
  fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  calls: { method: string; url: string; headers: Headers; body: string }[];
}

export function scripted(handler: Handler): Scripted {
  const calls: Scripted['calls'] = [];
  return {
    calls,
    fetch: async (input, init) => {
      const req = new Request(input, init);
      const body = req.body ? await req.text() : '';
      calls.push({ method: req.method, url: req.url, headers: req.headers, body });
      return handler(req, body);
    },
  };
}

export const ms = (inner: string, status = 207): Response =>
  new Response(`<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">${inner}</d:multistatus>`, {
    status,
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });

export const ICS = (uid: string, summary = 'x'): string =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20250101T000000Z\r\nDTSTART:20250310T090000Z\r\nDTEND:20250310T100000Z\r\nSUMMARY:${summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
