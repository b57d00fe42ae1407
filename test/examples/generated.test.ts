/**
 * The promises about every journey kind's example: its data is exactly what
 * the generator writes with the default seed, its framework declares the
 * same sources, stages and KPIs as the template, and every kind has a
 * template, an example and a generator.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_OPTIONS } from '../../scripts/generate/examples.js';
import { DEFAULT_SEED, KIND_NAMES, KINDS } from '../../scripts/generate/kinds.js';

const REPO = join(import.meta.dirname, '../..');

interface FrameworkShape {
  sources: Record<string, { columns?: Record<string, unknown>; file?: string; from?: string; where?: string }>;
  stages: { id: string; kpis: { id: string; formula: string; unit: string; direction?: string }[] }[];
}

function shape(path: string) {
  const framework = parse(readFileSync(path, 'utf8')) as FrameworkShape;
  return {
    sources: Object.entries(framework.sources).map(([name, source]) => [name, source.file, source.from, source.where, source.columns]),
    kpis: framework.stages.flatMap((stage) => stage.kpis.map((kpi) => [stage.id, kpi.id, kpi.formula, kpi.unit, kpi.direction])),
  };
}

describe('the journey kinds', () => {
  it('each has a template in frameworks/ and an example in examples/, and nothing else is there', () => {
    const templates = readdirSync(join(REPO, 'frameworks')).map((file) => file.replace(/\.yaml$/, ''));
    expect(templates.sort()).toEqual([...KIND_NAMES].sort());
    expect(readdirSync(join(REPO, 'examples')).sort()).toEqual([...KIND_NAMES].sort());
  });
});

describe.each(KIND_NAMES)('examples/%s', (kind) => {
  const out = mkdtempSync(join(tmpdir(), `journey-kpi-${kind}-`));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('holds exactly what the generator writes with its default seed', async () => {
    await KINDS[kind].write(out, DEFAULT_SEED, DEFAULT_OPTIONS);
    const data = join(REPO, 'examples', kind, 'data');
    expect(readdirSync(data).sort()).toEqual([...KINDS[kind].files].sort());
    for (const file of KINDS[kind].files) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(data, file))), file).toBe(true);
    }
  });

  it('declares the same sources, columns, stages and KPIs as the template', () => {
    expect(shape(join(REPO, 'examples', kind, 'journey.yaml'))).toEqual(shape(join(REPO, 'frameworks', `${kind}.yaml`)));
  });
});
