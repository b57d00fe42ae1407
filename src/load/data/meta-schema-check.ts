/**
 * JSON Schema's draft-07 meta-schema, which each source's row schema is
 * checked against before it is compiled (row-schema.ts). Compiling the
 * meta-schema costs more than compiling a source's schema, in every thread
 * that reads rows: the bundle holds it precompiled (see compiled-check.ts).
 */
import { compileCheck, type CheckSpec } from '../compiled-check.js';

export const META_SCHEMA_CHECK: CheckSpec = { options: { allErrors: false }, schema: 'http://json-schema.org/draft-07/schema' };

export const validateAgainstMetaSchema = compileCheck(META_SCHEMA_CHECK);
