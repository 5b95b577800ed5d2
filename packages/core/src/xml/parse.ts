import { ProtocolError } from '../errors/classes.js';
import type { ParseXmlOptions, XmlElement } from './types.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** In-scope namespace bindings, prefix → URI ('' = default namespace); prototype-chained per element. */
type Scope = Record<string, string>;

function fail(message: string, pos: number): never {
  throw new ProtocolError(`Invalid XML: ${message} at offset ${pos}`);
}

// The scanner below uses only sticky regexes whose quantified classes never overlap with what
// follows them, so no regex can backtrack more than the run it just matched: the parse stays a
// single linear pass even on hostile input. Whitespace is XML's S production (§2.3), not `\s`.
const NAME = /[^ \t\r\n/>=<]+/y;
const ATTR = /[ \t\r\n]*([^ \t\r\n/>=<]+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /[ \t\r\n]*\/?>/y;
/** An entity or character reference; the length cap keeps a stray `&` from scanning far. */
const REF = /&([^;&]{0,12})(;?)/g;
const CHAR_REF = /^#(?:x([\da-fA-F]+)|(\d+))$/;
/** XML 1.0 §2.2 Char: no NUL or other C0 controls, no surrogates, nothing above U+10FFFF. */
const XML_CHAR = /^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the 5 predefined entities and numeric character references. Anything else — a named
 * entity that would need a DTD — is rejected: we never expand entities, so billion-laughs and XXE
 * payloads cannot cost more than one linear scan.
 */
function decode(raw: string, pos: number): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(REF, (ref: string, name: string, semi: string, at: number) => {
    const num = CHAR_REF.exec(name);
    const cp = num ? parseInt(num[1] ?? num[2]!, num[1] ? 16 : 10) : 0;
    const char = num && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    // `hasOwn`: `&constructor;` must not find Object.prototype.constructor.
    const rep = !semi ? undefined : num ? (XML_CHAR.test(char) ? char : undefined) : Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : undefined;
    if (rep === undefined) fail(`entity ${ref.slice(0, 14)} not allowed (no DTD)`, pos + at);
    return rep;
  });
}

/** Index just past the next `token` (end of a comment, CDATA section or PI). */
function skipPast(text: string, token: string, from: number, what: string): number {
  const i = text.indexOf(token, from);
  if (i < 0) fail(`unterminated ${what}`, from);
  return i + token.length;
}

function resolve(scope: Scope, qname: string, isAttr: boolean, pos: number): [string, string] {
  const colon = qname.indexOf(':');
  // The default namespace does not apply to unprefixed attributes (Namespaces in XML §6.2).
  if (colon < 0) return [isAttr ? '' : (scope[''] ?? ''), qname];
  const prefix = qname.slice(0, colon);
  const local = qname.slice(colon + 1);
  const uri = prefix === 'xml' ? XML_NS : scope[prefix];
  if (!local || local.includes(':') || !uri) fail(`bad name or unbound prefix ${qname}`, pos);
  return [uri, local];
}

/**
 * The same string, internalized (flat and shared): an object key. A namespace URI is otherwise a
 * slice of the whole body, and every `el.ns === DAV` in the clients took V8's slow path for
 * sliced strings (~30 ns each: the largest cost of reading a 5,000-entry Atom feed).
 */
const intern = (s: string): string => Object.keys({ [s]: 0 })[0]!;

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
  const { maxDepth = 256, maxNodes = 1_000_000 } = options;
  const stack: { el: XmlElement; qname: string; scope: Scope }[] = [];
  const rootScope = Object.create(null) as Scope;
  let root: XmlElement | undefined;
  let nodes = 0;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  for (;;) {
    const lt = text.indexOf('<', pos);
    const top = stack[stack.length - 1];
    const run = text.slice(pos, lt < 0 ? undefined : lt);
    if (top) top.el.text += decode(run, pos);
    else if (/[^ \t\r\n]/.test(run)) fail('text outside the root element', pos);
    if (lt < 0) break;
    const c1 = text[lt + 1];
    if (text.startsWith('<!--', lt)) pos = skipPast(text, '-->', lt + 4, 'comment');
    else if (text.startsWith('<![CDATA[', lt)) {
      if (!top) fail('text outside the root element', lt);
      pos = skipPast(text, ']]>', lt + 9, 'CDATA section');
      top.el.text += text.slice(lt + 9, pos - 3);
    } else if (c1 === '!') {
      // <!DOCTYPE …>, <!ENTITY …>, <!ELEMENT …>: DTDs are how XXE and billion-laughs get in.
      fail('DTD (DOCTYPE, ENTITY) not allowed', lt);
    } else if (c1 === '?') pos = skipPast(text, '?>', lt + 2, 'processing instruction');
    else if (c1 === '/') {
      pos = skipPast(text, '>', lt + 2, 'end tag');
      const name = text.slice(lt + 2, pos - 1).trimEnd();
      if (stack.pop()?.qname !== name) fail(`unexpected </${name}>`, lt);
    } else {
      NAME.lastIndex = lt + 1;
      // test() and lastIndex, not exec(): no match array per element (GC time on large feeds).
      if (!NAME.test(text)) fail('empty element name', lt);
      const qname = text.slice(lt + 1, NAME.lastIndex);
      if (root && !top) fail('second root element', lt);
      let scope = top?.scope ?? rootScope;
      let ownScope = false;
      let raw: string[] | undefined;
      let i = NAME.lastIndex;
      for (;;) {
        ATTR.lastIndex = i;
        const m = ATTR.exec(text);
        if (!m) break;
        i = ATTR.lastIndex;
        const aname = m[1]!;
        const value = decode(m[2] ?? m[3]!, m.index);
        if (aname === 'xmlns' || aname.startsWith('xmlns:')) {
          const prefix = aname.slice(6);
          // Reserved prefixes, and unbinding a prefix (only XML 1.1 allows `xmlns:p=""`).
          if (prefix === 'xml' || prefix === 'xmlns' || (prefix && !value)) fail(`bad declaration ${aname}`, i);
          if (!ownScope) scope = Object.create(scope) as Scope;
          ownScope = true;
          scope[prefix] = intern(value);
        } else (raw ??= []).push(aname, value);
      }
      TAG_END.lastIndex = i;
      // Unquoted or unterminated values, `<` in a value, a name without `=`: nothing above matched.
      if (!TAG_END.test(text)) fail('malformed tag', i);
      pos = TAG_END.lastIndex;
      if (++nodes > maxNodes) fail(`more than ${maxNodes} elements`, lt);
      if (stack.length >= maxDepth) fail(`nesting deeper than ${maxDepth}`, lt);
      const [ns, local] = resolve(scope, qname, false, lt);
      const attrs: Record<string, string> = {};
      for (let k = 0; raw && k < raw.length; k += 2) {
        const [auri, alocal] = resolve(scope, raw[k]!, true, lt);
        const key = auri ? `{${auri}}${alocal}` : alocal;
        if (Object.hasOwn(attrs, key)) fail(`duplicate attribute ${raw[k]}`, lt);
        attrs[key] = raw[k + 1]!;
      }
      const el: XmlElement = { ns, local, attrs, children: [], text: '' };
      if (top) top.el.children.push(el);
      else root = el;
      if (text[pos - 2] !== '/') stack.push({ el, qname, scope }); // not `/>`
    }
  }
  if (stack.length) fail(`unclosed <${stack[stack.length - 1]!.qname}>`, text.length);
  if (!root) fail('no root element', 0);
  return root;
}
