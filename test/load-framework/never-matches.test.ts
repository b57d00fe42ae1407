import { describe, expect, it } from 'vitest';
import { problemsOf, where } from './helpers.js';

describe('loadFramework: conditions no row can pass', () => {
  it('refuses a required comparison no cell can pass, and leaves defensive branches and lists alone', async () => {
    const problems = await problemsOf('never-matches.yaml');
    expect(where(problems)).toEqual(['framework/never-matches@14:46', 'framework/never-matches@19:56', 'framework/never-matches@24:38']);
    expect(problems[0]?.message).toBe(
      "no row can pass this condition: 'purchse' is not one of the values of 'event' ('purchase', 'view'). Did you mean 'purchase'?",
    );
    expect(problems[1]?.message).toBe(
      "no row can pass this condition: 'event' is read lower-cased (lowercase: true), so it never holds 'View' (write 'view'); " +
        "'event' is read lower-cased (lowercase: true), so it never holds 'Purchase' (write 'purchase')",
    );
    expect(problems[2]?.message).toBe("no row can pass this condition: 'channel' is read trimmed (trim: true), so it never holds ' email' (write 'email')");
  });
});
