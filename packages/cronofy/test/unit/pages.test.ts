import { describe, expect, it } from 'vitest';
import { ProtocolError } from '@cal/core';
import { client, stubFetch } from './helpers.js';

const API = 'https://api-uk.cronofy.com';
const page = (n: number, total: number, next?: string) => ({
  pages: { current: n, total, ...(next !== undefined ? { next_page: next } : {}) },
  events: [{ calendar_id: 'c', summary: `e${n}`, start: '2026-01-01', end: '2026-01-02' }],
});

describe('paged results', () => {
  it('follows next_page verbatim (no extra params), lazily, until it is absent', async () => {
    const { fetch, seen } = stubFetch({
      'GET /v1/events': { body: page(1, 3, `${API}/v1/events/pages/p2`) },
      'GET /v1/events/pages/p2': { body: page(2, 3, `${API}/v1/events/pages/p3`) },
      'GET /v1/events/pages/p3': { body: page(3, 3) },
    });
    const events = client(fetch).readEvents({ tzid: 'Etc/UTC', includeManaged: true });
    const summaries: string[] = [];
    for await (const e of events) summaries.push(e.summary!);
    expect(summaries).toEqual(['e1', 'e2', 'e3']);
    expect(seen.map((s) => s.url.href)).toEqual([`${API}/v1/events?tzid=Etc%2FUTC&include_managed=true`, `${API}/v1/events/pages/p2`, `${API}/v1/events/pages/p3`]);
    expect(seen.every((s) => s.headers.get('authorization') === 'Bearer user-token')).toBe(true);
    expect(events.pagesLoaded).toBe(3);
    expect(events.hasNextPage()).toBe(false);
    expect(await events.fetchNextPage()).toBeUndefined();
  });

  it('currentPage / fetchNextPage / json behave like pycronofy Pages', async () => {
    const { fetch } = stubFetch({ 'GET /v1/events': { body: page(1, 2, `${API}/v1/events/pages/p2`) }, 'GET /v1/events/pages/p2': { body: page(2, 2, '') } });
    const events = client(fetch).readEvents();
    expect(events.currentPage()).toEqual([]);
    expect(events.json()).toBeUndefined();
    expect((await events.fetchNextPage())?.[0]?.summary).toBe('e1');
    expect(events.currentPage()[0]?.summary).toBe('e1');
    expect(events.json()?.pages.total).toBe(2);
    await events.fetchNextPage();
    expect(events.currentPage()[0]?.summary).toBe('e2');
    expect(events.hasNextPage()).toBe(false); // "" is the same as absent
    // iterating from here yields the current page only
    expect((await events.all()).map((e) => e.summary)).toEqual(['e2']);
  });

  it('a next_page on a foreign host is refused with ProtocolError and the token is never sent there', async () => {
    for (const foreign of ['https://evil.example/v1/events/pages/p2', 'https://app-uk.cronofy.com/v1/events/pages/p2', 'https://api.cronofy.com/v1/events/pages/p2', 'http://api-uk.cronofy.com/v1/events/pages/p2']) {
      const { fetch, seen } = stubFetch({ 'GET /v1/events': { body: page(1, 2, foreign) }, '*': { body: page(2, 2) } });
      const events = client(fetch).readEvents();
      const err = await events.all().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProtocolError);
      expect(seen).toHaveLength(1);
    }
  });

  it('the same next_page twice is a ProtocolError (no endless loop)', async () => {
    const { fetch } = stubFetch({ 'GET /v1/events': { body: page(1, 3, `${API}/v1/events/pages/p2`) }, 'GET /v1/events/pages/p2': { body: page(2, 3, `${API}/v1/events/pages/p2`) } });
    await expect(client(fetch).readEvents().all()).rejects.toBeInstanceOf(ProtocolError);
  });

  it('a page without its item array is a ProtocolError', async () => {
    const { fetch } = stubFetch({ 'GET /v1/free_busy': { body: { pages: { current: 1, total: 1 } } } });
    await expect(client(fetch).readFreeBusy().all()).rejects.toBeInstanceOf(ProtocolError);
  });

  it('breaking out of iteration stops fetching', async () => {
    const { fetch, seen } = stubFetch({ 'GET /v1/events': { body: page(1, 2, `${API}/v1/events/pages/p2`) }, '*': { body: page(2, 2) } });
    for await (const e of client(fetch).readEvents()) {
      expect(e.summary).toBe('e1');
      break;
    }
    expect(seen).toHaveLength(1);
  });
});
