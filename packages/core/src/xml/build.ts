import type { SerializeXmlOptions, XmlNode } from './types.js';

/** Escapes `& < > " '` for element text and attribute values. @public */
export function escapeXml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/**
 * Builds an element for {@link serializeXml}.
 * @example `xml('DAV:', 'propfind', {}, [xml('DAV:', 'prop', {}, [xml('DAV:', 'getetag')])])`
 * @public
 */
export function xml(ns: string, local: string, attrs: Record<string, string> = {}, children: (XmlNode | string)[] = []): XmlNode {
  return { ns, local, attrs, children };
}

function splitKey(key: string): [string, string] {
  if (key.charCodeAt(0) !== 123 /* { */) return ['', key];
  const close = key.indexOf('}');
  return [key.slice(1, close), key.slice(close + 1)];
}

/**
 * Serialises a node tree. Every namespace is declared once on the root, with the prefix from
 * `options.prefixes` (or `ns0`, `ns1`… for unknown URIs), so output is compact and stable.
 * @public
 */
export function serializeXml(node: XmlNode, options: SerializeXmlOptions = {}): string {
  const prefixes = new Map<string, string>();
  const used = new Set<string>();
  for (const [uri, p] of Object.entries(options.prefixes ?? {})) prefixes.set(uri, p);
  const seen = new Set<string>();
  let n = 0;
  const attrPrefixes = new Map<string, string>();
  const fresh = (): string => {
    let p: string;
    do p = `ns${n++}`;
    while ([...prefixes.values(), ...attrPrefixes.values()].includes(p));
    return p;
  };
  const collect = (x: XmlNode): void => {
    const uris = [x.ns, ...Object.keys(x.attrs).map((k) => splitKey(k)[0])];
    for (const u of uris) {
      if (!u || seen.has(u)) continue;
      seen.add(u);
      if (!prefixes.has(u)) prefixes.set(u, fresh());
      used.add(u);
    }
    for (const k of Object.keys(x.attrs)) {
      const u = splitKey(k)[0];
      // The default namespace does not apply to attributes (Namespaces in XML §6.2): they need a prefix.
      if (u && prefixes.get(u) === '' && !attrPrefixes.has(u)) attrPrefixes.set(u, fresh());
    }
    for (const c of x.children) if (typeof c !== 'string') collect(c);
  };
  collect(node);
  const qn = (uri: string, local: string, attr: boolean): string => {
    if (!uri) return local;
    const p = prefixes.get(uri)!;
    return p ? `${p}:${local}` : attr ? `${attrPrefixes.get(uri)!}:${local}` : local;
  };
  let decl = '';
  for (const u of used) {
    const p = prefixes.get(u)!;
    decl += p ? ` xmlns:${p}="${escapeXml(u)}"` : ` xmlns="${escapeXml(u)}"`;
  }
  for (const [u, p] of attrPrefixes) decl += ` xmlns:${p}="${escapeXml(u)}"`;
  const out: string[] = [];
  const write = (x: XmlNode, isRoot: boolean): void => {
    const name = qn(x.ns, x.local, false);
    out.push('<', name);
    if (isRoot) out.push(decl);
    for (const [k, v] of Object.entries(x.attrs)) {
      const [u, l] = splitKey(k);
      out.push(' ', qn(u, l, true), '="', escapeXml(v), '"');
    }
    if (!x.children.length) {
      out.push('/>');
      return;
    }
    out.push('>');
    for (const c of x.children) {
      if (typeof c === 'string') out.push(escapeXml(c));
      else write(c, false);
    }
    out.push('</', name, '>');
  };
  write(node, true);
  return (options.declaration === false ? '' : '<?xml version="1.0" encoding="utf-8"?>\n') + out.join('');
}
