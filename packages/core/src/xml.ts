/**
 * `@cal/core/xml`: a small hardened, namespace-aware XML parser and builder with no dependency.
 * No DTD and no entities beyond the five predefined ones: XXE and billion-laughs bodies are
 * rejected as `ProtocolError` in one linear scan.
 * @packageDocumentation
 */
export { parseXml } from './xml/parse.js';
export { child, childText, children, descendants } from './xml/query.js';
export { escapeXml, serializeXml, xml } from './xml/build.js';
export type { ParseXmlOptions, SerializeXmlOptions, XmlElement, XmlNode } from './xml/types.js';
