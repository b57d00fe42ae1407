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

describe('loadFramework: column enums', () => {
  it('refuses enum values of another kind than the column holds', async () => {
    const problems = await problemsOf('enums.yaml');
    expect(where(problems)).toEqual(['framework/column-enum@6:35', 'framework/column-enum@7:37', 'framework/column-enum@8:39']);
    expect(problems[0]?.message).toBe("column 'tier' of source 'orders' holds text, but its enum lists 1, 2: quote them ('1')");
    expect(problems[1]?.message).toBe('column \'score\' of source \'orders\' holds numbers, but its enum lists "5": write them without quotes');
    expect(problems[2]?.message).toBe("column 'placed' of source 'orders': enum lists values of text or number columns, not of a datetime column: remove it");
  });

  it('refuses enum values that a column read trimmed or lower-cased can never hold', async () => {
    const problems = await problemsOf('enums-read-as.yaml');
    expect(where(problems)).toEqual([
      'framework/column-enum@6:54',
      'framework/column-enum@7:47',
      'framework/column-enum@8:63',
      'framework/column-enum@10:65',
      'framework/column-enum@11:36',
      'framework/column-enum@12:49',
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      "column 'status' of source 'orders' is read with lowercase: true, so its enum's 'REFUNDED', 'Voided' can never match: write 'REFUNDED' as 'refunded', write 'Voided' as 'voided'",
      "column 'code' of source 'orders' is read with trim: true, so its enum's ' A1' can never match: write ' A1' as 'A1'",
      "column 'tag' of source 'orders' is read with trim: true and lowercase: true, so its enum's ' Gift ' can never match: write ' Gift ' as 'gift'",
      // Written as read, they would repeat 'paid': they go.
      "column 'twice' of source 'orders' is read with trim: true and lowercase: true, so its enum's 'Paid', 'PAID' can never match: remove 'Paid', remove 'PAID'",
      "column 'blank' of source 'orders': an empty cell is no value, so its enum's '' can never match: remove ''",
      "column 'spaces' of source 'orders' is read with trim: true, so its enum's ' ' can never match: remove ' '",
    ]);
  });
});
