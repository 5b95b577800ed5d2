/**
 * A parsed XML element. Names are resolved: `ns` is the namespace URI ('' when none), `local`
 * the local name, whatever prefix the server used (`D:`, `d:`, default namespace…).
 * @public
 */
export interface XmlElement {
  /** Namespace URI, '' for no namespace. */
  ns: string;
  /** Local name. */
  local: string;
  /** Attributes: `local` for un-namespaced ones, `{uri}local` for namespaced ones. `xmlns` declarations are left out. */
  attrs: Record<string, string>;
  /** Child elements in document order. */
  children: XmlElement[];
  /** Decoded direct text content (text and CDATA of this element only, untrimmed). */
  text: string;
}

/**
 * A node to serialise with {@link serializeXml}; build it with {@link xml}.
 * @public
 */
export interface XmlNode {
  /** Namespace URI, '' for no namespace. */
  ns: string;
  /** Local name. */
  local: string;
  /** Attributes: `local` or `{uri}local` keys. */
  attrs: Record<string, string>;
  /** Child nodes and text (strings are escaped on output). */
  children: (XmlNode | string)[];
}

/** Limits of {@link parseXml}. @public */
export interface ParseXmlOptions {
  /** Deepest allowed element nesting (default 256). */
  maxDepth?: number;
  /** Most elements allowed in one document (default 1,000,000). */
  maxNodes?: number;
}

/** Options of {@link serializeXml}. @public */
export interface SerializeXmlOptions {
  /** Preferred prefix per namespace URI, e.g. `{ 'DAV:': 'd' }`; '' makes it the default namespace. */
  prefixes?: Record<string, string>;
  /** Prepend `<?xml version="1.0" encoding="utf-8"?>` (default true). */
  declaration?: boolean;
}
