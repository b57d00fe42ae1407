/**
 * A JSON Schema check that a run needs from its start, described once so
 * that it can be compiled two ways with the same result: by ajv when its
 * module loads (dist/src, the tests), or ahead of time into the bundle the
 * command line runs (scripts/bundle.ts, ajv's standalone code), where
 * compiling it would otherwise cost a good part of the start-up.
 */
import { Ajv, type AnySchemaObject, type Options, type ValidateFunction } from 'ajv';

export interface CheckSpec {
  readonly options: Options;
  /** The schema, or the id of one ajv holds already (its meta-schema). */
  readonly schema: AnySchemaObject | string;
}

/** The name the ajv instance knows the spec's schema by, once added by prepared(). */
const CHECKED_SCHEMA = 'checked';

/** An ajv instance holding the spec's schema under CHECKED_SCHEMA (or its own id), not compiled yet. */
export function prepared(spec: CheckSpec, options: Options = spec.options): { ajv: Ajv; key: string } {
  const ajv = new Ajv(options);
  if (typeof spec.schema === 'string') return { ajv, key: spec.schema };
  ajv.addSchema(spec.schema, CHECKED_SCHEMA);
  return { ajv, key: CHECKED_SCHEMA };
}

export function compileCheck(spec: CheckSpec): ValidateFunction {
  const { ajv, key } = prepared(spec);
  return ajv.getSchema(key) as ValidateFunction;
}
