import { atomResult, entryXml, fail, feedXml, readPosted } from './atom.js';
import type { Registrar } from './registrar.js';

/** `/v2/phones/…`: read-only phone database and (signed) model detection. */
export function registerPhones(r: Registrar): void {
  const { state, present } = r;
  const vendor = (id: string) => state.vendors.find((v) => v.id === id) ?? (() => { throw fail(404, `No vendor ${id}`); })();
  const model = (id: string) => state.models.find((m) => m.id === id) ?? (() => { throw fail(404, `No model ${id}`); })();

  const listVendors = (ctx: Parameters<typeof r.auth>[0]) => {
    r.optionalAuth(ctx);
    return atomResult(feedXml(present.url(ctx.path), 'Vendors', state.vendors.map((v) => present.vendor(v))));
  };
  r.on('GET', '/v2/phones/vendors/', listVendors);
  r.sim.route('GET', '/v2/phones/vendors/all.xml', listVendors);
  r.sim.route('GET', '/v2/phones/vendors/:id', (ctx) => {
    r.optionalAuth(ctx);
    return atomResult(entryXml(present.vendor(vendor(ctx.params['id']!))));
  });
  r.on('GET', '/v2/phones/vendors/:id/models/', (ctx) => {
    r.optionalAuth(ctx);
    const v = vendor(ctx.params['id']!);
    return atomResult(feedXml(present.url(ctx.path), `${v.name} Models`, state.models.filter((m) => m.vendorId === v.id).map((m) => present.model(m))));
  });
  r.sim.route('GET', '/v2/phones/vendors/:vid/models/:id', (ctx) => {
    r.optionalAuth(ctx);
    const m = model(ctx.params['id']!);
    if (m.vendorId !== ctx.params['vid']) throw fail(404, 'No such model for this vendor');
    return atomResult(entryXml(present.model(m)));
  });
  r.on('GET', '/v2/phones/models/', (ctx) => {
    r.optionalAuth(ctx);
    return atomResult(feedXml(present.url(ctx.path), 'Models', state.models.map((m) => present.model(m))));
  });
  r.sim.route('GET', '/v2/phones/models/:id', (ctx) => {
    r.optionalAuth(ctx);
    return atomResult(entryXml(present.model(model(ctx.params['id']!))));
  });

  // Read-only (OCSS doc: update()/delete() fail): writes to a collection are forbidden (403),
  // writes to an item are an unsupported method (405 + Allow).
  const forbidden = () => {
    throw fail(403, 'The phone database is read-only');
  };
  for (const p of ['/v2/phones/vendors/', '/v2/phones/models/', '/v2/phones/vendors/:id/models/']) for (const m of ['POST', 'PUT', 'DELETE']) r.on(m, p, forbidden);
  r.sim.route('POST', '/v2/phones/vendors/all.xml', forbidden);
  const notAllowed = () => {
    throw fail(405, 'The phone database is read-only', { Allow: 'GET' });
  };
  for (const p of ['/v2/phones/vendors/:id', '/v2/phones/models/:id', '/v2/phones/vendors/:vid/models/:id']) for (const m of ['POST', 'PUT', 'DELETE', 'PATCH']) r.sim.route(m, p, notAllowed);

  // Detection (no source at all, reference §9.2): auto → 200 model | 204; manual → 201 + code;
  // poll → 202 pending | 200 model | 200 <oc:status>unidentified</oc:status> | 400 bad code.
  const number = (body: string): string => {
    const n = readPosted(body).get('phone_number');
    if (!n || !/^\+?[0-9 ()-]{3,20}$/.test(n)) throw fail(400, 'phone_number required');
    return n;
  };
  r.on('POST', '/v2/phones/detect/auto/', (ctx) => {
    r.auth(ctx);
    const id = state.autoDetect.get(number(ctx.body));
    return id ? atomResult(entryXml(present.model(model(id)))) : { status: 204 };
  });
  r.on('POST', '/v2/phones/detect/manual/', (ctx) => {
    r.auth(ctx);
    const to = number(ctx.body);
    const code = state.newId().replace(/-/g, '').slice(0, 12);
    state.detections.set(code, { code, phoneNumber: to });
    state.sms.push({ to, kind: 'detect', code, at: state.now() });
    const self = present.url(`/v2/phones/detect/poll/${code}`);
    return atomResult(entryXml({ self, title: code, updated: state.now(), fields: { code, phone_number: to } }), 201, { Location: self });
  });
  r.sim.route('GET', '/v2/phones/detect/poll/:code', (ctx) => {
    r.auth(ctx);
    const d = state.detections.get(ctx.params['code']!);
    if (!d) throw fail(400, 'Invalid detection code');
    if (d.result === undefined) return { status: 202 };
    const self = present.url(ctx.path);
    if (d.result === null) return atomResult(entryXml({ self, title: d.code, fields: { code: d.code, status: 'unidentified' } }));
    return atomResult(entryXml(present.model(model(d.result))));
  });
}
