import { describe, expect, it } from 'vitest';
import { problemsOf, where } from './helpers.js';

describe('loadFramework: formula syntax inside the YAML', () => {
  it('points at the formula character, in plain and quoted scalars, with a caret excerpt', async () => {
    const problems = await problemsOf('formula-syntax.yaml');
    expect(where(problems)).toEqual([
      // `    where: status = = 'paid'`: value at column 12, the second '=' is offset 9.
      'framework/formula-syntax@10:21',
      // `        formula: sum(orders.total) +* 2`: value at column 18, '*' is offset 19 (a trailing comment is not part of it).
      'framework/formula-syntax@17:37',
      // `        formula: "count(orders where status = )"`: quote at 18, value at 19, ')' is offset 28.
      'framework/formula-syntax@22:47',
      // Doubled quotes inside '…' shift offsets: point at the scalar instead.
      'framework/formula-syntax@27:18',
      // A folded block scalar: point at its indicator.
      'framework/formula-syntax@32:18',
    ]);
    expect(problems[1]?.excerpt).toBe('sum(orders.total) +* 2\n                   ^');
    expect(problems[2]?.excerpt).toBe('count(orders where status = )\n                            ^');
    expect(problems[0]?.message).toBe("expected a value ('text', a number, true, false or null), found '='");
  });
});

describe('loadFramework: references', () => {
  it('reports unknown sources, columns (through view chains) and KPIs with did-you-mean', async () => {
    const problems = await problemsOf('references.yaml');
    expect(where(problems)).toEqual([
      'framework/unknown-source@15:11', // refunds reads from `refnds`
      'framework/unknown-source@23:44', // `ordres` at offset 26 of a value starting at column 18
      'framework/unknown-column@28:27', // `totl`, offset 9
      'framework/unknown-column@28:38', // `statuss`, offset 20
      'framework/unknown-kpi@33:18', // `revenu`, offset 0
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "view 'refunds' reads from 'refnds', which is not a source. Sources: orders, paid, big_paid.",
      "'ordres' is not a source. Did you mean 'orders'?",
      "source 'paid' (a view has the columns of 'orders') has no column 'totl'. Did you mean 'total'? Declare it under sources.orders.columns",
      "source 'paid' (a view has the columns of 'orders') has no column 'statuss'. Did you mean 'status'? Declare it under sources.orders.columns",
      "'revenu' is not a KPI id. Did you mean 'revenue'? A formula names another KPI by its id, and a source inside an aggregate such as count(revenu)",
    ]);
    expect(problems[1]?.excerpt).toBe('sum(big_paid.total) + sum(ordres.total)\n                          ^^^^^^');
  });

  it('names KPI cycles and view cycles, once each', async () => {
    const problems = await problemsOf('cycles.yaml');
    expect(where(problems)).toEqual(['framework/view-cycle@8:11', 'framework/kpi-cycle@22:18', 'framework/kpi-cycle@32:18']);
    expect(problems.map((p) => p.message)).toEqual([
      'views read from each other in a cycle: a -> b -> a. Make one of them read from a file source',
      'KPIs refer to each other in a cycle: clv -> aov -> clv. Remove one of these references',
      'KPIs refer to each other in a cycle: selfish -> selfish. Remove one of these references',
    ]);
  });
});

describe('loadFramework: types', () => {
  it('checks time columns, aggregate column types and literal kinds in comparisons', async () => {
    const problems = await problemsOf('types.yaml');
    expect(where(problems)).toEqual([
      'framework/type@5:11', // time: status (a string)
      'framework/unknown-column@14:11', // time: when (not declared)
      'framework/type@23:29', // sum(orders.status)
      'framework/type@28:45', // total > '100'
      'framework/type@28:64', // status = 5
      'framework/type@28:108', // created < 'July' ('2026-07-01' is a date: fine)
      'framework/type@28:126', // paid = 'yes'
      'framework/type@33:108', // having sum(status); having max of a datetime and avg of a boolean are fine
    ]);
    expect(problems[2]?.message).toBe(
      "sum needs a column of type number, integer, money, percent, duration or boolean, but orders.status is a string column: declare the column's type, or use count or count_distinct",
    );
    expect(problems[3]?.message).toBe("'total' is a money column, but is compared with the text '100': write a number without quotes");
    expect(problems[5]?.message).toBe("'created' is a datetime column, but is compared with the text 'July': write dates as YYYY-MM-DD or YYYY-MM-DD HH:mm[:ss]");
  });
});

describe('loadFramework: ids, zones and period', () => {
  it('reports bad time zones, a bad period, reserved and duplicate ids', async () => {
    const problems = await problemsOf('settings.yaml');
    expect(where(problems)).toEqual([
      'framework/timezone@2:11',
      'framework/period@3:9',
      'framework/timezone@8:44',
      'framework/reserved-id@13:13',
      'framework/duplicate-id@23:9',
      'framework/duplicate-id@26:13',
    ]);
    expect(problems[0]?.message).toBe("'Europe/Berln' is not an IANA time zone. Did you mean 'Europe/Berlin'? Use a name such as UTC, Europe/Berlin or America/New_York");
    expect(problems[4]?.message).toBe("stage id 's' is already used at line 10: stage ids must be unique");
    expect(problems[5]?.message).toBe("KPI id 'orders_total' is already used at line 18: KPI ids must be unique");
  });
});

describe('loadFramework: thresholds', () => {
  it('reports unreadable thresholds, relative ones without a baseline, and warn on the wrong side', async () => {
    const problems = await problemsOf('thresholds.yaml');
    expect(where(problems)).toEqual([
      'framework/threshold@15:15',
      'framework/threshold@21:15',
      'framework/threshold@29:15',
      'framework/threshold@34:17',
      'framework/threshold@39:17',
      'framework/threshold@40:19',
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "KPI 'higher_warn_above': warn 2.60% is above the target 2.50%: for a higher-is-better KPI warn must be below the target",
      "KPI 'lower_warn_below': warn 20.0s is below the target 30.0s: for a lower-is-better KPI warn must be above the target",
      // 100 + 10% = 110 exactly, so warn 110 sits on the target.
      "KPI 'warn_equal': warn 110 is equal to the target 110: for a higher-is-better KPI warn must be below the target",
      "KPI 'no_baseline': target '+0.5pp' is relative to the baseline, but the KPI has none: add a baseline, or write an absolute target",
      "KPI 'percent_on_count': target '7%' is a percentage, but the KPI's unit is count: write a plain number, or +7% for a change relative to the baseline",
      "KPI 'percent_on_count': baseline 'abc' is not a number: write it as 2.5%, 0.025, 1,250 or $42.50",
    ]);
  });
});

describe('loadFramework: every problem at once', () => {
  it('gives one diagnostic per problem of different kinds in one file', async () => {
    expect(where(await problemsOf('three-problems.yaml'))).toEqual([
      'framework/unknown-column@13:29',
      'framework/formula-syntax@18:31',
      'framework/threshold@27:15',
    ]);
  });
});
