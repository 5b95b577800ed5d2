import { describe, expect, it } from 'vitest';
import { collect, iterAll, paginate, ProtocolError, type Page } from '@cal/core';

const source = (total: number, size: number) => {
  let fetched = 0;
  const fetchPage = async (cursor: number | undefined): Promise<Page<number, number>> => {
    fetched++;
    const start = cursor ?? 0;
    const items = Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i);
    const next = start + size;
    return { items, hasMore: next < total, ...(next < total ? { nextCursor: next } : {}) };
  };
  return { fetchPage, fetched: () => fetched };
};

describe('pagination', () => {
  it('walks every page and flattens items', async () => {
    const s = source(25, 10);
    expect(await collect(iterAll(paginate(s.fetchPage)))).toHaveLength(25);
    expect(s.fetched()).toBe(3);
  });

  it('break stops fetching', async () => {
    const s = source(1000, 10);
    for await (const item of iterAll(paginate(s.fetchPage))) if (item === 12) break;
    expect(s.fetched()).toBe(2);
  });

  it('collect({ limit }) fetches only what it needs', async () => {
    const s = source(1000, 10);
    expect(await collect(iterAll(paginate(s.fetchPage)), { limit: 15 })).toHaveLength(15);
    expect(s.fetched()).toBe(2);
  });

  it('supports opaque tokens, next URLs and offsets; a repeated cursor is a ProtocolError', async () => {
    const loop = paginate<number, string>(async () => ({ items: [1], hasMore: true, nextCursor: 'https://api/next?page=2' }));
    await expect(collect(loop)).rejects.toBeInstanceOf(ProtocolError);
  });

  it('maxPages and startCursor', async () => {
    const s = source(100, 10);
    const pages = await collect(paginate(s.fetchPage, { startCursor: 50, maxPages: 2 }));
    expect(pages.map((p) => p.items[0])).toEqual([50, 60]);
  });
});
