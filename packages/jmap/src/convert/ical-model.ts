import { ValidationError } from '@cal/core';

/**
 * A minimal RFC 5545 content-line model used by the JSCalendar converter: components, properties,
 * parameters, raw (still escaped) values. Kept inside @cal/jmap until `@cal/ical` publishes its model.
 * @packageDocumentation
 */

/** One property (content line, RFC 5545 §3.1). `value` is the raw text (TEXT escapes not yet undone). @internal */
export interface ICalProperty {
  name: string;
  params: Record<string, string[]>;
  value: string;
}

/** One component (`BEGIN:X` … `END:X`). @internal */
export interface ICalComponent {
  name: string;
  properties: ICalProperty[];
  components: ICalComponent[];
}

function fail(description: string): never {
  throw new ValidationError(`Invalid iCalendar data: ${description}`, {
    provider: 'jmap',
    details: [{ field: 'ical', key: 'invalid', description }],
  });
}

/** Splits one unfolded content line into name, parameters and value (RFC 5545 §3.1, §3.2 quoting). */
function parseLine(line: string): ICalProperty {
  let i = 0;
  const nameEnd = line.search(/[;:]/);
  if (nameEnd <= 0) fail(`malformed content line "${line.slice(0, 40)}"`);
  const name = line.slice(0, nameEnd).toUpperCase();
  i = nameEnd;
  const params: Record<string, string[]> = {};
  while (line[i] === ';') {
    const eq = line.indexOf('=', i);
    if (eq < 0) fail(`parameter without value in ${name}`);
    const pname = line.slice(i + 1, eq).toUpperCase();
    i = eq + 1;
    const values: string[] = [];
    for (;;) {
      if (line[i] === '"') {
        const close = line.indexOf('"', i + 1);
        if (close < 0) fail(`unterminated quoted parameter in ${name}`);
        values.push(line.slice(i + 1, close));
        i = close + 1;
      } else {
        let j = i;
        while (j < line.length && line[j] !== ',' && line[j] !== ';' && line[j] !== ':') j++;
        values.push(line.slice(i, j));
        i = j;
      }
      if (line[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    params[pname] = values;
  }
  if (line[i] !== ':') fail(`missing ":" in ${name}`);
  return { name, params, value: line.slice(i + 1) };
}

/** Parses VCALENDAR text into its component tree. Throws ValidationError on malformed input. @internal */
export function parseICal(text: string): ICalComponent {
  if (typeof text !== 'string' || !/BEGIN:VCALENDAR/i.test(text)) fail('expected a VCALENDAR');
  const lines = text.replace(/\r\n|\r/g, '\n').replace(/\n[ \t]/g, '').split('\n').filter((l) => l.trim() !== '');
  const stack: ICalComponent[] = [];
  let root: ICalComponent | undefined;
  for (const line of lines) {
    const prop = parseLine(line);
    if (prop.name === 'BEGIN') {
      const comp: ICalComponent = { name: prop.value.toUpperCase(), properties: [], components: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.components.push(comp);
      else if (root) fail('content after END:VCALENDAR');
      else root = comp;
      stack.push(comp);
    } else if (prop.name === 'END') {
      const top = stack.pop();
      if (!top || top.name !== prop.value.toUpperCase()) fail(`unbalanced END:${prop.value}`);
    } else {
      const top = stack[stack.length - 1];
      if (!top) fail(`property ${prop.name} outside a component`);
      top.properties.push(prop);
    }
  }
  if (!root || stack.length > 0) fail('unterminated component');
  return root;
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets without splitting a UTF-8 sequence (RFC 5545 §3.1). */
function fold(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (bytes + n > (out.length === 0 ? 75 : 74)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

function paramValue(v: string): string {
  return /[;:,]/.test(v) ? `"${v.replace(/"/g, '')}"` : v;
}

/** Serialises a component tree to CRLF-terminated, folded text. @internal */
export function serializeICal(comp: ICalComponent): string {
  const lines: string[] = [];
  const walk = (c: ICalComponent): void => {
    lines.push(`BEGIN:${c.name}`);
    for (const p of c.properties) {
      const params = Object.entries(p.params).map(([k, vs]) => `;${k}=${vs.map(paramValue).join(',')}`).join('');
      lines.push(fold(`${p.name}${params}:${p.value}`));
    }
    c.components.forEach(walk);
    lines.push(`END:${c.name}`);
  };
  walk(comp);
  return lines.join('\r\n') + '\r\n';
}

/** Undoes TEXT escaping (RFC 5545 §3.3.11). @internal */
export function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Applies TEXT escaping. @internal */
export function escapeText(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** First property of a name. @internal */
export function prop(c: ICalComponent, name: string): ICalProperty | undefined {
  return c.properties.find((p) => p.name === name);
}

/** First parameter value. @internal */
export function param(p: ICalProperty, name: string): string | undefined {
  return p.params[name]?.[0];
}
