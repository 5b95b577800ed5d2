/**
 * Contract test: every path, method, parameter and schema of this package's OpenAPI document (which
 * the generated types — and therefore every typed call in src/ — come from) must exist in Microsoft's
 * own description, read at runtime from ../shared/specs (never copied into the repo).
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

type Obj = Record<string, any>;
const theirs = JSON.parse(readFileSync(new URL('../../../../../shared/specs/graph-calendar.openapi.json', import.meta.url), 'utf8')) as Obj;
const mine = load(readFileSync(new URL('../../openapi/graph-calendar.yaml', import.meta.url), 'utf8')) as Obj;

/** Outside Microsoft's calendar subset (user-get.md); documented here instead of silently skipped. */
const PATHS_OUTSIDE_SUBSET = new Set(['/me', '/users/{user-id}']);
/** Headers Microsoft's description cannot express (reference §1.3: Prefer is not declared anywhere). */
const UNDECLARED_HEADERS = new Set(['Prefer']);
/** Annotations the description does not model on base types (reference §1.3). */
const ANNOTATIONS = new Set(['@odata.etag', '@odata.type']);
/** Our own schemas (action bodies) and their counterpart in Microsoft's document. */
const ACTION_BODIES: Record<string, [string, string]> = {
  'cal.acceptBody': ['/users/{user-id}/events/{event-id}/accept', 'post'],
  'cal.declineBody': ['/users/{user-id}/events/{event-id}/decline', 'post'],
  'cal.cancelBody': ['/users/{user-id}/events/{event-id}/cancel', 'post'],
  'cal.forwardBody': ['/users/{user-id}/events/{event-id}/forward', 'post'],
  'cal.getScheduleBody': ['/users/{user-id}/calendar/getSchedule', 'post'],
  'cal.findMeetingTimesBody': ['/users/{user-id}/findMeetingTimes', 'post'],
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function deref(doc: Obj, node: Obj | undefined): Obj | undefined {
  let n = node;
  for (let i = 0; n && typeof n['$ref'] === 'string' && i < 20; i++) {
    n = (n['$ref'] as string).slice(2).split('/').reduce<Obj | undefined>((o, k) => o?.[k], doc);
  }
  return n;
}

function params(doc: Obj, pathItem: Obj, op: Obj): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const p of [...(pathItem['parameters'] ?? []), ...(op['parameters'] ?? [])]) {
    const r = deref(doc, p)!;
    out.set(`${r['in']}:${r['name']}`, r);
  }
  return out;
}

/** Property map of a schema with allOf flattened. */
function properties(doc: Obj, schema: Obj | undefined, depth = 0): Record<string, Obj> {
  const s = deref(doc, schema);
  if (!s || depth > 10) return {};
  let out: Record<string, Obj> = { ...(s['properties'] ?? {}) };
  for (const part of s['allOf'] ?? []) out = { ...properties(doc, part, depth + 1), ...out };
  for (const part of s['anyOf'] ?? []) out = { ...properties(doc, part, depth + 1), ...out };
  return out;
}

function requestSchema(doc: Obj, op: Obj): Obj | undefined {
  return deref(doc, deref(doc, op['requestBody'])?.['content']?.['application/json']?.['schema']);
}

const ours = Object.entries(mine['paths'] as Obj).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((method) => ({ path, method, item: item as Obj, op: item[method] as Obj })),
);

describe('contract: our OpenAPI subset vs Microsoft Graph v1.0 description', () => {
  it('covers a meaningful part of the API', () => {
    expect(ours.length).toBeGreaterThanOrEqual(35);
  });

  it.each(ours.filter((o) => !PATHS_OUTSIDE_SUBSET.has(o.path)).map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
    '%s exists with compatible parameters',
    (_name, { path, method, item, op }) => {
      const theirItem = theirs['paths'][path];
      expect(theirItem, `path ${path}`).toBeDefined();
      const theirOp = theirItem[method];
      expect(theirOp, `${method} ${path}`).toBeDefined();
      const theirParams = params(theirs, theirItem, theirOp);
      const ourParams = params(mine, item, op);
      for (const [key, p] of ourParams) {
        if (p['in'] === 'header' && UNDECLARED_HEADERS.has(p['name'])) continue;
        expect(theirParams.has(key), `${method} ${path} parameter ${key}`).toBe(true);
        if (p['required']) expect(theirParams.get(key)?.['required'], `${key} required in both`).toBe(true);
      }
      // Everything Microsoft marks required, we declare (and so the types force callers to send it).
      for (const [key, p] of theirParams) {
        if (p['required']) expect(ourParams.has(key), `${method} ${path} required parameter ${key}`).toBe(true);
      }
    },
  );

  const schemas = Object.entries(mine['components']['schemas'] as Obj);
  it.each(schemas.filter(([n]) => n.startsWith('microsoft.graph.') && n !== 'microsoft.graph.user'))('schema %s matches', (name, schema) => {
    const theirSchema = theirs['components']['schemas'][name];
    expect(theirSchema, `schema ${name}`).toBeDefined();
    const theirProps = properties(theirs, theirSchema);
    for (const [prop, def] of Object.entries(properties(mine, schema as Obj))) {
      if (ANNOTATIONS.has(prop)) continue;
      expect(theirProps[prop], `${name}.${prop}`).toBeDefined();
      const ourEnum = deref(mine, def)?.['enum'] as string[] | undefined;
      const theirEnum = deref(theirs, theirProps[prop])?.['enum'] as string[] | undefined;
      if (ourEnum && theirEnum) for (const v of ourEnum) expect(theirEnum, `${name}.${prop} enum`).toContain(v);
    }
    const ourEnum = (schema as Obj)['enum'] as string[] | undefined;
    if (ourEnum) for (const v of ourEnum) expect(deref(theirs, theirSchema)?.['enum'], `${name} enum`).toContain(v);
  });

  it.each(Object.entries(ACTION_BODIES))('action body %s matches (names case-insensitively: CSDL PascalCase vs docs camelCase)', (name, [path, method]) => {
    const theirProps = Object.keys(properties(theirs, requestSchema(theirs, theirs['paths'][path][method]))).map((k) => k.toLowerCase());
    const ourProps = Object.keys(properties(mine, mine['components']['schemas'][name]));
    expect(ourProps.length).toBeGreaterThan(0);
    for (const p of ourProps) expect(theirProps, `${name}.${p}`).toContain(p.toLowerCase());
  });

  it('createUploadSession body and fileAttachment POST exist', () => {
    const up = requestSchema(theirs, theirs['paths']['/users/{user-id}/events/{event-id}/attachments/createUploadSession']['post']);
    expect(Object.keys(properties(theirs, up))).toContain('AttachmentItem');
    expect(properties(theirs, theirs['components']['schemas']['microsoft.graph.fileAttachment'])['contentBytes']).toBeDefined();
  });

  it('every operation of ours declares Graph error responses like Microsoft does', () => {
    for (const { path, method, op } of ours) {
      expect(op['responses']['default'], `${method} ${path}`).toBeDefined();
      if (PATHS_OUTSIDE_SUBSET.has(path)) continue;
      expect(theirs['paths'][path][method]['responses']['default']).toBeDefined();
    }
  });
});
