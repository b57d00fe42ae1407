import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../../schema/framework.schema.json' with { type: 'json' };
import { COLUMN_TYPES, UNITS } from '../../src/core/framework.js';

interface Node {
  readonly $ref?: string;
  readonly description?: string;
  readonly properties?: Record<string, Node>;
  readonly definitions?: Record<string, Node>;
}

const definitions = (schema as Node).definitions ?? {};
const resolve = (node: Node): Node => (node.$ref ? (definitions[node.$ref.replace('#/definitions/', '')] ?? node) : node);

describe('schema/framework.schema.json', () => {
  it('lists the same units and column types as the TypeScript types', () => {
    expect(schema.definitions.kpi.properties.unit.enum).toEqual([...UNITS]);
    expect(schema.definitions.columnType.enum).toEqual([...COLUMN_TYPES]);
  });

  it('is a valid JSON Schema: the loader compiles it without that check', () => {
    const ajv = new Ajv();
    expect(ajv.validateSchema(schema), ajv.errorsText()).toBe(true);
  });

  it('describes every property, for editor completion', () => {
    const undescribed: string[] = [];
    const visit = (node: Node, where: string) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (!child.description && !resolve(child).description) undescribed.push(`${where}.${key}`);
      }
    };
    visit(schema as Node, 'root');
    for (const [name, node] of Object.entries(definitions)) visit(node, name);
    expect(undescribed).toEqual([]);
  });
});
