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

/** Parses a body whose root must be an Atom `kind` (or an entry: a feed of one); anything else → `ProtocolError`. */
function parse(text: string, kind: 'feed' | 'entry'): XmlElement {
  let root: XmlElement;
  try {
    root = parseXml(text, { maxDepth: 64, maxNodes: 200_000 });
  } catch (cause) {
    throw protocolError('Malformed or hostile XML from SyncServer', cause);
  }
  if (root.ns !== ATOM_NS || (root.local !== kind && root.local !== 'entry')) throw protocolError(`Expected an Atom ${kind}, got <${root.local}>`);
  return root;
}

/**
 * Reads one `atom:entry` element in a single pass over its children (a feed of 5,000 entries
 * means 5,000 calls; a lookup per Atom field scanned the children six times). The first
 * occurrence of each element wins, as with a lookup.
 * @internal
 */
export function readEntry(el: XmlElement): AtomEntry {
  const links: Record<string, string> = {};
  const elements: XmlElement[] = [];
  const fields: Record<string, string> = {};
  /** Trimmed text of the first Atom child by local name (`id`, `title`, `published`…). */
  const atom: Record<string, string> = {};
  for (const c of el.children) {
    if (c.ns === ATOM_NS) {
      if (c.local !== 'link') atom[c.local] ??= c.text.trim();
      else if (c.attrs['href']) links[c.attrs['rel'] ?? 'alternate'] ??= c.attrs['href'];
    } else if (c.ns === OC_NS) {
      // ActiveSync wraps its fields in `<client xmlns=oc>` (reference §4.2); flatten one level.
      for (const f of c.local === 'client' ? c.children : [c]) {
        if (f.ns !== OC_NS) continue;
        elements.push(f);
        fields[f.local] ??= f.text.trim();
      }
    }
  }
  const atomId = atom['id'] ?? '';
  const self = (links['self'] ?? '').replace(/\/(edit\/?)?$/, '');
  const id = self ? decodeURIComponent(self.slice(self.lastIndexOf('/') + 1)) : atomId.replace(/^urn:uuid:/, '');
  if (!id) throw protocolError('Atom entry without id or self link');
  return {
    id,
    atomId,
    links,
    title: atom['title'] ?? '',
    published: parseServerDate(atom['published']),
    updated: parseServerDate(atom['updated']),
    content: atom['content'],
    fields,
    elements,
  };
}

/** Parses an Atom feed document into its entries (an entry document counts as a one-entry feed); hostile or broken XML → `ProtocolError`. @public */
export function parseFeed(text: string): AtomEntry[] {
  const root = parse(text, 'feed');
  return root.local === 'entry' ? [readEntry(root)] : root.children.filter((c) => c.ns === ATOM_NS && c.local === 'entry').map(readEntry);
}

/** Parses an Atom entry document; hostile or broken XML → `ProtocolError`. @public */
export function parseEntry(text: string): AtomEntry {
  return readEntry(parse(text, 'entry'));
}
