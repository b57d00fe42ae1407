import { describe, expect, it } from 'vitest';
import { problemsOf } from './helpers.js';

describe('loadFramework: windowed aggregates', () => {
  it('checks the second step, the by column and the time column of every source a window reads', async () => {
    const problems = await problemsOf('windows.yaml');
    expect(problems.map((p) => `${p.code}@${p.location?.line}:${p.location?.column} ${p.message}`)).toEqual([
      "framework/no-time@26:63 churn places each row of 'accounts' in time (days, periods, windows), but source 'accounts' has no time column: add time: <its datetime or date column> to sources.accounts",
      "framework/unknown-source@27:93 'event' is not a source. Did you mean 'events'?",
      "framework/unknown-column@28:100 source 'events' has no column 'usr_id'. Did you mean 'user_id'? Declare it under sources.events.columns",
      "framework/unknown-column@28:113 source 'events' has no column 'nam'. Did you mean 'name'? Declare it under sources.events.columns",
      "framework/no-time@29:63 net_revenue_retention places each row of 'accounts' in time (days, periods, windows), but source 'accounts' has no time column: add time: <its datetime or date column> to sources.accounts",
      "framework/unknown-column@29:104 source 'accounts' has no column 'account'. Did you mean 'amount'? Declare it under sources.accounts.columns",
      "framework/no-time@30:62 daily_avg places each row of 'accounts' in time (days, periods, windows), but source 'accounts' has no time column: add time: <its datetime or date column> to sources.accounts",
      "framework/no-time@31:63 conversion places each row of 'accounts' in time (days, periods, windows), but source 'accounts' has no time column: add time: <its datetime or date column> to sources.accounts",
    ]);
  });
});
