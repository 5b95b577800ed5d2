import type { XmlElement } from './types.js';

/** First child element named `{ns}local`, or undefined. @public */
export function child(el: XmlElement | undefined, ns: string, local: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.local === local && c.ns === ns) return c;
  return undefined;
}

/** All child elements named `{ns}local`. @public */
export function children(el: XmlElement | undefined, ns: string, local: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c) => c.local === local && c.ns === ns);
}

/** Trimmed text of the first child `{ns}local`, or undefined when there is no such child. @public */
export function childText(el: XmlElement | undefined, ns: string, local: string): string | undefined {
  return child(el, ns, local)?.text.trim();
}

/** Every descendant element named `{ns}local`, depth-first in document order. @public */
export function descendants(el: XmlElement | undefined, ns: string, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  if (!el) return out;
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.local === local && c.ns === ns) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}
