import { escapeXml } from '@cal/core/xml';
import { ATOM_NS, OC_NS } from './namespaces.js';

/** A field value to send: repeated elements for arrays, nested elements for records, skipped when undefined. @internal */
export type FieldValue = string | number | readonly string[] | Readonly<Record<string, string | undefined>> | undefined;

// Request entries have one fixed shape (Atom default namespace, every field `oc:`-prefixed, names
// from this package's code), so they are written directly; only text goes through `escapeXml`.
// Core's generic `serializeXml` (prefix allocation for arbitrary trees) is not needed here.

function fields(record: Readonly<Record<string, FieldValue>>): string {
  return Object.entries(record)
    .map(([name, value]) => (Array.isArray(value) ? value : [value]).map((v: Exclude<FieldValue, readonly string[]>) => field(name, v)).join(''))
    .join('');
}

function field(name: string, value: Exclude<FieldValue, readonly string[]>): string {
  if (value === undefined) return '';
  return `<oc:${name}>${typeof value === 'object' ? fields(value) : escapeXml(String(value))}</oc:${name}>`;
}

/** Serialises `<entry xmlns=atom xmlns:oc=…>` with optional title and `oc:` fields (reference §4.6 style). @internal */
export function buildEntry(record: Readonly<Record<string, FieldValue>>, title?: string): string {
  const head = title === undefined ? '' : `<title>${escapeXml(title)}</title>`;
  return `<?xml version="1.0" encoding="utf-8"?>\n<entry xmlns="${ATOM_NS}" xmlns:oc="${OC_NS}">${head}${fields(record)}</entry>`;
}
