import { describe, expect, it } from 'vitest';
import { hasNestedQuantifier } from '../../src/load/framework/check-columns.js';
import { problemsOf, where } from './helpers.js';

describe('hasNestedQuantifier', () => {
  it.each(['^(a+)+$', '(a*)*', '(\\d+){2,}', '((ab)+c)*', '(x(a+))+', '(?:[a-z]+\\.)+com'])('flags %s', (pattern) => {
    expect(hasNestedQuantifier(pattern)).toBe(true);
  });

  it.each(['^[A-Z]{2}\\d+$', '(ab)+', '(a+)b', '[(+)]+', '\\(a+\\)+', '^(foo|bar)+$', '^\\d{5}(-\\d{4})?$'])('allows %s', (pattern) => {
    expect(hasNestedQuantifier(pattern)).toBe(false);
  });
});

describe('loadFramework: column patterns', () => {
  it('refuses a pattern that is not a regular expression, or one that can backtrack for hours', async () => {
    const problems = await problemsOf('patterns.yaml');
    expect(where(problems)).toEqual(['framework/column-pattern@6:38', 'framework/column-pattern@7:37']);
    expect(problems[0]?.message).toContain("repeats a group that itself repeats");
    expect(problems[1]?.message).toContain("pattern '[0-9' is not a regular expression");
  });
});
