/**
 * Where things are in the framework file: every later diagnostic points at
 * the YAML node it is about, as file:line:col (1-based).
 */
import { isMap, isNode, isScalar, Scalar, type Document, type LineCounter, type Node } from 'yaml';
import type { SourceLocation } from '../../core/diagnostics.js';

/** Keys and sequence indexes from the document root, as in `doc.getIn`. */
export type YamlPath = readonly (string | number)[];

export interface Locator {
  readonly file: string;
  /** A character offset into the file's text. */
  atOffset(offset: number): SourceLocation;
  /** Start of the node at `path`, or of its nearest existing ancestor. */
  at(path: YamlPath): SourceLocation;
  /** Start of the key `key` in the map at `path`. */
  keyAt(path: YamlPath, key: string): SourceLocation;
  /** A character of a scalar's value, so a caret can point inside a formula. */
  inScalar(path: YamlPath, offset: number): SourceLocation;
}

export function createLocator(file: string, doc: Document, text: string, lines: LineCounter): Locator {
  const position = (offset: number): SourceLocation => {
    const { line, col } = lines.linePos(offset);
    return { file, line: Math.max(line, 1), column: col };
  };
  const nodeAt = (path: YamlPath): Node | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node)) return node;
    }
    return undefined;
  };
  const at = (path: YamlPath): SourceLocation => {
    const range = nodeAt(path)?.range;
    return range ? position(range[0]) : { file, line: 1, column: 1 };
  };
  return {
    file,
    atOffset: position,
    at,
    keyAt(path, key) {
      const map = nodeAt(path);
      const pair = isMap(map) ? map.items.find((item) => isScalar(item.key) && String(item.key.value) === key) : undefined;
      const range = isNode(pair?.key) ? pair.key.range : undefined;
      return range ? position(range[0]) : at(path);
    },
    inScalar(path, offset) {
      const node = nodeAt(path);
      const start = isScalar(node) ? valueStart(node, text) : undefined;
      return start === undefined ? at(path) : position(start + offset);
    },
  };
}

/**
 * Offset where a scalar's value begins in the text, when the value is written
 * verbatim there (plain or quoted on one line, no escapes). Folded, block and
 * escaped scalars return undefined: offsets inside them do not map to the text.
 */
function valueStart(node: Scalar, text: string): number | undefined {
  if (!node.range) return undefined;
  const [start, end] = node.range;
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const written = quoted ? text.slice(start + 1, end - 1) : text.slice(start, end);
  return written === String(node.value) ? start + (quoted ? 1 : 0) : undefined;
}
