/**
 * Every JSON document the suite reads from journey-kpi goes through here: it
 * must match schema/report.schema.json, whose objects forbid undocumented
 * fields, so a field added to the output without the schema fails the test.
 */
import { Ajv } from 'ajv';
import { expect } from 'vitest';
import schema from '../../schema/report.schema.json' with { type: 'json' };

export const validateReport = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

/** `any` by default: each test reads the fields it needs. */
export function parseReportJson<T = any>(text: string): T {
  const document: unknown = JSON.parse(text);
  validateReport(document);
  expect(validateReport.errors ?? []).toEqual([]);
  return document as T;
}
