/** Just enough XML for the JUnit report: escaped text, attributes, and elements. */
import { codePoint } from './text.js';

/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF and CR; lone
 * surrogates; U+FFFE and U+FFFF) are shown as `\uXXXX` text, as everywhere.
 */
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Text content: line breaks stay as they are. */
export function xmlText(text: string): string {
  return text.replace(NOT_IN_XML, codePoint).replace(/[&<>]/g, (char) => ENTITIES[char] ?? char);
}

/** An attribute value: tabs and line breaks as character references, which parsers keep (they turn literal ones into spaces). */
function xmlAttribute(text: string): string {
  return text.replace(NOT_IN_XML, codePoint).replace(/[&<>"\t\n\r]/g, (char) => ENTITIES[char] ?? char);
}

export type Attributes = readonly (readonly [string, string | number])[];

export function openTag(name: string, attributes: Attributes, selfClosing = false): string {
  const written = attributes.map(([key, value]) => ` ${key}="${xmlAttribute(String(value))}"`).join('');
  return `<${name}${written}${selfClosing ? '/>' : '>'}`;
}

/** An element holding only text. */
export function textElement(name: string, attributes: Attributes, text: string): string {
  return `${openTag(name, attributes)}${xmlText(text)}</${name}>`;
}
