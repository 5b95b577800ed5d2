import { describe, expect, it } from 'vitest';
import * as core from '@cal/core';
import { Content, ContentCollection, NotFoundError } from '../../src/index.js';
import { useSimulator } from './helpers.js';

const t = useSimulator();
const VCARD = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ola Nordmann\r\nEND:VCARD';
const VEVENT = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Standup\r\nEND:VEVENT\r\nEND:VCALENDAR';

describe('datastore contents', () => {
  it('new(data, ctype, dataclass?) with server-assigned dataclass, fields, get/has/update/delete', async () => {
    const store = await t.api().clients.datastore.new({ name: 's' });
    const card = await store.contents.new(VCARD, 'text/vcard');
    expect(card).toBeInstanceOf(Content);
    expect([card.data, card.type, card.dataclass, card.title, card.operation]).toEqual([VCARD, 'text/vcard', 'contacts', 'Ola Nordmann', undefined]);
    const note = await store.contents.new('buy milk', 'text/plain');
    expect(note.dataclass).toBe('Misc');
    const task = await store.contents.new('x', 'text/plain', 'tasks');
    expect(task.dataclass).toBe('tasks');
    expect(await store.contents.size()).toBe(3);
    expect(await store.contents.has(card.id)).toBe(true);
    expect((await store.contents.get(card.id)).equals(card)).toBe(true);
    await card.update({ data: VCARD.replace('Ola', 'Kari') });
    expect(card.title).toBe('Kari Nordmann');
    expect(card.type).toBe('text/vcard');
    await store.contents.delete(note.id);
    await expect(store.contents.get(note.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.contents.new(VCARD, 'not a type')).rejects.toBeInstanceOf(core.ValidationError);
    // the datastore entry reports its line count (documented "Content lines: n")
    await store.refresh();
    expect(t.sim().sim.log.at(-1)!.path).toBe(`/v2/services/datastore/${store.id}`);
  });

  it('filter({ dataclass }) and filter({ since }) with insert/update/delete operations', async () => {
    const sim = t.sim();
    sim.state.setNow(new Date('2009-11-01T12:00:00Z'));
    const store = await t.api().clients.datastore.new({ name: 's' });
    const a = await store.contents.new(VCARD, 'text/vcard');
    const b = await store.contents.new(VEVENT, 'text/calendar');
    const c = await store.contents.new('note', 'text/x-vnote');
    sim.state.setNow(new Date('2009-12-09T13:05:00Z'));
    await a.update({ data: `${VCARD}\r\n` });
    await store.contents.delete(b);
    const d = await store.contents.new(VCARD.replace('Ola', 'Per'), 'text/vcard');

    expect(await store.contents.filter({ dataclass: 'contacts' }).size()).toBe(2);
    const changed = store.contents.filter({ since: new Date('2009-12-01T00:00:00Z') });
    expect(changed).toBeInstanceOf(ContentCollection);
    const ops = Object.fromEntries((await changed.list()).map((x) => [x.id, x.operation]));
    expect(ops).toEqual({ [a.id]: 'update', [b.id]: 'delete', [d.id]: 'insert' });
    expect(sim.sim.log.at(-1)!.query.get('since')).toBe('2009-12-01T000000Z');
    // both string forms, plus combining filters
    expect(await store.contents.filter({ since: '2009-12-09T130500Z' }).size()).toBe(3);
    expect(await store.contents.filter({ since: '2009-12-09T13:05:01Z' }).size()).toBe(0);
    expect(await store.contents.filter({ since: '2009-11-01T12:00:00Z' }).size()).toBe(4);
    const contactsSince = await store.contents.filter({ dataclass: 'contacts' }).filter({ since: '2009-11-01T123000Z' }).list();
    expect(contactsSince.map((x) => [x.id, x.operation])).toEqual([
      [a.id, 'update'],
      [d.id, 'insert'],
    ]);
    expect((await changed.list()).find((x) => x.id === b.id)!.data).toBe('');
    expect(c.dataclass).toBe('notes');
    expect(() => store.contents.filter({ since: 'yesterday' })).toThrow(core.ValidationError);
    expect(() => store.contents.filter({ since: new Date(Number.NaN) })).toThrow(core.ValidationError);
  });
});
