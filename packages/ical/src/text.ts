import type { ICalProperty } from './model.js';

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, `;`, `,` and newlines. @public */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\n|\r/g, '\\n');
}

/** Unescapes a TEXT value (RFC 5545 §3.3.11). @public */
export function unescapeText(value: string): string {
  if (value.indexOf('\\') === -1) return value;
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a multi-valued TEXT value (e.g. CATEGORIES) on unescaped commas and unescapes each. @public */
export function splitTextList(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      cur += c + value[++i];
    } else if (c === ',') {
      out.push(unescapeText(cur));
      cur = '';
    } else cur += c;
  }
  out.push(unescapeText(cur));
  return out;
}

/** The unescaped TEXT value of a property, or undefined. @public */
export function readText(prop: ICalProperty | undefined): string | undefined {
  return prop ? unescapeText(prop.value) : undefined;
}
