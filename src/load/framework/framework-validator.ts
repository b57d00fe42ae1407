/** The check of a framework's shape against schema/framework.schema.json (see compiled-check.ts: precompiled in the bundle). */
import schema from 'journey-kpi/schema/framework.json' with { type: 'json' };
import { compileCheck, type CheckSpec } from '../compiled-check.js';

export const FRAMEWORK_CHECK: CheckSpec = {
  // verbose: errors carry their schema, whose keys and descriptions the messages quote.
  // strictTypes: a schema slip throws when this check is compiled instead of logging to the console.
  // The code checks one document per run: no pass that optimizes it, and no check of this fixed schema against
  // the meta-schema (test/load-framework/schema-sync.test.ts checks it instead).
  // inlineRefs stays: a $ref compiled apart loses propertyName on its errors, which schema.ts reads.
  options: { allErrors: true, strictTypes: true, allowUnionTypes: true, verbose: true, code: { optimize: false }, validateSchema: false },
  schema,
};

export const validateFramework = compileCheck(FRAMEWORK_CHECK);
