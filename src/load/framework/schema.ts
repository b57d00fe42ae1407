/**
 * The framework's shape, checked against the JSON Schema that editors also
 * use, with each ajv error turned into a message located at its YAML node.
 */
import type { ErrorObject } from 'ajv';
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { didYouMean } from '../../core/suggest.js';
import { validateFramework as validate } from './framework-validator.js';
import type { Locator, YamlPath } from './locator.js';

interface SchemaNode {
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
}

/** JSON Schema's type names in the words of YAML. */
const YAML_TYPES: Readonly<Record<string, string>> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
};

export function schemaProblems(data: unknown, locator: Locator): Diagnostic[] {
  if (validate(data)) return [];
  return (validate.errors ?? [])
    // `if` only repeats its branch's errors; a failing property name is reported once, by propertyNames.
    .filter((problem) => problem.keyword !== 'if' && problem.propertyName === undefined)
    .map((problem) => describe(problem, locator));
}

function describe(problem: ErrorObject, locator: Locator): Diagnostic {
  const path = pathOf(problem.instancePath);
  const label = labelOf(path);
  const parent = problem.parentSchema as SchemaNode | undefined;
  const params = problem.params as Record<string, unknown>;
  const at = (message: string, location = locator.at(path)) => error('framework/schema', message, location);
  switch (problem.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(parent?.properties ?? {});
      const hint = didYouMean(key, allowed) || ` Allowed keys: ${allowed.join(', ')}.`;
      return at(`unknown key '${key}' in ${label}.${hint}`, locator.keyAt(path, key));
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      return at(`'${name}' is not a valid name in ${label}: use letters, digits and underscores, not starting with a digit`, locator.keyAt(path, name));
    }
    case 'required': {
      const key = String(params.missingProperty);
      const about = parent?.properties?.[key]?.description;
      return at(`${label} is missing the required key '${key}'${about ? ` (${about.replace(/\.$/, '')})` : ''}: add it`);
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const value = String(problem.data);
      return at(`${label} is '${value}', which is not one of ${allowed.join(', ')}.${didYouMean(value, allowed)}`);
    }
    case 'type': {
      const wanted = String(params.type).split(',').map((type) => YAML_TYPES[type] ?? type);
      return at(`${label} must be ${wanted.join(' or ')}, not ${kindOf(problem.data)}${parent?.description ? `: ${parent.description}` : ''}`);
    }
    case 'minProperties':
    case 'minItems':
    case 'minLength':
      return at(`${tooFew(label, problem.keyword, Number(params.limit), problem.data)}${parent?.description ? `. ${parent.description}` : ''}`);
    case 'minimum':
      return at(`${label} is ${String(problem.data)}, below the smallest allowed value, ${String(params.limit)}: write ${String(params.limit)} or more${parent?.description ? `. ${parent.description}` : ''}`);
    case 'uniqueItems':
      return at(`${label} lists ${JSON.stringify((problem.data as unknown[])[Number(params.j)])} twice: remove the repeat`);
    case 'pattern':
      return at(`${label} '${String(problem.data)}' is not valid: ${parent?.description ?? `it must match ${String(params.pattern)}`}`);
    default:
      return at(`${label} ${problem.message ?? 'is invalid'}: ${parent?.description ?? 'see the schema'}`);
  }
}

/** Per keyword: how to fix an empty value, and what it counts. */
const PARTS = {
  minProperties: ['declare at least one', 'entry', 'entries'],
  minItems: ['list at least one', 'item', 'items'],
  minLength: ['fill it in', 'character', 'characters'],
} as const;

/** `sources is empty: declare at least one`, `… has 1 item: list at least 2`. */
function tooFew(label: string, keyword: keyof typeof PARTS, limit: number, data: unknown): string {
  const [fix, one, many] = PARTS[keyword];
  const size = typeof data === 'string' || Array.isArray(data) ? data.length : Object.keys(data ?? {}).length;
  if (size === 0 && limit === 1) return `${label} is empty: ${fix}`;
  return `${label} has ${size} ${size === 1 ? one : many}, fewer than the ${limit} it needs`;
}

/** `/stages/0/kpis/1` -> ['stages', 0, 'kpis', 1], decoding JSON Pointer escapes. */
function pathOf(pointer: string): YamlPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** ['stages', 0, 'kpis', 1, 'unit'] -> `stages[0].kpis[1].unit`. */
function labelOf(path: YamlPath): string {
  if (path.length === 0) return 'the framework';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value === 'string' ? `the text ${JSON.stringify(value)}` : `${typeof value} ${JSON.stringify(value)}`;
}
