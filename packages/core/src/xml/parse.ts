import { ProtocolError } from '../errors/classes.js';
import type { ParseXmlOptions, XmlElement } from './types.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

type Scope = Record<string, string>;

interface Open {
  el: XmlElement;
  qname: string;
  scope: Scope;
}

function fail(message: string, pos: number): never {
  throw new ProtocolError(`Invalid XML: ${message} at offset ${pos}`);
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the 5 predefined entities and numeric character references. Anything else — a named
 * entity that would need a DTD — is rejected: we never expand entities, so billion-laughs and XXE
 * payloads cannot cost more than one linear scan.
 */
function decode(raw: string, pos: number): string {
  if (raw.indexOf('&') === -1) return raw;
  let out = '';
  let last = 0;
  let i = raw.indexOf('&');
  while (i !== -1) {
    const semi = raw.indexOf(';', i + 1);
    if (semi === -1 || semi - i > 12) fail('unterminated entity reference', pos + i);
    const name = raw.slice(i + 1, semi);
    let rep: string | undefined;
    if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120 /* x */;
      const digits = hex ? name.slice(2) : name.slice(1);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) fail(`bad character reference &${name};`, pos + i);
      const cp = parseInt(digits, hex ? 16 : 10);
      // XML 1.0 §2.2 Char production: no NUL, no surrogates, nothing above U+10FFFF.
      if (
        !(cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff))
      )
        fail(`character reference &${name}; is not an XML character`, pos + i);
      rep = String.fromCodePoint(cp);
    } else {
      rep = PREDEFINED[name];
      if (rep === undefined) fail(`entity &${name}; is not allowed (no DTD entities)`, pos + i);
    }
    out += raw.slice(last, i) + rep;
    last = semi + 1;
    i = raw.indexOf('&', last);
  }
  return out + raw.slice(last);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Characters that end a name inside a tag. */
function isNameEnd(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 47 || c === 62 || c === 61 || c === 60 || Number.isNaN(c);
}

function resolve(scope: Scope, qname: string, isAttr: boolean, pos: number): [string, string] {
  const colon = qname.indexOf(':');
  if (colon === -1) return [isAttr ? '' : (scope[''] ?? ''), qname];
  const prefix = qname.slice(0, colon);
  const local = qname.slice(colon + 1);
  if (!local || local.includes(':')) fail(`bad qualified name "${qname}"`, pos);
  const uri = prefix === 'xml' ? XML_NS : scope[prefix];
  if (uri === undefined || uri === '') fail(`unbound namespace prefix "${prefix}"`, pos);
  return [uri, local];
}

/**
 * Parses an XML document into a namespace-resolved element tree.
 *
 * Hardened for bodies from untrusted servers: a DOCTYPE (hence any DTD, `<!ENTITY`, external
 * entity/XXE) and any entity other than the five predefined ones and numeric character references
 * is a {@link ProtocolError}, as is malformed markup, an unbound prefix, more than `maxDepth`
 * nesting or more than `maxNodes` elements. The scan is a single linear pass; comments, CDATA
 * (kept as text) and processing instructions are handled, nothing is ever expanded.
 *
 * @example
 * ```ts
 * const ms = parseXml(body);
 * for (const r of children(ms, 'DAV:', 'response')) console.log(childText(r, 'DAV:', 'href'));
 * ```
 * @public
 */
