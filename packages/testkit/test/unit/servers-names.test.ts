import { describe, expect, it } from 'vitest';
import { isCalError } from '@cal/core';
import { SERVER_NAMES, isServerName, parseServerList } from '../../src/servers.js';

describe('parseServerList (CAL_SERVERS)', () => {
  it('defaults to all four servers', () => {
    expect(parseServerList(undefined)).toEqual(['radicale', 'xandikos', 'cyrus', 'redis']);
    expect(parseServerList('  ')).toEqual([...SERVER_NAMES]);
  });

  it('accepts comma/space separated, case-insensitive lists, deduplicated in canonical order', () => {
    expect(parseServerList('redis, Cyrus radicale,redis')).toEqual(['radicale', 'cyrus', 'redis']);
  });

  it('rejects unknown names with a ValidationError naming them', () => {
    let caught: unknown;
    try {
      parseServerList('radicale,davical');
    } catch (e) {
      caught = e;
    }
    expect(isCalError(caught)).toBe(true);
    expect((caught as Error).name).toBe('ValidationError');
    expect((caught as Error).message).toContain('"davical"');
  });

  it('isServerName', () => {
    expect(isServerName('xandikos')).toBe(true);
    expect(isServerName('baikal')).toBe(false);
  });
});
