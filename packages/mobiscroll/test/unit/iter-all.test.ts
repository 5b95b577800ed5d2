import { describe, expect, it } from 'vitest';
import { ProtocolError } from '@cal/core';
import { MobiscrollConnectClient } from '@cal/mobiscroll';

// The paging contract of iterAll (lazy, ordered, break stops fetching, errors end it, repeated
// tokens refused). Pages come from an injected fetch keyed by nextPageToken.
type Page = { events: { provider: string; id: string; calendarId: string; title: string; start: string; end: string; allDay: boolean }[]; nextPageToken?: string };
const ev = (id: string) => ({ provider: 'google', id, calendarId: 'c', title: id, start: '2030-01-01T00:00:00Z', end: '2030-01-01T01:00:00Z', allDay: false });

function setup(pages: Record<string, Page | number>) {
  const asked: (string | null)[] = [];
  const client = new MobiscrollConnectClient({
    clientId: 'id', clientSecret: 's', redirectUri: 'https://app/cb', baseUrl: 'https://connect.test/api', retry: false,
    tokens: { accessToken: 'at', tokenType: 'Bearer' },
    fetch: async (input: RequestInfo | URL) => {
      const token = new URL(input instanceof Request ? input.url : String(input)).searchParams.get('nextPageToken');
      asked.push(token);
      const page = pages[token ?? ''];
      if (page === undefined || typeof page === 'number') return Response.json({ message: 'boom' }, { status: typeof page === 'number' ? page : 404 });
      return Response.json(page);
    },
  });
  return { client, asked };
}

const ids = async (it: AsyncIterable<{ id: string }>) => {
  const out: string[] = [];
  for await (const e of it) out.push(e.id);
  return out;
};

describe('events.iterAll', () => {
  it('walks every page lazily, skipping empty pages, in order', async () => {
    const { client, asked } = setup({ '': { events: [ev('a'), ev('b')], nextPageToken: 't1' }, t1: { events: [], nextPageToken: 't2' }, t2: { events: [ev('c')] } });
    const it = client.events.iterAll({ pageSize: 2 });
    expect(asked).toEqual([]); // nothing before the first next()
    expect(await ids(it)).toEqual(['a', 'b', 'c']);
    expect(asked).toEqual([null, 't1', 't2']);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it('starts from a given nextPageToken', async () => {
    const { client, asked } = setup({ t1: { events: [ev('x')] } });
    expect(await ids(client.events.iterAll({ nextPageToken: 't1' }))).toEqual(['x']);
    expect(asked).toEqual(['t1']);
  });

  it('answers next() calls made while a page loads in call order', async () => {
    const { client } = setup({ '': { events: [ev('a'), ev('b')], nextPageToken: 't1' }, t1: { events: [ev('c')] } });
    const it = client.events.iterAll();
    const r = await Promise.all([it.next(), it.next(), it.next(), it.next()]);
    expect(r.map((x) => (x.done ? 'done' : x.value.id))).toEqual(['a', 'b', 'c', 'done']);
  });

  it('return() (break) stops fetching; throw() ends it with the error', async () => {
    const { client, asked } = setup({ '': { events: [ev('a'), ev('b')], nextPageToken: 't1' }, t1: { events: [ev('c')] } });
    for await (const _ of client.events.iterAll()) break;
    expect(asked).toEqual([null]);
    const it = client.events.iterAll();
    await it.next();
    expect(await it.return()).toEqual({ value: undefined, done: true });
    expect(await it.next()).toEqual({ value: undefined, done: true });
    const boom = new Error('x');
    const it2 = client.events.iterAll();
    await expect(it2.throw(boom)).rejects.toBe(boom);
    expect(await it2.next()).toEqual({ value: undefined, done: true });
    expect(asked).toEqual([null, null]);
  });

  it('rejects with the request error, then is done', async () => {
    const { client } = setup({ '': { events: [ev('a')], nextPageToken: 't1' }, t1: 500 });
    const it = client.events.iterAll();
    expect((await it.next()).value).toMatchObject({ id: 'a' });
    await expect(it.next()).rejects.toMatchObject({ statusCode: 500 });
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it('a repeated nextPageToken is a ProtocolError after that page is consumed', async () => {
    const { client } = setup({ '': { events: [ev('a')], nextPageToken: 't1' }, t1: { events: [ev('b')], nextPageToken: 't1' } });
    const seen: string[] = [];
    const err = await (async () => {
      for await (const e of client.events.iterAll()) seen.push(e.id);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect(seen).toEqual(['a', 'b']);
  });
});
