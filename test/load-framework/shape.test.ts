import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { FIXTURES, problemsOf, where } from './helpers.js';

describe('loadFramework: reading and YAML syntax', () => {
  it('says which path it tried when the file is missing', async () => {
    const problems = await problemsOf('does-not-exist.yaml');
    expect(where(problems)).toEqual(['framework/not-found@undefined:undefined']);
    expect(problems[0]?.message).toContain(resolve(FIXTURES, 'does-not-exist.yaml'));
  });

  it('reports a syntax error at its line and column', async () => {
    // Line 5 `   format: csv` is indented 3, its siblings 4: yaml flags the line's start.
    expect(where(await problemsOf('yaml-syntax.yaml'))).toEqual(['framework/yaml@5:1']);
  });

  it('reports a duplicate key at the second occurrence, by name', async () => {
    const problems = await problemsOf('duplicate-key.yaml');
    expect(where(problems)).toEqual(['framework/duplicate-key@4:3']);
    expect(problems[0]?.message).toMatch(/^duplicate key 'orders'/);
  });

  it('says a second document (---) does not belong in a framework file', async () => {
    const problems = await problemsOf('two-documents.yaml');
    expect(where(problems)).toEqual(['framework/yaml@3:1']);
    expect(problems[0]?.message).toMatch(/^a second YAML document starts here/);
  });
});

describe('loadFramework: schema', () => {
  it('reports every shape problem at its node, in file order, with did-you-mean', async () => {
    const problems = await problemsOf('schema-errors.yaml');
    expect(where(problems)).toEqual([
      'framework/schema@2:1', // journey missing: the root mapping starts at line 2 (line 1 is a comment)
      'framework/schema@3:3', // source name `1st`
      'framework/schema@8:14', // `monney` in the short column form
      'framework/schema@12:5', // a view cannot have `file`: the key itself
      'framework/schema@20:15', // unit `percentage`
      'framework/schema@22:9', // `tagret`
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "the framework is missing the required key 'journey' (Display name of the journey, shown at the top of every report): add it",
      "'1st' is not a valid name in sources: use letters, digits and underscores, not starting with a digit",
      "sources.orders.columns.total is 'monney', which is not one of string, number, integer, money, percent, boolean, datetime, date, duration. Did you mean 'money'?",
      "unknown key 'file' in sources.paid. Allowed keys: from, where.",
      "stages[0].kpis[0].unit is 'percentage', which is not one of count, number, percent, currency, score, seconds. Did you mean 'percent'?",
      "unknown key 'tagret' in stages[0].kpis[0]. Did you mean 'target'?",
    ]);
  });

  it('reports wrong types and an empty file', async () => {
    const problems = await problemsOf('schema-types.yaml');
    expect(where(problems)).toEqual(['framework/schema@2:11', 'framework/schema@5:18', 'framework/schema@7:9']);
    expect(problems.map((p) => p.message)).toEqual([
      'timezone must be text, not number 5: IANA time zone (e.g. Europe/Berlin) for period boundaries and for timestamps written without an offset. Defaults to UTC.',
      'sources.orders.header_rows is 0, below the smallest allowed value, 1: write 1 or more. Header records at the top of the file: the first names the columns, the rest are skipped (Qualtrics exports have 3). Defaults to 1.',
      "stages must be a list, not a mapping: The journey's stages in order, each with the KPIs measured there.",
    ]);
    expect(where(await problemsOf('empty.yaml'))).toEqual(['framework/schema@1:1']);
  });

  it('says an empty mapping, list or text is empty and what to put in it', async () => {
    const problems = await problemsOf('schema-empty.yaml');
    expect(where(problems)).toEqual(['framework/schema@2:10', 'framework/schema@3:9', 'framework/schema@7:11', 'framework/schema@11:36']);
    expect(problems.map((p) => p.message.split('. ')[0])).toEqual([
      'sources is empty: declare at least one',
      'funnel has 1 item, fewer than the 2 it needs',
      'stages[0].kpis is empty: list at least one',
      'stages[1].kpis[0].formula is empty: fill it in',
    ]);
    expect(problems[2]?.message).toBe('stages[0].kpis is empty: list at least one. The KPIs measured at this stage.');
  });
});
