import type { ICalComponent, ICalProperty } from './model.js';

const encoder = /* @__PURE__ */ new TextEncoder();

/** Quotes a parameter value when it holds `:` `;` `,` (RFC 5545 §3.2) and caret-encodes `"` and newlines (RFC 6868). */
function paramValue(v: string): string {
  const enc = v.indexOf('^') === -1 && v.indexOf('"') === -1 && v.indexOf('\n') === -1 ? v : v.replace(/\^/g, '^^').replace(/"/g, "^'").replace(/\r?\n/g, '^n');
  return /[:;,]/.test(enc) ? `"${enc}"` : enc;
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence or a UTF-16
 * surrogate pair.
 */
export function foldLine(line: string): string {
  // Fast path: pure ASCII lines up to 75 chars.
  if (line.length <= 75 && !/[^\x00-\x7f]/.test(line)) return line;
  let out = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = ch.length === 1 && ch.charCodeAt(0) < 0x80 ? 1 : encoder.encode(ch).length;
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

/** Serialises one property as a content line (not folded). @public */
export function serializeProperty(p: ICalProperty): string {
  let s = p.name;
  for (const k in p.params) s += `;${k}=${paramValue(p.params[k]!)}`;
  return `${s}:${p.value}`;
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
