import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/load/framework/index.js';
import { fixture, problemsOf } from './helpers.js';

describe('loadFramework: row expressions and survey scales', () => {
  it('reports each bad column of an expression where it is written, with what to do', async () => {
    const problems = await problemsOf('row-values.yaml');
    // Each location is the first character of the name or call at fault inside the quoted formula.
    expect(problems.map((p) => `${p.code}@${p.location?.line}:${p.location?.column} ${p.message}`)).toEqual([
      "framework/other-source@26:64 tickets.priority is a column of 'tickets', but this sum reads the rows of 'deals'. One aggregate reads one source: aggregate each source on its own and combine the results, e.g. sum(deals.x) / count(tickets)",
      "framework/other-source@26:83 tickets.amount is a column of 'tickets', but this sum reads the rows of 'deals'. Did you mean deals.amount? One aggregate reads one source: aggregate each source on its own and combine the results, e.g. sum(deals.x) / count(tickets)",
      "framework/unknown-column@27:53 source 'deals' has no column 'amout'. Did you mean 'amount'? Declare it under sources.deals.columns",
      "framework/type@28:53 'stage' is a string column, and + - * / take numbers: declare it as a number, or use count or count_distinct",
      "framework/type@29:53 'closed_at' is a datetime column, and + - * / take numbers: for the time between two datetimes write days_between(a, b) or hours_between(a, b)",
      "framework/type@29:71 'created_at' is a datetime column, and + - * / take numbers: for the time between two datetimes write days_between(a, b) or hours_between(a, b)",
      "framework/type@30:84 days_between measures the time between two datetime or date columns, but 'amount' is a money column: pass datetime or date columns",
      "framework/type@31:87 hours_between measures the time between two datetime or date columns, but 'priority' is a string column: pass datetime or date columns",
      "framework/type@31:100 hours_between(created_at, priority) is a number, but is compared with the text '4': write a number without quotes",
      "framework/unknown-source@32:68 'dels' is not a source. Did you mean 'deals'?",
      "framework/answer-scale@33:41 satisfied >= 6 does not split the scale 1..5: write a cut-off above 1 and at most 5, or give the scale, e.g. scale 1..7",
      "framework/answer-scale@35:46 'satisfaction' is read on the scale 1..5 here but on 1..7 by csat in KPI 'csat7': an answer off the scale rejects the row, so give both the same scale",
      "framework/answer-scale@36:41 promoters >= 11 and detractors <= 6 must lie on the scale 0..10",
    ]);
    expect(problems[1]?.excerpt).toBe('sum(deals.amount * tickets.priority + tickets.amount)\n                                      ^^^^^^^');
  });

  it('refuses a KPI whose value would be a point in time, pointing to days_between; min and max of a datetime stay in having', async () => {
    const problems = await problemsOf('time-values.yaml');
    expect(problems.map((p) => `${p.code}@${p.location?.line}:${p.location?.column} ${p.message}`)).toEqual([
      "framework/time-value@18:54 max(orders.closed) would be a point in time, and a KPI's value is a number: measure the time on each row with days_between or hours_between, e.g. max(days_between(orders.created, orders.closed)) (they take two columns of one row, not aggregates such as min(…) or max(…)); max of a datetime column works inside having, e.g. having max(closed) >= '2026-01-01'",
      "framework/time-value@18:75 min(orders.created) would be a point in time, and a KPI's value is a number: measure the time on each row with days_between or hours_between, e.g. min(days_between(orders.created, orders.closed)) (they take two columns of one row, not aggregates such as min(…) or max(…)); min of a datetime column works inside having, e.g. having min(created) >= '2026-01-01'",
      "framework/time-value@19:59 percentile(orders.closed, 0.9) would be a point in time, and a KPI's value is a number: measure the time on each row with days_between or hours_between, e.g. percentile(days_between(orders.created, orders.closed), 0.9) (they take two columns of one row, not aggregates such as min(…) or max(…))",
      "framework/time-value@20:56 min(visits.day) would be a point in time, and a KPI's value is a number: measure the time on each row with days_between or hours_between, e.g. min(days_between(visits.<start>, visits.day)) (they take two columns of one row, not aggregates such as min(…) or max(…)); min of a date column works inside having, e.g. having min(day) >= '2026-01-01'",
    ]);
    expect(problems[0]?.excerpt).toBe('max(orders.closed) - min(orders.created)\n           ^^^^^^');
  });

  it('sets each surveyed column its scale: written, else declared, else the usual one', async () => {
    const framework = await loadFramework(fixture('survey-scales.yaml'));
    const source = framework.sources.find((s) => s.name === 'survey');
    const scales = source?.kind === 'file' ? Object.fromEntries(source.columns.map((c) => [c.name, c.scale])) : {};
    expect(scales).toEqual({
      recommend: { min: 0, max: 10, by: "nps in KPI 'nps'" },
      satisfaction: { min: 1, max: 7, by: "csat in KPI 'csat'" },
      effort: { min: 1, max: 7, by: "ces in KPI 'ces'" },
      comment: undefined,
    });
  });
});
