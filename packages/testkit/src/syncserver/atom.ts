/** Atom serialisation of the simulator (reference §4: envelope, `oc:` fields, absolute hrefs). */
import { parseXml, type XmlElement } from '@cal/core/xml';
import { SimHttpError } from '../sim/sim-http-error.js';

export const ATOM = 'http://www.w3.org/2005/Atom';
export const OC = 'http://schemas.obexcode.com/syncserver/2009';
export const ATOM_TYPE = 'application/atom+xml';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** RFC 3339 UTC with seconds (`2009-09-09T09:09:09Z`), as the documented feeds print. */
export const rfc3339 = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** What one entry shows. */
export interface EntrySpec {
  id?: string;
  self: string;
  edit?: string;
  title: string;
  published?: Date;
  updated?: Date;
  links?: Record<string, string>;
  content?: { text?: string; src?: string; type: string };
  author?: string;
  /** `oc:` fields, in order; arrays repeat the element, objects nest. */
  fields?: Record<string, string | undefined | string[] | Record<string, string>[]>;
  /** Put the fields in `<client xmlns=oc>` (ActiveSync style, reference §4.2). */
  wrapClient?: boolean;
}

function fieldXml(name: string, v: string | undefined | string[] | Record<string, string>[], prefix: string): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return `<${prefix}${name}>${esc(v)}</${prefix}${name}>`;
  return v
    .map((x) =>
      typeof x === 'string'
        ? `<${prefix}${name}>${esc(x)}</${prefix}${name}>`
        : `<${prefix}${name}>${Object.entries(x).map(([k, y]) => fieldXml(k, y, prefix)).join('')}</${prefix}${name}>`,
    )
    .join('');
}

export function entryXml(e: EntrySpec, root = true): string {
  const ns = root ? ` xmlns="${ATOM}" xmlns:oc="${OC}"` : '';
  const links = Object.entries({ self: e.self, edit: e.edit ?? e.self, ...e.links })
    .map(([rel, href]) => `<link href="${esc(href)}" rel="${rel}"${rel === 'self' || rel === 'edit' ? '' : ` type="${ATOM_TYPE}"`}/>`)
    .join('');
  const content = e.content
    ? e.content.src
      ? `<content src="${esc(e.content.src)}" type="${e.content.type}"/>`
      : `<content type="${e.content.type}">${esc(e.content.text ?? '')}</content>`
    : '';
  const fields = Object.entries(e.fields ?? {}).map(([k, v]) => fieldXml(k, v, e.wrapClient ? '' : 'oc:')).join('');
  return (
    `<entry${ns}><author><name>${esc(e.author ?? 'admin')}</name><email>support@obexcode.com</email></author>${content}` +
    `<id>${esc(e.id ?? e.self)}</id>${links}<link href="${esc(e.self)}" rel="alternate" type="text/html"/>` +
    (e.published ? `<published>${rfc3339(e.published)}</published>` : '') +
    `<title>${esc(e.title)}</title><updated>${e.updated ? rfc3339(e.updated) : ''}</updated>` +
    (e.wrapClient ? `<client xmlns="${OC}">${fields}</client>` : fields) +
    `</entry>`
  );
}

export function feedXml(url: string, title: string, entries: EntrySpec[], updated?: Date): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="${ATOM}" xmlns:oc="${OC}"><author><name>ObexCode AS</name></author>` +
    `<id>${esc(url)}</id><link href="${esc(url)}" rel="self"/><title>${esc(title)}</title>` +
    // The documented datastore feed has an empty <updated /> (reference §1); do the same when unknown.
    (updated ? `<updated>${rfc3339(updated)}</updated>` : '<updated />') +
    entries.map((e) => entryXml(e, false)).join('') +
    '</feed>'
  );
}

export const atomResult = (body: string, status = 200, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'Content-Type': ATOM_TYPE, ...headers },
  body: body.startsWith('<?xml') ? body : `<?xml version="1.0" encoding="utf-8"?>\n${body}`,
});

/** A 4xx with a short text/plain body (reference §6, G). */
export const fail = (status: number, message: string, headers: Record<string, string> = {}): SimHttpError =>
  new SimHttpError(status, message, { 'Content-Type': 'text/plain', ...headers });

/** The posted `<entry>`'s `oc:` fields (direct children or inside `<oc:client>`). */
export interface PostedEntry {
  title: string | undefined;
  get(name: string): string | undefined;
  all(name: string): string[];
  elements(name: string): XmlElement[];
}

export function readPosted(body: string): PostedEntry {
  let root: XmlElement;
  try {
    root = parseXml(body);
  } catch {
    throw fail(400, 'Malformed XML');
  }
  if (root.ns !== ATOM || root.local !== 'entry') throw fail(400, 'Expected an Atom entry');
  const oc: XmlElement[] = [];
  for (const c of root.children) {
    if (c.ns !== OC) continue;
    if (c.local === 'client') oc.push(...c.children.filter((x) => x.ns === OC));
    else oc.push(c);
  }
  return {
    title: root.children.find((c) => c.ns === ATOM && c.local === 'title')?.text.trim(),
    get: (n) => oc.find((c) => c.local === n)?.text.trim(),
    all: (n) => oc.filter((c) => c.local === n).map((c) => c.text.trim()),
    elements: (n) => oc.filter((c) => c.local === n),
  };
}

/** `since` filter: RFC 3339 or OCSS compact (`2009-12-09T130500Z`). */
export function parseSince(text: string): Date | undefined {
  const m =
    /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(text) ??
    /^(\d{4})-?(\d\d)-?(\d\d)T(\d\d)(\d\d)(\d\d)(Z)$/.exec(text);
  if (!m) return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7]}`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
