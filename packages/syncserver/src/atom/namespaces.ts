/** Atom (RFC 4287) namespace. @public */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** ObexCode's namespace for every SyncServer-specific element (reference §1, documented). @public */
export const OC_NS = 'http://schemas.obexcode.com/syncserver/2009';