export function parseXml(text: string, options: ParseXmlOptions = {}): XmlElement {
  if (typeof text !== 'string') fail('input is not a string', 0);
  const maxDepth = options.maxDepth ?? 256;
  const maxNodes = options.maxNodes ?? 1_000_000;
  const len = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Open[] = [];
  const rootScope: Scope = Object.create(null) as Scope;
  let root: XmlElement | undefined;
  let nodes = 0;

  while (pos < len) {
    const lt = text.indexOf('<', pos);
    const end = lt === -1 ? len : lt;
    if (end > pos) {
      const top = stack[stack.length - 1];
      if (top) top.el.text += decode(text.slice(pos, end), pos);
      else {
        for (let i = pos; i < end; i++) if (!isSpace(text.charCodeAt(i))) fail('text outside the root element', i);
      }
    }
    if (lt === -1) break;
    pos = lt;
    const c1 = text.charCodeAt(pos + 1);
    if (c1 === 33 /* ! */) {
      if (text.startsWith('<!--', pos)) {
        const close = text.indexOf('-->', pos + 4);
        if (close === -1) fail('unterminated comment', pos);
        pos = close + 3;
      } else if (text.startsWith('<![CDATA[', pos)) {
        const top = stack[stack.length - 1];
        if (!top) fail('CDATA outside the root element', pos);
        const close = text.indexOf(']]>', pos + 9);
        if (close === -1) fail('unterminated CDATA section', pos);
        top.el.text += text.slice(pos + 9, close);
        pos = close + 3;
      } else {
        // <!DOCTYPE …>, <!ENTITY …>, <!ELEMENT …>: DTDs are how XXE and billion-laughs get in.
        fail(`${text.slice(pos, pos + 9).replace(/[^\w<!]/g, '')}: DTDs and entity declarations are not allowed`, pos);
      }
      continue;
    }
    if (c1 === 63 /* ? */) {
      const close = text.indexOf('?>', pos + 2);
      if (close === -1) fail('unterminated processing instruction', pos);
      pos = close + 2;
      continue;
    }
    if (c1 === 47 /* / */) {
      const close = text.indexOf('>', pos + 2);
      if (close === -1) fail('unterminated end tag', pos);
      const name = text.slice(pos + 2, close).trimEnd();
      const top = stack.pop();
      if (!top) fail(`unexpected end tag </${name}>`, pos);
      if (top.qname !== name) fail(`end tag </${name}> does not match <${top.qname}>`, pos);
      pos = close + 1;
      continue;
    }
    // Start tag.
    let i = pos + 1;
    while (i < len && !isNameEnd(text.charCodeAt(i))) i++;
    const qname = text.slice(pos + 1, i);
    if (!qname) fail('empty element name', pos);
    if (root && stack.length === 0) fail('more than one root element', pos);
    let scope = stack.length ? stack[stack.length - 1]!.scope : rootScope;
    let ownScope = false;
    let rawAttrs: string[] | undefined;
    let selfClose = false;
    for (;;) {
      while (i < len && isSpace(text.charCodeAt(i))) i++;
      if (i >= len) fail('unterminated start tag', pos);
      const c = text.charCodeAt(i);
      if (c === 62 /* > */) {
        i++;
        break;
      }
      if (c === 47 /* / */) {
        if (text.charCodeAt(i + 1) !== 62) fail('bad "/" in start tag', i);
        selfClose = true;
        i += 2;
        break;
      }
      const ns = i;
      while (i < len && !isNameEnd(text.charCodeAt(i))) i++;
      const aname = text.slice(ns, i);
      if (!aname) fail('bad attribute', i);
      while (i < len && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 61 /* = */) fail(`attribute "${aname}" has no value`, i);
      i++;
      while (i < len && isSpace(text.charCodeAt(i))) i++;
      const q = text.charCodeAt(i);
      if (q !== 34 && q !== 39) fail(`attribute "${aname}" value is not quoted`, i);
      const vend = text.indexOf(q === 34 ? '"' : "'", i + 1);
      if (vend === -1) fail('unterminated attribute value', i);
      const rawValue = text.slice(i + 1, vend);
      if (rawValue.indexOf('<') !== -1) fail('"<" in attribute value', i);
      const value = decode(rawValue, i + 1);
      i = vend + 1;
      if (aname === 'xmlns' || aname.startsWith('xmlns:')) {
        if (!ownScope) {
          scope = Object.create(scope) as Scope;
          ownScope = true;
        }
        const prefix = aname === 'xmlns' ? '' : aname.slice(6);
        if (prefix === 'xml' || prefix === 'xmlns') fail(`reserved prefix "${prefix}" redeclared`, ns);
        if (prefix && !value) fail(`prefix "${prefix}" bound to an empty namespace`, ns);
        scope[prefix] = value;
      } else {
        (rawAttrs ??= []).push(aname, value);
      }
    }
    if (++nodes > maxNodes) fail(`more than ${maxNodes} elements`, pos);
    if (stack.length + 1 > maxDepth) fail(`nesting deeper than ${maxDepth}`, pos);
    const [uri, local] = resolve(scope, qname, false, pos);
    const attrs: Record<string, string> = {};
    if (rawAttrs) {
      for (let k = 0; k < rawAttrs.length; k += 2) {
        const [auri, alocal] = resolve(scope, rawAttrs[k]!, true, pos);
        if (auri === XMLNS_NS) continue;
        const key = auri ? `{${auri}}${alocal}` : alocal;
        if (Object.prototype.hasOwnProperty.call(attrs, key)) fail(`duplicate attribute "${rawAttrs[k]}"`, pos);
        attrs[key] = rawAttrs[k + 1]!;
      }
    }
    const el: XmlElement = { ns: uri, local, attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.el.children.push(el);
    else root = el;
    if (!selfClose) stack.push({ el, qname, scope });
    pos = i;
  }
  if (stack.length) fail(`unclosed element <${stack[stack.length - 1]!.qname}>`, len);
  if (!root) fail('no root element', 0);
  return root;
}
