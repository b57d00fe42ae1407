import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/load/framework/index.js';
import { fixture, problemsOf, where } from './helpers.js';

describe('loadFramework: record keys', () => {
  it('refuses an empty key list, once, before the columns are looked at', async () => {
    const problems = await problemsOf('keys.yaml');
    expect(where(problems)).toEqual(['framework/schema@17:10']);
    expect(problems[0]?.message).toMatch(/^sources\.events\.key is empty: list at least one\. Declared column, or list of columns/);
  });

  it('names each undeclared key column, at the key or at its list item', async () => {
    const problems = await problemsOf('keys-undeclared.yaml');
    expect(where(problems)).toEqual(['framework/unknown-column@5:10', 'framework/unknown-column@11:23']);
    expect(problems.map((problem) => problem.message)).toEqual([
      "source 'orders' has no column 'order_nme' for its key. Did you mean 'order_name'? Declare it under columns with its type (string for an id)",
      "source 'lines' has no column 'lne' for its key. Did you mean 'line'? Declare it under columns with its type (string for an id)",
    ]);
  });

  it('normalizes one column and a list to the same shape', async () => {
    const framework = await loadFramework(fixture('keys-valid.yaml'));
    const keys = framework.sources.map((source) => (source.kind === 'file' ? source.key : undefined));
    expect(keys).toEqual([['order_name'], ['order_name', 'line'], undefined]);
  });
});
