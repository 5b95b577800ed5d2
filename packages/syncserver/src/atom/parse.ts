import { parseXml, type XmlElement } from '@cal/core/xml';
import { protocolError } from '../errors.js';
import { ATOM_NS, OC_NS } from './namespaces.js';
import { parseServerDate } from './dates.js';

/** One Atom entry reduced to what the resources read. @public */
export interface AtomEntry {
  /** Resource id: last path segment of the self link (a UUID or binding number), else `atom:id`. */
  readonly id: string;
  /** Raw `atom:id` (`urn:uuid:…` for datastores, the entry URL elsewhere). */
  readonly atomId: string;
  /** `link` hrefs by `rel`. */
  readonly links: Readonly<Record<string, string>>;
  /** `atom:title`. */
  readonly title: string;
  /** `atom:published`. */
  readonly published: Date | undefined;
  /** `atom:updated`. */
  readonly updated: Date | undefined;
  /** Text of `atom:content` when inline. */
  readonly content: string | undefined;
  /** Text of every ObexCode field, whether directly in the entry (`oc:` prefix style) or inside `<client xmlns=oc>`. */
  readonly fields: Readonly<Record<string, string>>;
  /** ObexCode elements, for repeated and structured fields. */
  readonly elements: readonly XmlElement[];
}

function parse(text: string): XmlElement {
  try {
    return parseXml(text, { maxDepth: 64, maxNodes: 200_000 });
  } catch (cause) {
    throw protocolError('Malformed or hostile XML from SyncServer', cause);
  }
}

function textOf(el: XmlElement, local: string): string | undefined {
  return el.children.find((c) => c.ns === ATOM_NS && c.local === local)?.text.trim();
}

/** Reads one `atom:entry` element. @internal */
export function readEntry(el: XmlElement): AtomEntry {
  const links: Record<string, string> = {};
  const elements: XmlElement[] = [];
  const fields: Record<string, string> = {};
  for (const c of el.children) {
    if (c.ns === ATOM_NS && c.local === 'link' && c.attrs['href']) links[c.attrs['rel'] ?? 'alternate'] ??= c.attrs['href'];
    if (c.ns !== OC_NS) continue;
    // ActiveSync wraps its fields in `<client xmlns=oc>` (reference §4.2); flatten one level.
    for (const f of c.local === 'client' ? c.children.filter((x) => x.ns === OC_NS) : [c]) {
      elements.push(f);
      fields[f.local] ??= f.text.trim();
    }
  }
  const atomId = textOf(el, 'id') ?? '';
  const self = (links['self'] ?? '').replace(/\/(edit\/?)?$/, '');
  const id = self ? decodeURIComponent(self.slice(self.lastIndexOf('/') + 1)) : atomId.replace(/^urn:uuid:/, '');
  if (!id) throw protocolError('Atom entry without id or self link');
  return {
    id,
    atomId,
    links,
    title: textOf(el, 'title') ?? '',
    published: parseServerDate(textOf(el, 'published')),
    updated: parseServerDate(textOf(el, 'updated')),
    content: textOf(el, 'content'),
    fields,
    elements,
  };
}

/** Parses an Atom feed document into its entries (an entry document counts as a one-entry feed); hostile or broken XML → `ProtocolError`. @public */
export function parseFeed(text: string): AtomEntry[] {
  const root = parse(text);
  if (root.ns === ATOM_NS && root.local === 'entry') return [readEntry(root)];
  if (root.ns !== ATOM_NS || root.local !== 'feed') throw protocolError(`Expected an Atom feed, got <${root.local}>`);
  return root.children.filter((c) => c.ns === ATOM_NS && c.local === 'entry').map(readEntry);
}

/** Parses an Atom entry document; hostile or broken XML → `ProtocolError`. @public */
export function parseEntry(text: string): AtomEntry {
  const root = parse(text);
  if (root.ns !== ATOM_NS || root.local !== 'entry') throw protocolError(`Expected an Atom entry, got <${root.local}>`);
  return readEntry(root);
}
