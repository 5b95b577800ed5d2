/**
 * Tasks against @cal/testkit's JMAP Tasks simulator (draft-ietf-jmap-tasks): Cyrus 3.10 offers no
 * urn:ietf:params:jmap:tasks capability (checked in the Cyrus integration suite).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '@cal/core';
import { startJMAPTasksSimulator, type JMAPTasksSimulator } from '@cal/testkit/jmap-tasks';
import { JMAPSetError, call, createJMAPClient, type JMAPClient } from '@cal/jmap';

let sim: JMAPTasksSimulator;
let client: JMAPClient;
beforeAll(async () => {
  sim = await startJMAPTasksSimulator();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  client = createJMAPClient({ url: sim.url, username: sim.username, password: sim.password });
});

describe('tasks (JMAP Tasks simulator)', () => {
  it('lists task lists, creates, reads, patches and deletes a task', async () => {
    expect((await client.getTaskLists()).map((l) => l.id)).toEqual(['inbox']);
    const id = await client.createTask('inbox', 'Write report', {
      description: 'Q3', due: '2025-03-01T17:00:00', start: '2025-02-20T09:00:00', timeZone: 'Europe/Berlin',
      estimatedDuration: 'PT3H', percentComplete: 10, progress: 'in-process', priority: 3,
    });
    const task = await client.getTask(id);
    expect(task).toMatchObject({
      '@type': 'Task', id, taskListId: 'inbox', title: 'Write report', description: 'Q3', due: '2025-03-01T17:00:00',
      timeZone: 'Europe/Berlin', estimatedDuration: 'PT3H', percentComplete: 10, progress: 'in-process', priority: 3,
    });
    expect(task.uid).toMatch(/[0-9a-f-]{36}/);
    await client.updateTask(id, { percentComplete: 100, progress: 'completed', description: null });
    const done = await client.getTask(id);
    expect(done).toMatchObject({ percentComplete: 100, progress: 'completed' });
    expect(done).not.toHaveProperty('description');
    await client.deleteTask(id);
    await expect(client.getTask(id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.deleteTask(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('uses the tasks account and capability from the session', async () => {
    await client.getTaskLists();
    const post = sim.sim.log.find((r) => r.method === 'POST')!;
    const body = JSON.parse(post.body);
    expect(body.using).toEqual(['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:tasks']);
    expect(body.methodCalls[0][1].accountId).toBe(sim.accountId);
  });

  it('reports rejected properties as JMAPSetError and validates input before sending', async () => {
    const err = await client.createTask('no-such-list', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JMAPSetError);
    expect((err as JMAPSetError).setErrors[0]?.error).toMatchObject({ type: 'invalidProperties', properties: ['taskListId'] });
    const before = sim.sim.log.length;
    await expect(client.createTask('inbox', 'x', { percentComplete: 120 })).rejects.toBeInstanceOf(ValidationError);
    expect(sim.sim.log.length).toBe(before);
  });

  it('batches task calls with result references in one request', async () => {
    const s = call('Task/set', { create: { a: { taskListId: 'inbox', title: 'A' }, b: { taskListId: 'inbox', title: 'B' } } });
    const q = call('Task/query', { filter: { inTaskLists: ['inbox'] } });
    const g = call('Task/get', { '#ids': q.ref('/ids'), properties: ['title'] });
    const res = await client.request([s, q, g]);
    expect(Object.keys(res.get(s).created ?? {})).toEqual(['a', 'b']);
    expect(res.get(g).list.map((t) => t.title).sort()).toEqual(['A', 'B']);
    expect(sim.sim.log.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});

describe('JMAP Tasks simulator wire format (RFC 8620)', () => {
  const post = (body: unknown) =>
    fetch(`${new URL(sim.url).origin}/jmap/api/`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`${sim.username}:${sim.password}`)}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('answers request-level problems with problem details', async () => {
    const notJson = await post('{');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ type: 'urn:ietf:params:jmap:error:notJSON' });
    const cap = await post({ using: ['urn:ietf:params:jmap:core', 'urn:example:nope'], methodCalls: [] });
    expect(await cap.json()).toMatchObject({ type: 'urn:ietf:params:jmap:error:unknownCapability' });
  });

  it('method errors: unknownMethod without the capability in using, invalidResultReference, stateMismatch', async () => {
    const res = await post({
      using: ['urn:ietf:params:jmap:core'],
      methodCalls: [['Task/get', { accountId: sim.accountId }, 'a']],
    });
    expect((await res.json()).methodResponses[0]).toEqual(['error', { type: 'unknownMethod' }, 'a']);
    const r = await client.request([
      call('Task/get', { '#ids': { resultOf: 'nope', name: 'Task/query', path: '/ids' } }, 'g'),
      call('Task/set', { ifInState: '999', destroy: ['x'] }, 's'),
    ]);
    expect(r.result('g')).toMatchObject({ ok: false, error: { type: 'invalidResultReference' } });
    expect(r.result('s', 'Task/set')).toMatchObject({ ok: false, error: { name: 'ConflictError' } });
  });

  it('Task/changes pages with maxChanges; a truncated log gives cannotCalculateChanges', async () => {
    const state = (await client.request([call('Task/get', { ids: [] }, 'g')])).get<{ state: string }>('g').state;
    for (const t of ['a', 'b', 'c']) await client.createTask('inbox', t);
    const first = (await client.request([call('Task/changes', { sinceState: state, maxChanges: 2 }, 'c')])).get<{ hasMoreChanges: boolean; created: string[]; newState: string }>('c');
    expect(first.hasMoreChanges).toBe(true);
    expect(first.created).toHaveLength(2);
    const second = (await client.request([call('Task/changes', { sinceState: first.newState, maxChanges: 2 }, 'c')])).get<{ hasMoreChanges: boolean; created: string[] }>('c');
    expect(second).toMatchObject({ hasMoreChanges: false, created: [expect.any(String)] });
    sim.truncateChangeLog();
    const gone = (await client.request([call('Task/changes', { sinceState: state }, 'c')])).result('c');
    expect(gone).toMatchObject({ ok: false, error: { type: 'cannotCalculateChanges' } });
  });
});
