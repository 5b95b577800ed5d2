import { serializeXml, xml, type XmlNode } from '@cal/core/xml';
import { ATOM_NS, OC_NS } from './namespaces.js';

/** A field value to send: repeated elements for arrays, nested elements for records, skipped when undefined. @internal */
export type FieldValue = string | number | readonly string[] | Readonly<Record<string, string | undefined>> | undefined;

function field(name: string, value: FieldValue): XmlNode[] {
  if (value === undefined) return [];
  if (typeof value === 'string' || typeof value === 'number') return [xml(OC_NS, name, {}, [String(value)])];
  if (Array.isArray(value)) return value.map((v: string) => xml(OC_NS, name, {}, [v]));
  const rec = value as Readonly<Record<string, string | undefined>>;
  return [xml(OC_NS, name, {}, Object.entries(rec).flatMap(([k, v]) => field(k, v)))];
}

/** Serialises `<entry xmlns=atom xmlns:oc=…>` with optional title and `oc:` fields (reference §4.6 style). @internal */
export function buildEntry(fields: Readonly<Record<string, FieldValue>>, title?: string): string {
  const kids: XmlNode[] = title === undefined ? [] : [xml(ATOM_NS, 'title', {}, [title])];
  for (const [k, v] of Object.entries(fields)) kids.push(...field(k, v));
  return serializeXml(xml(ATOM_NS, 'entry', {}, kids), { prefixes: { [ATOM_NS]: '', [OC_NS]: 'oc' } });
}
