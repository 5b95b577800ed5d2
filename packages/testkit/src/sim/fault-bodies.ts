/**
 * Bodies used by the body-altering faults (`malformed`, `content-type`). Each is chosen so that a client
 * that trusts the content-type fails to parse it, the failure mode we want clients to surface as a
 * protocol error rather than crash on.
 */

const encoder = new TextEncoder();

function kindOf(contentType: string): 'json' | 'xml' | 'calendar' | 'html' | 'text' | 'binary' {
  const ct = contentType.toLowerCase();
  if (ct.includes('json')) return 'json';
  if (ct.includes('html')) return 'html';
  if (ct.includes('xml')) return 'xml';
  if (ct.includes('calendar')) return 'calendar';
  if (ct.startsWith('text/')) return 'text';
  return 'binary';
}

/** Garbage that still looks like `contentType` at first glance but does not parse. @internal */
export function malformedBody(contentType: string, original: Uint8Array): Uint8Array {
  const head = new TextDecoder().decode(original.subarray(0, Math.floor(original.length / 2)));
  switch (kindOf(contentType)) {
    case 'json':
      // A NUL is invalid JSON both inside and outside a string literal, so the result never parses.
      return encoder.encode(`${head}\u0000}{][`);
    case 'xml':
      // Undefined entity + unclosed elements: a well-formedness error for any XML parser.
      return encoder.encode(
        '<?xml version="1.0" encoding="utf-8"?>\n<d:multistatus xmlns:d="DAV:"><d:response><d:href>&bogus;</d:multistatus',
      );
    case 'calendar':
      // RFC 5545 §3.4: BEGIN/END must nest; here they do not, and a content line has no ':'.
      return encoder.encode('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID\u0000\r\nEND:VCALENDAR\r\n');
    case 'html':
      return encoder.encode('<html><body><div><<<\u0000');
    case 'text':
      return encoder.encode(`${head}\u0000\ufffd\ufffd`);
    case 'binary':
      return Uint8Array.from([0xff, 0xfe, 0x00, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01]);
  }
}

/** A plausible body for a response that unexpectedly has `contentType` (proxy error page, captive portal). @internal */
export function bodyForContentType(contentType: string, original: Uint8Array): Uint8Array {
  switch (kindOf(contentType)) {
    case 'html':
      return encoder.encode(
        '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>' +
          '<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n',
      );
    case 'json':
      return encoder.encode('{"message":"unexpected response from upstream"}');
    case 'xml':
      return encoder.encode('<?xml version="1.0" encoding="utf-8"?>\n<error>unexpected response from upstream</error>\n');
    case 'text':
    case 'calendar':
      return encoder.encode('unexpected response from upstream\n');
    case 'binary':
      return original;
  }
}
