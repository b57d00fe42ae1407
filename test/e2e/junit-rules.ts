/**
 * A JUnit XML checker without network or dependencies: a small well-formedness
 * parser (XML 1.0 characters, balanced tags, quoted attributes, known entity
 * references) and the structure rules of the widely used Jenkins junit-4.xsd
 * (dtkit-junit-model), encoded below: which attributes each element takes,
 * which are required, and which children in which order and how many.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, where: string): string {
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    ENTITY.lastIndex = at;
    if (!ENTITY.test(text)) throw new Error(`${where}: bare & at ${at}`);
  }
  return text.replace(/&(#x?)?(\w+);/g, (_all, hash: string | undefined, body: string) =>
    hash === undefined ? (NAMED[body] ?? '') : String.fromCodePoint(parseInt(body, hash === '#x' ? 16 : 10)),
  );
}

/** Parses a document of elements, attributes and text (no comments, CDATA or DTD: the renderer writes none). */
export function parseXml(xml: string): XmlElement {
  if (NOT_XML_CHAR.test(xml)) throw new Error('a character XML 1.0 forbids');
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!xml.startsWith(declaration)) throw new Error('no XML declaration');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>/y;
  let at = declaration.length;
  while (at < xml.length) {
    const next = xml.indexOf('<', at);
    const text = xml.slice(at, next === -1 ? xml.length : next);
    if (text.includes(']]>')) throw new Error(`']]>' in text at ${at}`);
    const parent = stack.at(-1);
    if (parent) parent.text += decode(text, `text of <${parent.name}>`);
    else if (text.trim() !== '') throw new Error(`text outside the root: ${JSON.stringify(text)}`);
    if (next === -1) break;
    tag.lastIndex = next;
    const match = tag.exec(xml);
    if (!match) throw new Error(`malformed tag at ${next}: ${xml.slice(next, next + 40)}`);
    const [whole, closing, name = '', attributeText = '', selfClosing] = match;
    at = next + whole.length;
    if (closing) {
      if (stack.pop()?.name !== name || attributeText !== '' || selfClosing) throw new Error(`unbalanced </${name}>`);
      continue;
    }
    const element: XmlElement = { name, attributes: attributesOf(attributeText, name), children: [], text: '' };
    if (parent) parent.children.push(element);
    else if (root) throw new Error('a second root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (!root || stack.length > 0) throw new Error('unclosed elements');
  return root;
}

function attributesOf(text: string, element: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, key = '', value = ''] of text.matchAll(/([\w-]+)="([^"]*)"/g)) {
    if (key in attributes) throw new Error(`<${element}> repeats ${key}`);
    attributes[key] = decode(value, `<${element} ${key}>`);
  }
  return attributes;
}

interface Rule {
  readonly required?: readonly string[];
  readonly optional?: readonly string[];
  /** Children in this order, each [name, min, max]; absent: text only. */
  readonly sequence?: readonly (readonly [string, number, number])[];
}

const MANY = Infinity;
const FAULT: Rule = { optional: ['type', 'message'] };
/** Jenkins junit-4.xsd. */
const RULES: Record<string, Rule> = {
  testsuites: { optional: ['name', 'time', 'tests', 'failures', 'disabled', 'errors'], sequence: [['testsuite', 0, MANY]] },
  testsuite: {
    required: ['name', 'tests'],
    optional: ['failures', 'errors', 'time', 'disabled', 'skipped', 'timestamp', 'hostname', 'id', 'package'],
    sequence: [['properties', 0, 1], ['testcase', 0, MANY], ['system-out', 0, 1], ['system-err', 0, 1]],
  },
  properties: { sequence: [['property', 1, MANY]] },
  property: { required: ['name', 'value'], sequence: [] },
  testcase: {
    required: ['name'],
    optional: ['assertions', 'time', 'classname', 'status'],
    sequence: [['skipped', 0, 1], ['error', 0, MANY], ['failure', 0, MANY], ['system-out', 0, MANY], ['system-err', 0, MANY]],
  },
  skipped: {},
  failure: FAULT,
  error: FAULT,
  'system-out': {},
  'system-err': {},
};

/** Every way `element` and its descendants break the schema's rules; empty when it conforms. */
export function junitProblems(element: XmlElement, path = element.name): string[] {
  const rule = RULES[element.name];
  if (!rule) return [`${path}: <${element.name}> is not a JUnit element`];
  const allowed = [...(rule.required ?? []), ...(rule.optional ?? [])];
  const problems = [
    ...(rule.required ?? []).filter((name) => !(name in element.attributes)).map((name) => `${path}: missing ${name}`),
    ...Object.keys(element.attributes).filter((name) => !allowed.includes(name)).map((name) => `${path}: attribute ${name} not allowed`),
  ];
  if (rule.sequence === undefined) {
    if (element.children.length > 0) problems.push(`${path}: holds elements, may hold only text`);
    return problems;
  }
  if (element.text.trim() !== '') problems.push(`${path}: holds text, may hold only elements`);
  let index = 0;
  for (const [name, min, max] of rule.sequence) {
    let count = 0;
    while (element.children[index]?.name === name && count < max) {
      index += 1;
      count += 1;
    }
    if (count < min) problems.push(`${path}: needs at least ${min} <${name}>`);
  }
  if (index < element.children.length) problems.push(`${path}: <${element.children[index]?.name}> out of order or not allowed`);
  return [...problems, ...element.children.flatMap((child, i) => junitProblems(child, `${path}/${child.name}[${i}]`))];
}
