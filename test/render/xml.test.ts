import { describe, expect, it } from 'vitest';
import { openTag, xmlText } from '../../src/render/xml.js';

describe('XML escaping', () => {
  it('shows what XML 1.0 forbids as \\uXXXX text: C0 controls, lone surrogates, U+FFFE, U+FFFF', () => {
    expect(xmlText('a\u0000b\u001fc\ud800d\udfffe\ufffef\uffff')).toBe('a\\u0000b\\u001fc\\ud800d\\udfffe\\ufffef\\uffff');
  });

  it('keeps tabs, line breaks and characters beyond the BMP in text', () => {
    expect(xmlText('a\tb\nc\r😀 & <x>')).toBe('a\tb\nc\r😀 &amp; &lt;x&gt;');
  });

  it('writes tabs and line breaks in attributes as references, which parsers keep', () => {
    expect(openTag('failure', [['message', 'a "b"\tc\nd\re & <f>']], true)).toBe('<failure message="a &quot;b&quot;&#9;c&#10;d&#13;e &amp; &lt;f&gt;"/>');
  });
});
