import type { SerializeXmlOptions, XmlNode } from './types.js';

const ENTITY: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };

/** Escapes `& < > " '` for element text and attribute values. @public */
export function escapeXml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => `&${ENTITY[c]!};`);
}

/**
 * Builds an element for {@link serializeXml}.
 * @example `xml('DAV:', 'propfind', {}, [xml('DAV:', 'prop', {}, [xml('DAV:', 'getetag')])])`
 * @public
 */
export function xml(ns: string, local: string, attrs: Record<string, string> = {}, children: (XmlNode | string)[] = []): XmlNode {
  return { ns, local, attrs, children };
}

/**
 * Serialises a node tree. Every namespace is declared once on the root, with the prefix from
 * `options.prefixes` (or `ns0`, `ns1`… for unknown URIs), so output is compact and stable.
 * @public
 */
export function serializeXml(node: XmlNode, options: SerializeXmlOptions = {}): string {
  const preferred = new Map(Object.entries(options.prefixes ?? {}));
  const taken = new Set(preferred.values());
  // Declarations in order of first use: URI → prefix for elements, and for attributes whose URI is
  // the default namespace (which does not apply to attributes, Namespaces in XML §6.2).
  const forElements = new Map<string, string>();
  const forAttrs = new Map<string, string>();
  let n = 0;
  const qname = (uri: string, local: string, attr: boolean): string => {
    if (!uri) return local;
    const map = attr && preferred.get(uri) === '' ? forAttrs : forElements;
    let p = map.get(uri) ?? (map === forElements ? preferred.get(uri) : undefined);
    if (p === undefined) {
      do p = `ns${n++}`;
      while (taken.has(p));
      taken.add(p);
    }
    map.set(uri, p);
    return p ? `${p}:${local}` : local;
  };
  const write = (x: XmlNode): string => {
    const tag = qname(x.ns, x.local, false);
    let out = `<${tag}`;
    for (const [k, v] of Object.entries(x.attrs)) {
      // `{uri}local` keys are namespaced attributes.
      const close = k[0] === '{' ? k.indexOf('}') : -1;
      out += ` ${close < 0 ? k : qname(k.slice(1, close), k.slice(close + 1), true)}="${escapeXml(v)}"`;
    }
    if (!x.children.length) return `${out}/>`;
    return `${out}>${x.children.map((c) => (typeof c === 'string' ? escapeXml(c) : write(c))).join('')}</${tag}>`;
  };
  const rootTag = qname(node.ns, node.local, false);
  const body = write(node);
  let decl = '';
  for (const map of [forElements, forAttrs]) for (const [u, p] of map) decl += ` xmlns${p ? `:${p}` : ''}="${escapeXml(u)}"`;
  const at = rootTag.length + 1;
  return (options.declaration === false ? '' : '<?xml version="1.0" encoding="utf-8"?>\n') + body.slice(0, at) + decl + body.slice(at);
}
