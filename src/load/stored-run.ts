/**
 * Reads a stored run: any `report --format json` document (`--save-baseline`
 * writes one), of this schema version or an earlier one. Only the fields the
 * baselines need are checked, so a report with fields added since still reads.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { error, UserError } from '../core/diagnostics.js';
import { UNITS } from '../core/framework.js';
import { SCHEMA_VERSION } from '../core/report.js';
import type { StoredKpi, StoredRun } from '../core/stored-run.js';

const HOW_TO_WRITE = 'journey-kpi report --save-baseline FILE (or report --format json --output FILE) writes one';

const STORED_REPORT = {
  type: 'object',
  required: ['schema_version', 'journey', 'framework', 'period', 'stages'],
  properties: {
    schema_version: { type: 'integer', minimum: 1 },
    journey: { type: 'string' },
    framework: { type: 'string' },
    period: { type: 'object', required: ['label'], properties: { label: { type: 'string' } } },
    stages: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kpis'],
        properties: {
          kpis: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'unit', 'value'],
              properties: { id: { type: 'string' }, unit: { enum: [...UNITS] }, value: { type: ['number', 'null'] } },
            },
          },
        },
      },
    },
  },
} as const;

interface StoredReport {
  readonly schema_version: number;
  readonly journey: string;
  readonly framework: string;
  readonly period: { readonly label: string };
  readonly stages: readonly { readonly kpis: readonly ({ readonly id: string } & StoredKpi)[] }[];
}

const validate = new Ajv({ allowUnionTypes: true }).compile<StoredReport>(STORED_REPORT);

export async function readStoredRun(file: string, cwd: string): Promise<StoredRun> {
  const document = parseJson(await readText(file, cwd), file);
  if (!validate(document)) {
    const [first] = validate.errors ?? [];
    throw notAReport(file, `${first?.instancePath || 'the document'} ${first?.message ?? 'is not a report'}`);
  }
  if (document.schema_version > SCHEMA_VERSION) {
    throw new UserError(
      error('baseline/newer-version', `--baseline ${file} was written by a newer journey-kpi (schema_version ${document.schema_version}; this one reads up to ${SCHEMA_VERSION}): upgrade journey-kpi, or store the baseline again with this version`),
    );
  }
  const kpis = document.stages.flatMap((stage) => stage.kpis);
  return {
    file,
    journey: document.journey,
    framework: document.framework,
    period: document.period.label,
    kpis: new Map(kpis.map((kpi) => [kpi.id, { value: kpi.value, unit: kpi.unit }])),
  };
}

async function readText(file: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
    const what = code === 'ENOENT' ? 'not found' : `unreadable (${code})`;
    throw new UserError(error('baseline/not-found', `--baseline ${file}: ${what}, tried ${resolve(cwd, file)}. ${HOW_TO_WRITE}`, { file }));
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw notAReport(file, `it is not JSON: ${(cause as Error).message}`);
  }
}

function notAReport(file: string, detail: string): UserError {
  return new UserError(error('baseline/not-a-report', `--baseline ${file} is not a journey-kpi report (${detail}): ${HOW_TO_WRITE}`, { file }));
}
