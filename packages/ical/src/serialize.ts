import type { ICalComponent, ICalProperty } from './model.js';

const SIMPLE_PARAM = /^[A-Za-z0-9_./+@-]*$/;

/** Quotes a parameter value when it holds `:` `;` `,` (RFC 5545 §3.2) and caret-encodes `"` and newlines (RFC 6868). */
function paramValue(v: string): string {
  if (SIMPLE_PARAM.test(v)) return v;
  const enc = v.indexOf('^') === -1 && v.indexOf('"') === -1 && v.indexOf('\n') === -1 ? v : v.replace(/\^/g, '^^').replace(/"/g, "^'").replace(/\r?\n/g, '^n');
  return /[:;,]/.test(enc) ? `"${enc}"` : enc;
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence or a UTF-16
 * surrogate pair.
 */
export function foldLine(line: string): string {
  const len = line.length;
  if (len <= 75 && ASCII.test(line)) return line;
  if (ASCII.test(line)) {
    // ASCII: one char = one octet, so fold by slicing (75, then 74 + the leading space).
    let out = line.slice(0, 75);
    for (let i = 75; i < len; i += 74) out += '\r\n ' + line.slice(i, i + 74);
    return out;
  }
  let out = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + n > limit) {
      out += '\r\n ';
      octets = 0;
      limit = 74; // the leading space counts
    }
    out += ch;
    octets += n;
  }
  return out;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Serialises one property as a content line (not folded). @public */
export function serializeProperty(p: ICalProperty): string {
  let s = p.name;
  for (const k in p.params) s += ';' + k + '=' + paramValue(p.params[k]!);
  return s + ':' + p.value;
}

/**
 * Serialises a component tree to iCalendar text with CRLF line ends and 75-octet folding.
 * @public
 */
export function serializeICalendar(component: ICalComponent): string {
  const out: string[] = [];
  const write = (c: ICalComponent): void => {
    out.push(`BEGIN:${c.name}`);
    for (const p of c.properties) out.push(foldLine(serializeProperty(p)));
    for (const sub of c.components) write(sub);
    out.push(`END:${c.name}`);
  };
  write(component);
  return out.join('\r\n') + '\r\n';
}
