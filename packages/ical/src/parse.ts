import { invalid } from './errors.js';
import type { ICalComponent, ICalProperty } from './model.js';

const NAME_RE = /^[A-Za-z0-9-]+$/;

/**
 * Splits one unfolded content line into name, params and value (RFC 5545 §3.1): params may be
 * quoted (`CN="Doe, Jane"`), and a quoted value may contain `:` `;` `,`.
 */
function parseLine(line: string, lineNo: number): ICalProperty {
  const len = line.length;
  let i = 0;
  while (i < len) {
    const c = line.charCodeAt(i);
    if (c === 58 /* : */ || c === 59 /* ; */) break;
    i++;
  }
  if (i === len) throw invalid(`line ${lineNo} has no ":"`, `line ${lineNo}`);
  const name = line.slice(0, i);
  if (!NAME_RE.test(name)) throw invalid(`line ${lineNo} has a bad property name`, `line ${lineNo}`);
  const params: Record<string, string> = {};
  while (line.charCodeAt(i) === 59 /* ; */) {
    const eq = line.indexOf('=', i + 1);
    if (eq === -1) throw invalid(`line ${lineNo} has a parameter without "="`, `line ${lineNo}`);
    const pname = line.slice(i + 1, eq);
    if (!NAME_RE.test(pname)) throw invalid(`line ${lineNo} has a bad parameter name`, `line ${lineNo}`);
    i = eq + 1;
    const values: string[] = [];
    for (;;) {
      if (line.charCodeAt(i) === 34 /* " */) {
        const close = line.indexOf('"', i + 1);
        if (close === -1) throw invalid(`line ${lineNo} has an unterminated quoted parameter`, `line ${lineNo}`);
        values.push(line.slice(i + 1, close));
        i = close + 1;
      } else {
        let j = i;
        while (j < len) {
          const c = line.charCodeAt(j);
          if (c === 58 || c === 59 || c === 44 /* , */) break;
          if (c === 34) throw invalid(`line ${lineNo} has a stray quote in a parameter`, `line ${lineNo}`);
          j++;
        }
        values.push(line.slice(i, j));
        i = j;
      }
      if (line.charCodeAt(i) === 44) {
        i++;
        continue;
      }
      break;
    }
    // RFC 6868 caret encoding (^n ^' ^^) is decoded for parameter values.
    const joined = values.join(',');
    params[pname.toUpperCase()] = joined.indexOf('^') === -1 ? joined : joined.replace(/\^(n|N|'|\^)/g, (_, c: string) => (c === "'" ? '"' : c === '^' ? '^' : '\n'));
  }
  if (line.charCodeAt(i) !== 58) throw invalid(`line ${lineNo} has a malformed parameter list`, `line ${lineNo}`);
  return { name: name.toUpperCase(), params, value: line.slice(i + 1) };
}

/**
 * Parses every top-level component of an iCalendar stream (usually one VCALENDAR).
 * Throws `ValidationError` for malformed input (unbalanced BEGIN/END, a line without ":", bad
 * names, content outside a component).
 * @public
 */
export function parseICalendarComponents(text: string): ICalComponent[] {
  if (typeof text !== 'string') throw invalid('input is not a string');
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Lines end in CRLF (RFC 5545 §3.1) but LF-only and CR-only input is common; normalise cheaply.
  const rawLines = src.indexOf('\r') === -1 ? src.split('\n') : src.split(/\r\n|\n|\r/);
  const out: ICalComponent[] = [];
  const stack: ICalComponent[] = [];
  let cur = '';
  let curNo = 0;
  const flush = (): void => {
    if (!cur) return;
    const line = cur;
    cur = '';
    // BEGIN/END are by far the most common structural lines: test them before a full parse.
    const c0 = line.charCodeAt(0) | 0x20;
    if ((c0 === 98 /* b */ || c0 === 101) /* e */ && line.length < 80) {
      const upper = line.toUpperCase();
      if (upper.startsWith('BEGIN:')) {
        const name = upper.slice(6).trim();
        if (!NAME_RE.test(name)) throw invalid(`line ${curNo} has a bad component name`, `line ${curNo}`);
        const comp: ICalComponent = { name, properties: [], components: [] };
        const parent = stack[stack.length - 1];
        if (parent) parent.components.push(comp);
        else out.push(comp);
        stack.push(comp);
        return;
      }
      if (upper.startsWith('END:')) {
        const name = upper.slice(4).trim();
        const top = stack.pop();
        if (!top || top.name !== name)
          throw invalid(`line ${curNo}: END:${name} does not match ${top ? `BEGIN:${top.name}` : 'any BEGIN'}`, `line ${curNo}`);
        return;
      }
    }
    const top = stack[stack.length - 1];
    if (!top) throw invalid(`line ${curNo} is outside any component`, `line ${curNo}`);
    top.properties.push(parseLine(line, curNo));
  };
  for (let n = 0; n < rawLines.length; n++) {
    const l = rawLines[n]!;
    const c = l.charCodeAt(0);
    if (c === 32 || c === 9) {
      // Folded continuation (RFC 5545 §3.1): drop the CRLF and exactly one whitespace char.
      if (!cur) throw invalid(`line ${n + 1} is a continuation without a preceding line`, `line ${n + 1}`);
      cur += l.slice(1);
      continue;
    }
    flush();
    cur = l;
    curNo = n + 1;
  }
  flush();
  if (stack.length) throw invalid(`BEGIN:${stack[stack.length - 1]!.name} is never closed`);
  if (!out.length) throw invalid('no component found');
  return out;
}

/**
 * Parses iCalendar text (RFC 5545) into a component tree. The text must hold exactly one
 * `VCALENDAR`. Throws `ValidationError` (from `@cal/core`) for invalid input.
 * @example
 * ```ts
 * const cal = parseICalendar(text);
 * const ev = cal.components.find((c) => c.name === 'VEVENT');
 * ```
 * @public
 */
export function parseICalendar(text: string): ICalComponent {
  const all = parseICalendarComponents(text);
  if (all.length !== 1 || all[0]!.name !== 'VCALENDAR') throw invalid('expected exactly one VCALENDAR');
  return all[0]!;
}
