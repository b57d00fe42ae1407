import { describe, expect, it } from 'vitest';
import { problemsOf, where } from './helpers.js';

describe('loadFramework: comparisons that can never match', () => {
  it('refuses a value outside the enum, and text the column lower-cases or trims away', async () => {
    const problems = await problemsOf('never-matches.yaml');
    expect(where(problems)).toEqual(['framework/never-matches@14:46', 'framework/never-matches@19:38', 'framework/never-matches@24:49']);
    expect(problems[0]?.message).toBe("'purchse' is not one of the values of 'event' ('purchase', 'view'), so it never matches. Did you mean 'purchase'?");
    expect(problems[1]?.message).toBe("'event' is read lower-cased (lowercase: true), so 'Purchase' never matches: write 'purchase'");
    expect(problems[2]?.message).toBe("'channel' is read trimmed (trim: true), so ' email' always differs: write 'email'");
  });
});
