/**
 * Layout conformance: the built binary on small exports that reproduce the
 * quirks of the real ones (see each test/fixtures/layouts/<export>/journey.yaml),
 * with every value worked out by hand from the rows written there.
 *
 * Where a layout's counting rule cannot be written in the formula language
 * (one value per order when totals repeat, de-duplication on a record key,
 * row arithmetic such as quantity * price, time between two events of a user),
 * the KPI is the part that can be written, and the gap is named in a comment.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './run-cli.js';
import { parseReportJson } from './report-json.js';

const DIR = 'test/fixtures/layouts';

interface JsonKpi {
  id: string;
  value: number | null;
  status: string;
  reason: string;
  sample: number | null;
}

interface JsonRejection {
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

interface JsonSource {
  name: string;
  rows_read: number;
  rows_in_period: number;
  rows_outside_period: number;
  rows_rejected: number;
  time_range: { first: string; last: string } | null;
  rejections: JsonRejection[];
  notices: JsonRejection[];
}

interface Run {
  result: CliResult;
  sources: Map<string, JsonSource>;
  kpis: Map<string, JsonKpi>;
}

const FRAMEWORKS = [
  'shopify/journey.yaml',
  'woocommerce/journey.yaml',
  'stripe/journey.yaml',
  'ua_landing_pages/journey.yaml',
  'ua_landing_pages/two_columns.yaml',
  'ga4_traffic_acquisition/journey.yaml',
  'gsc_queries/journey.yaml',
  'qualtrics/journey.yaml',
  'surveymonkey/journey.yaml',
  'typeform/journey.yaml',
  'delighted/journey.yaml',
  'zendesk/journey.yaml',
  'freshdesk/journey.yaml',
  'hubspot/journey.yaml',
  'mixpanel/journey.yaml',
  'amplitude/journey.yaml',
  'olist/journey.yaml',
  'online_retail/journey.yaml',
  'telco_churn/journey.yaml',
  'retailrocket/journey.yaml',
] as const;

const runs = new Map<string, Run>();

async function report(framework: string): Promise<Run> {
  const result = await runCli(['report', `${DIR}/${framework}`, '--format', 'json']);
  let document: { sources: JsonSource[]; stages: { kpis: JsonKpi[] }[] } = { sources: [], stages: [] };
  try {
    document = parseReportJson(result.stdout);
  } catch {
    // left empty: the exit-code assertion below names the failure with its stderr
  }
  return {
    result,
    sources: new Map(document.sources.map((source) => [source.name, source])),
    kpis: new Map(document.stages.flatMap((stage) => stage.kpis).map((kpi) => [kpi.id, kpi])),
  };
}

// 19 runs of the binary at once: on a busy 2-core runner that takes more than the default 10 s.
beforeAll(async () => {
  const done = await Promise.all(FRAMEWORKS.map(async (framework) => [framework, await report(framework)] as const));
  for (const [framework, run] of done) runs.set(framework, run);
}, 120_000);

function run(framework: (typeof FRAMEWORKS)[number]): Run {
  const found = runs.get(framework);
  if (found === undefined) throw new Error(`no run for ${framework}`);
  return found;
}

interface Counts {
  read: number;
  inPeriod: number;
  outside: number;
  rejected: number;
}

function expectRuns(framework: (typeof FRAMEWORKS)[number]): void {
  const { result } = run(framework);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout.startsWith('{')).toBe(true);
}

function expectCounts(framework: (typeof FRAMEWORKS)[number], source: string, counts: Counts): JsonSource {
  const found = run(framework).sources.get(source);
  expect(found, `source ${source}`).toBeDefined();
  const { rows_read, rows_in_period, rows_outside_period, rows_rejected } = found as JsonSource;
  expect({ read: rows_read, inPeriod: rows_in_period, outside: rows_outside_period, rejected: rows_rejected }).toEqual(counts);
  return found as JsonSource;
}

/** Values to 1e-9: sums of decimal money are binary floating point. */
function expectValues(framework: (typeof FRAMEWORKS)[number], expected: Record<string, number | null>): void {
  const { kpis } = run(framework);
  for (const [id, value] of Object.entries(expected)) {
    const kpi = kpis.get(id);
    expect(kpi, `KPI ${id}`).toBeDefined();
    if (value === null) expect(kpi?.value, id).toBeNull();
    else expect(kpi?.value, `${id} (${kpi?.reason ?? ''})`).toBeCloseTo(value, 9);
  }
}

/*
 * 1 Shopify orders (America/New_York, 2024-03), 14 line-item rows, order fields on the first row only.
 *   #1008 2024-02-29 23:59:59 -0500 and #1009 2024-04-01 00:00:00 -0400 are outside; #1002 at
 *   2024-03-31 23:40 -0400 (03:40 UTC on 1 April) is inside; #1007 01:30 -0500 and #1010 03:30 -0400
 *   straddle the DST switch on 10 March. 12 rows in the period.
 *   counted (paid/partially_refunded/refunded, not cancelled; continuation rows have no status):
 *     #1001 paid 110.00, #1002 paid 50.00, #1004 refunded 80.00, #1005 partially_refunded 60.00,
 *     #1007 paid 25.00, #1010 paid 45.50 -> 6 orders, gross 370.50, AOV 61.75.
 *     Not counted: #1003 pending, #1006 voided and cancelled.
 *   refunds: Refunded Amount 80.00 (#1004) + 20.00 (#1005) = 100; net 270.50.
 *   units: 1+2 | 1 | 1 | 1 | 1+1 | 1 | 1 | 1+1+1 = 13; Acme Outdoor lines #1001 x2, #1004, #1010 x3 = 6.
 *   Billing Zip '01103' only on #1001's first row -> 1 (a number column would have lost the 0).
 *   repeat purchase over counted orders not fully refunded, e-mail trimmed + lower-cased:
 *     customer-001 (#1001, #1002 'Customer-001@Example.com'), customer-003 (#1005, #1007),
 *     customer-002 (' customer-002@...' #1010; #1004 refunded) -> 2 of 3.
 */
describe('Shopify orders export', () => {
  const F = 'shopify/journey.yaml';
  it('reads every line item, multi-line note and quoted comma included', () => {
    expectRuns(F);
    expectCounts(F, 'orders', { read: 14, inPeriod: 12, outside: 2, rejected: 0 });
  });
  it('counts orders once, by Name, from their first row', () => {
    expectValues(F, {
      orders: 6,
      gross_sales: 370.5,
      refunds: 100,
      net_sales: 270.5,
      aov: 61.75,
      cancelled_orders: 1,
      units: 13,
      acme_lines: 6,
      springfield_orders: 1,
      customers: 3,
      repeat_purchase_rate: 2 / 3,
    });
  });
});

/*
 * 2 WooCommerce (UTC, 2024-02), 13 item rows; 5008 (1 March 00:00) and 5009 (31 January 23:59) outside.
 *   counted = Completed, Processing, Refunded: 5001 (2 items, total 45), 5002 (1, 20), 5003 (2, 30,
 *   refund 30), 5007 (leap day 2024-02-29 23:45, 3 items, total 60, refund 10) -> 4 orders.
 *   The totals repeat on every item row: summing them would give 45*2+20+30*2+60*3 = 350.
 *   GAP: "one value per Order Number" has no formula; this export's 'Item #' column makes a view of the
 *   first item rows possible: gross 45+20+30+60 = 155, refunds 30+10 = 40, net 115, AOV 38.75.
 *   items: 1+1 | 1 | 1+1 | 1+2+3 = 11. Failed + Pending payment: 5005, 5006 -> 2.
 */
describe('WooCommerce orders export', () => {
  const F = 'woocommerce/journey.yaml';
  it('reads the mixed quoted/bare header and the repeated totals', () => {
    expectRuns(F);
    expectCounts(F, 'orders', { read: 13, inPeriod: 11, outside: 2, rejected: 0 });
  });
  it('counts each order once', () => {
    expectValues(F, {
      orders: 4,
      gross: 155,
      refunds: 40,
      net: 115,
      aov: 38.75,
      items: 11,
      failed_or_pending: 2,
      chocolate_lines: 1,
      noted_orders: 1,
    });
  });
});

/*
 * 3 Stripe unified payments (UTC, 2024-03), 80 columns, 12 charges; ch 10 (2024-04-01 00:00:00) and
 *   ch 11 (2024-02-29 23:59:59) are outside, ch 9 (2024-03-31 23:59:59) and ch 1 (00:00:00) inside.
 *   live (Mode Live) in the period: ch 1-7, 9, 12 = 9 (ch 8 is Test).
 *   successful (captured, Paid or Refunded): ch 1, 2 (eur), 3 (jpy 3000), 4 (gbp, Refunded), 5 (partial),
 *   9, 12 = 7; ch 6 Failed and ch 7 Uncaptured are not -> success rate 7/9.
 *   converted (usd): 50 + 43.20 + 20.10 + 31.50 + 100 + 10 + 12 = 266.80; refunded 31.50 + 30 = 61.50;
 *   net 205.30; fees 1.75+1.55+0.88+1.21+3.20+0.59+0.65 = 9.83.
 *   GAP: Amount is in each charge's own currency; nothing converts it (the converted columns do).
 */
describe('Stripe unified payments export', () => {
  const F = 'stripe/journey.yaml';
  it('reads the 80-column export', () => {
    expectRuns(F);
    expectCounts(F, 'payments', { read: 12, inPeriod: 10, outside: 2, rejected: 0 });
  });
  it('sums the converted amounts of successful live charges', () => {
    expectValues(F, {
      charges: 7,
      success_rate: 7 / 9,
      gross_usd: 266.8,
      refunded_usd: 61.5,
      net_usd: 205.3,
      fees_usd: 9.83,
      jpy_amount: 3000,
      partial_refunds: 1,
      declines_with_code: 1,
    });
  });
});

/*
 * 4 Universal Analytics landing pages: 5 '#' lines, a blank line, the header on line 7, pages on
 *   lines 8-11, the totals row (empty Landing Page) on line 12, a blank line, then the Day Index table
 *   on lines 14-17. Sessions 1,204 + 311 + 95 + 40 = 1650; new users 748+249+53+20 = 1070;
 *   goal completions 26+1+5+0 = 32 -> 32/1650; goal value 1500+50+250+0 = 1800.
 *   bounce (45.27+71.38+38.95+60.00)/4 % = 0.539; durations 161, 58, 192, 60 s -> 117.75.
 *   GAP: weighted rates (bounce rate weighted by sessions) need row arithmetic.
 */
describe('Universal Analytics landing pages export', () => {
  const F = 'ua_landing_pages/journey.yaml';
  it('drops the totals row through the required dimension, and reads only the first table', () => {
    expectRuns(F);
    const source = expectCounts(F, 'pages', { read: 5, inPeriod: 4, outside: 0, rejected: 1 });
    expect(source.rejections.map((r) => [r.code, r.line])).toEqual([['row/required', 12]]);
    expect(source.rejections[0]?.message).toMatch(/landing_page.*required/);
    // the Day Index table (its header, two days and its totals row, lines 14-17) is not rows of this source
    expect(source.notices.map((n) => [n.code, n.line, n.column])).toEqual([['data/second-table', 14, 1]]);
    expect(source.notices[0]?.message).toContain('its 4 records were not read');
  });
  it('is a problem for validate and --strict: a part of the file was not read', async () => {
    const validate = await runCli(['validate', `${DIR}/${F}`]);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain('1 part(s) of files not read');
    const strict = await runCli(['report', `${DIR}/${F}`, '--strict', '--format', 'json']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('--strict: 1 row was rejected and 1 part of files was not read');
  });
  it('reads quoted thousands, %, $ and durations, and keeps # and ? in page paths', () => {
    expectValues(F, {
      sessions: 1650,
      new_users: 1070,
      landing_pages: 4,
      anchored_page_sessions: 311,
      query_page_sessions: 95,
      mean_bounce_rate: 0.539,
      mean_duration: 117.75,
      max_pages_per_session: 4.2,
      goal_conversion: 32 / 1650,
      goal_value: 1800,
      best_goal_rate: 0.0526,
    });
  });
  // With only Landing Page and Sessions declared, the Day Index rows '01/03/2024,"1,010"' and
  // '02/03/2024,640' would fit the two columns: the table's other width still ends the first table.
  it('reads only the first table when the second has as many fields as the declared columns', () => {
    const T = 'ua_landing_pages/two_columns.yaml';
    expectRuns(T);
    expectValues(T, { sessions: 1650, landing_pages: 4 });
  });
});

/*
 * 5 GA4 traffic acquisition: '#' preamble straight into the header, channel header written
 *   '(Default channel group)' and declared '(Default Channel Group)'.
 *   sessions 4210+2100+950+300+180+12 = 7752; engaged 2710+1050+760+240+90+0 = 4850 -> 4850/7752;
 *   revenue 5230.5+1800+2300.75+640 = 9971.25 -> 9971.25/7752 per session; key events 120+40+35+12 = 207;
 *   Unassigned 12/7752.
 */
describe('GA4 traffic acquisition export', () => {
  const F = 'ga4_traffic_acquisition/journey.yaml';
  it('skips the preamble and matches the header whatever its case', () => {
    expectRuns(F);
    expectCounts(F, 'channels', { read: 6, inPeriod: 6, outside: 0, rejected: 0 });
  });
  it('reads 16-digit fractions as rates', () => {
    expectValues(F, {
      sessions: 7752,
      engagement_rate: 4850 / 7752,
      organic_engagement_rate: 0.6437054631828979,
      unassigned_share: 12 / 7752,
      channels: 6,
      best_engagement_time: 61.25,
      revenue: 9971.25,
      revenue_per_session: 9971.25 / 7752,
      key_events: 207,
    });
  });
});

/*
 * 6 Search Console queries: LF after the header, CRLF after the rows, one query over two lines.
 *   clicks 120+30+5+2+0+18+7 = 182; impressions 400+300+100+50+129+48+70 = 1097 -> 182/1097;
 *   CTR 30+10+5+4+0+37.5+10 = 96.5% over 7 -> 0.965/7; worst position 129.14 (a '\r' left in the
 *   last field would have rejected it).
 */
describe('Search Console queries export', () => {
  const F = 'gsc_queries/journey.yaml';
  it('reads every query', () => {
    expectRuns(F);
    expectCounts(F, 'queries', { read: 7, inPeriod: 7, outside: 0, rejected: 0 });
  });
  it('computes clicks, CTR and positions', () => {
    expectValues(F, {
      clicks: 182,
      ctr: 182 / 1097,
      mean_query_ctr: 0.965 / 7,
      worst_position: 129.14,
      zero_ctr_queries: 1,
      cafe_clicks: 2,
      stove_clicks: 5,
    });
  });
});

/*
 * 7 Qualtrics (framework UTC, EndDate in America/Denver): BOM, CRLF, 3 header rows, 14 responses.
 *   R12 2024-02-29 16:30 MST = 23:30Z (out), R13 2024-03-31 17:30 MDT = 23:30Z (in),
 *   R14 18:30 MDT = 1 April 00:30Z (out) -> 12 in the period.
 *   valid (IP Address and Finished True): R1-R6, R10, R11, R13 = 9 (R7 unfinished, R8 preview, R9 test).
 *   NPS 10 9 8 6 3 10 7 9 5: promoters 4, detractors 3 -> 100/9 (the group column agrees).
 *   CSAT top-2 over answered (R11 blank): ES SS N SD ED ES SS SS -> 5/8.
 */
describe('Qualtrics export', () => {
  const F = 'qualtrics/journey.yaml';
  it('skips header rows 2 and 3 and reads the times in the column zone', () => {
    expectRuns(F);
    const source = expectCounts(F, 'responses', { read: 14, inPeriod: 12, outside: 2, rejected: 0 });
    expect(source.time_range).toEqual({ first: '2024-02-29T23:30:00.000Z', last: '2024-04-01T00:30:00.000Z' });
  });
  it('scores only real, finished responses', () => {
    expectValues(F, {
      responses: 9,
      nps: 100 / 9,
      nps_from_groups: 100 / 9,
      csat_top2: 5 / 8,
      quoted_comments: 1,
      multiline_comments: 1,
    });
  });
});

/*
 * 8 SurveyMonkey (America/New_York, 2024-03): BOM, CRLF, 2 header rows, blank header cells 13-14.
 *   End Date 03/01/2024 12:10:00 AM is 05:10Z (12 AM is midnight), 04/01/2024 12:00:00 AM is
 *   04:00Z and outside -> 10 in the period.
 *   satisfaction answered 9 (respondent 7 skipped all): VS S N D VD S VS S S -> top-2 6/9.
 *   effort: VE E NE DF VDF E E VE VE -> easy 6/9.
 *   GAP: CES as a 1-5 mean needs a mapping of choice text to numbers.
 *   channels: Email r1 r3 r6 r9 = 4, Phone r2 r4 r6 r10 = 4, Chat r1 r4 r5 r6 r8 = 5.
 */
describe('SurveyMonkey export', () => {
  const F = 'surveymonkey/journey.yaml';
  it('reads AM/PM times and the columns without a header name', () => {
    expectRuns(F);
    const source = expectCounts(F, 'responses', { read: 11, inPeriod: 10, outside: 1, rejected: 0 });
    expect(source.time_range).toEqual({ first: '2024-03-01T05:10:00.000Z', last: '2024-04-01T04:00:00.000Z' });
  });
  it('computes top-2 satisfaction over the answers', () => {
    expectValues(F, {
      respondents: 10,
      csat_top2: 6 / 9,
      easy_share: 6 / 9,
      email_users: 4,
      phone_users: 4,
      chat_users: 5,
    });
  });
});

/*
 * 9 Typeform (Europe/Paris, 2024-03; Submit Date in UTC): 11 responses.
 *   #9 2024-02-29 23:30 UTC = 1 March 00:30 in Paris (in); #10 2024-03-31 22:30 UTC = 1 April 00:30
 *   CEST (out); #11 21:30 UTC = 23:30 CEST (in) -> 10 in the period; #5 answered nothing.
 *   effort 6 7 5 3 2 7 4 6 5 -> 45/9 = 5, 6 of 9 at 5 or more; NPS 9 10 8 6 2 10 7 9 9 -> (5-2)/9.
 *   features trimmed: ' / Imports' -> '/ Imports', 'Imports' -> 2.
 *   GAP: no 'contains' operator, so "uses Imports" over ' / '-joined choices cannot be counted.
 */
describe('Typeform export', () => {
  const F = 'typeform/journey.yaml';
  it("keeps the '#' column and reads UTC times into the Paris period", () => {
    expectRuns(F);
    const source = expectCounts(F, 'responses', { read: 11, inPeriod: 10, outside: 1, rejected: 0 });
    expect(source.time_range).toEqual({ first: '2024-02-29T23:30:00.000Z', last: '2024-03-31T22:30:00.000Z' });
  });
  it('computes effort, NPS and completion', () => {
    expectValues(F, { responses: 10, answered: 0.9, ces: 5, easy_share: 6 / 9, nps: 100 / 3, imports_only: 2 });
  });
});

/*
 * 10 Delighted (UTC, 2024-03): 11 objects, Unix seconds; 1709251199 (29 Feb 23:59:59) and
 *   1711929600 (1 April 00:00) outside; 1709251200 and 1711929599 inside -> 9 rows, of which the
 *   last response twice.
 *   distinct responses 8: scores 10 9 7 3 10 6 8 9 -> promoters 4, detractors 2 -> NPS 25.
 *   GAP: nps() cannot de-duplicate on id (it gives (5-2)/9*100 = 33.3 here); the distinct-id formula can.
 *   Norway ('NO' unquoted in the enum) 7701 7704 7706 7709 = 4; comments 7703 7705 7706 = 3.
 */
describe('Delighted JSON export', () => {
  const F = 'delighted/journey.yaml';
  it('reads Unix seconds and keeps NO as text', () => {
    expectRuns(F);
    expectCounts(F, 'responses', { read: 11, inPeriod: 9, outside: 2, rejected: 0 });
  });
  it('computes NPS over distinct responses', () => {
    expectValues(F, { answers: 9, respondents: 8, nps_distinct: 25, norway: 4, commented: 3 });
  });
});

/*
 * 11 Zendesk (Europe/London, 2024-03; zone-less times): 13 tickets. 111 at 2024-04-01 00:10 BST
 *   (23:10Z on 31 March) and 112 at 2024-02-29 23:59 are outside; 110 at 2024-03-31 23:30 BST inside.
 *   solved/closed: 101 102 103 104 108 109 110 = 7; one reply and no reopen: 101 102 109 110 -> 4/7.
 *   CSAT Good 101 103 108 109, Bad 102 110 -> 4/6 (the text ratio needs no csat()).
 *   first reply 12 30 45 5 60 20 90 15 25 (106, 113 never answered): median 25, mean 302/9; 9/11 answered.
 *   GAP: Tags are space-separated; no 'contains' to count a tag.
 */
describe('Zendesk tickets export', () => {
  const F = 'zendesk/journey.yaml';
  it('reads zone-less times in the framework zone', () => {
    expectRuns(F);
    const source = expectCounts(F, 'tickets', { read: 13, inPeriod: 11, outside: 2, rejected: 0 });
    expect(source.time_range).toEqual({ first: '2024-02-29T23:59:00.000Z', last: '2024-03-31T23:10:00.000Z' });
  });
  it('computes FCR, CSAT and reply times', () => {
    expectValues(F, {
      tickets: 11,
      fcr: 4 / 7,
      csat: 4 / 6,
      median_first_reply: 25,
      mean_first_reply: 302 / 9,
      answered_share: 9 / 11,
      follow_ups: 1,
      quoted_subjects: 1,
    });
  });
});

/*
 * 12 Freshdesk (UTC, 2024-03): 10 tickets, #9 (2024-04-01 00:00:00) outside.
 *   Resolved/Closed: 1 2 3 6 7 8; one agent interaction: 1 2 7 8 -> 4/6.
 *   resolution (column 18) 2:00 48:00 26:30 5:00 0:45 72:15 h = 7200+172800+95400+18000+2700+260100
 *   = 556200 s -> 92700; max 260100. Column 25 (same header): 1:30 16:00 10:30 5:00 0:45 24:00 h
 *   = 207900 s -> 34650. first response 30m 1h 15m 20m 2h 5m 10m 3h (#10 none): median (20m+30m)/2 = 1500 s.
 */
describe('Freshdesk tickets export', () => {
  const F = 'freshdesk/journey.yaml';
  it('reads both columns named Resolution time (in hrs)', () => {
    expectRuns(F);
    expectCounts(F, 'tickets', { read: 10, inPeriod: 9, outside: 1, rejected: 0 });
  });
  it('computes FCR and durations past 24 hours', () => {
    expectValues(F, {
      tickets: 9,
      fcr: 4 / 6,
      mean_resolution: 92700,
      longest_resolution: 260100,
      mean_business_resolution: 34650,
      median_first_response: 1500,
      quote_descriptions: 1,
    });
  });
});

/*
 * 13 HubSpot deals (America/New_York, 2024-03): BOM, CRLF, 10 deals; 18 (2024-02-29 23:30) outside,
 *   20 (2024-03-31 23:59 EDT = 03:59Z on 1 April) inside -> 9.
 *   won 11 12 15 19, lost 13 17 20 -> 4/7; won USD 5000 + 1200.50 + 2500 = 8700.50 (mean /3);
 *   won EUR 3000 (GAP: no conversion between the currencies of one file); amounts on 7 (14, 20 empty).
 */
describe('HubSpot deals export', () => {
  const F = 'hubspot/journey.yaml';
  it('reads the multi-line notes and the company with a comma', () => {
    expectRuns(F);
    const source = expectCounts(F, 'deals', { read: 10, inPeriod: 9, outside: 1, rejected: 0 });
    expect(source.time_range).toEqual({ first: '2024-03-01T04:30:00.000Z', last: '2024-04-01T03:59:00.000Z' });
  });
  it('computes the win rate and the won amounts per currency', () => {
    expectValues(F, {
      deals: 9,
      win_rate: 4 / 7,
      won_usd: 8700.5,
      avg_won_usd: 8700.5 / 3,
      won_eur: 3000,
      priced_deals: 7,
      comma_companies: 1,
      noted_deals: 1,
    });
  });
});

/*
 * 14 Mixpanel (UTC, 2024-03): 12 lines; u4's Sign Up at 1711929600 and u2's Page View at 1709251199
 *   are outside -> 10 lines, two of them retries ($insert_id i3 and i8) -> 8 unique events.
 *   users $device:..., u1, u2, u3 = 4; sign-ups u1 u2 u3; buyers u1 u2; purchases i8, i10 = 2.
 *   GAP: de-duplication on (event, distinct_id, $insert_id) for sums (revenue is 20+20+35.5 with the
 *   retry, 55.5 without) and "Onboarding Completed within 7 days of Sign Up" (u3 took 11.6 days:
 *   activation is 1/3, the formula language can only say 2/3 onboarded) need record keys and
 *   per-user time differences.
 */
describe('Mixpanel JSON lines export', () => {
  const F = 'mixpanel/journey.yaml';
  it('reads nested properties and Unix seconds', () => {
    expectRuns(F);
    expectCounts(F, 'events', { read: 12, inPeriod: 10, outside: 2, rejected: 0 });
  });
  it('counts distinct events, users and sign-ups', () => {
    expectValues(F, { events: 10, unique_events: 8, users: 4, signups: 3, buyers: 2, unique_purchases: 2, emoji_notes: 1 });
  });
});

/*
 * 15 Amplitude (America/Los_Angeles, 2024-03; event_time UTC with microseconds): 10 lines.
 *   d at 2024-03-01 07:59:59.999999Z = 23:59:59.999 PST on 29 Feb (out); e's Sign Up at
 *   2024-04-01 07:00Z = midnight PDT (out); e's Page View at 06:59:59.999999Z (in: rounding the
 *   microseconds up would push it out) -> 8 lines; e6 twice -> 7 unique.
 *   sign-ups a b c, onboarded a b; sessions of a, b (2), c, e = 5.
 *   uploaded on or after 3 March in Los Angeles (08:00Z): e4 23:55Z, e5, e6 x2, e10 -> 5.
 */
describe('Amplitude JSON lines export', () => {
  const F = 'amplitude/journey.yaml';
  it('reads microsecond UTC times into the Los Angeles period', () => {
    expectRuns(F);
    const source = expectCounts(F, 'events', { read: 10, inPeriod: 8, outside: 2, rejected: 0 });
    expect(source.time_range).toEqual({ first: '2024-03-01T07:59:59.999Z', last: '2024-04-01T07:00:00.000Z' });
  });
  it('counts events, sign-ups and late uploads', () => {
    expectValues(F, { events: 8, unique_events: 7, signups: 3, onboarded: 2, sessions: 5, late_uploads: 5 });
  });
});

/*
 * 16 Olist (America/Sao_Paulo, 2018-01, summer time UTC-2): orders day-first 'DD/MM/YYYY H:mm'.
 *   o9 31/12/2017 23:59 = 01:59Z (out), o8 01/02/2018 0:00 = 02:00Z on 1 Feb (out), o10 12/01/2018
 *   (12 January; month-first would be 1 December) -> 9 orders.
 *   delivered o1 o2 o7 o10 o11 -> 5/9; canceled o4 -> 1/9; no delivery date o3-o6 -> 4;
 *   delivered before 1 Feb: o1 o2 o10 o11 -> 4 (o7 on 8 Feb); never approved: o4.
 *   payments (no time): 7 rows, orders o1-o5; 100 + 20 + 80.50 + 10 + 55.90 + 0 + 30 = 296.40;
 *   vouchers 30/296.4; o2 paid in 3 parts; one not_defined.
 *   reviews: quoted header and ids, CRLF, 6 rows, review 3 shared by o10 and o11 -> 5 reviews,
 *   6 orders; scores 5 2 4 4 1 3 -> 3 of 6 at 4+; title 'Atrasou ' trimmed.
 *   The CRLF inside the quoted message is read as LF (text-stream.ts normalises every CRLF).
 *   GAP: late delivery (delivered > estimated) and delivery time compare two columns of a row.
 */
describe('Olist exports', () => {
  const F = 'olist/journey.yaml';
  it('reads day-first dates in the Sao Paulo zone', () => {
    expectRuns(F);
    const orders = expectCounts(F, 'orders', { read: 11, inPeriod: 9, outside: 2, rejected: 0 });
    expect(orders.time_range).toEqual({ first: '2018-01-01T01:59:00.000Z', last: '2018-02-01T02:00:00.000Z' });
    expectCounts(F, 'payments', { read: 7, inPeriod: 7, outside: 0, rejected: 0 });
    expectCounts(F, 'reviews', { read: 6, inPeriod: 6, outside: 0, rejected: 0 });
  });
  it('computes order, payment and review KPIs', () => {
    expectValues(F, {
      orders: 9,
      delivered_rate: 5 / 9,
      cancel_rate: 1 / 9,
      undelivered: 4,
      delivered_in_january: 4,
      unapproved: 1,
      paid_orders: 5,
      payment_value: 296.4,
      voucher_share: 30 / 296.4,
      split_payments: 1,
      undefined_payments: 1,
      review_rows: 6,
      reviews: 5,
      reviewed_orders: 6,
      review_csat: 0.5,
      late_titles: 1,
      crlf_messages: 1,
    });
  });
});

/*
 * 17 Online Retail (Europe/London, 2011-12; 'M/D/YY H:mm'): 14 lines; 11/30/11 and 1/1/12 outside,
 *   12/10/11 is 10 December -> 12 lines.
 *   sales invoices 581475 581476 581478 581479 581480 581486 581487 = 7; cancellations C581477
 *   C581484 C581485 = 3; units 36+12+1+2-1+1+6+74215-74215-1+24+12 = 92, without POST/M/D 91;
 *   customers 13069 12433 16446 14527 17850 = 5; 2 lines without one.
 *   GAP: revenue is sum(Quantity * UnitPrice): row arithmetic inside an aggregate is not in the language.
 */
describe('Online Retail export', () => {
  const F = 'online_retail/journey.yaml';
  it('reads M/D/YY dates', () => {
    expectRuns(F);
    const source = expectCounts(F, 'lines', { read: 14, inPeriod: 12, outside: 2, rejected: 0 });
    expect(source.time_range).toEqual({ first: '2011-11-30T17:00:00.000Z', last: '2012-01-01T00:00:00.000Z' });
  });
  it('separates sales, cancellations and non-product codes', () => {
    expectValues(F, {
      sales_invoices: 7,
      cancellation_invoices: 3,
      units_all: 92,
      units_products: 91,
      customers: 5,
      anonymous_lines: 2,
      birdie_lines: 2,
      trimmed_lines: 1,
      norway_invoices: 2,
    });
  });
});

/*
 * 18 Telco churn snapshot (no time column): 12 customers, TotalCharges ' ' for the two tenure-0 ones.
 *   churned 3 5 7 11 -> 4/12; month-to-month 1 3 5 7 8 11, churned 4 -> 4/6; seniors 3 7 11 all churned.
 *   TotalCharges over 10 values: 29.85+1889.5+108.15+1840.75+151.65+820.5+1949.4+3487.95+587.45+3505.1
 *   = 14370.3 -> 1437.03; min 29.85 (not 0); retained MRR 29.85+56.95+42.3+52.55+89.1+20.25+56.15+59.9 = 407.05.
 */
describe('Telco churn snapshot', () => {
  const F = 'telco_churn/journey.yaml';
  it('reads a single-space TotalCharges as empty', () => {
    expectRuns(F);
    expectCounts(F, 'customers', { read: 12, inPeriod: 12, outside: 0, rejected: 0 });
  });
  it('computes churn and charges', () => {
    expectValues(F, {
      customers: 12,
      churn_rate: 1 / 3,
      m2m_churn_rate: 2 / 3,
      senior_churn_rate: 1,
      mean_total_charges: 1437.03,
      min_total_charges: 29.85,
      no_total_charges: 2,
      retained_mrr: 407.05,
    });
  });
});

/*
 * 19 Retailrocket (UTC, 2015-06; Unix ms without a format): 13 rows; 1433116799999 (31 May
 *   23:59:59.999) and 1435708800000 (1 July) outside, 1435708799999 inside -> 11.
 *   visitors 1001-1005; viewers 5, carted 1001 1003 1002 -> 3/5; buyers 1001 1002 -> 2/5;
 *   transactions 7001 7002. View rows 6 with the exact duplicate (GAP: no de-duplication of rows).
 */
describe('Retailrocket events export', () => {
  const F = 'retailrocket/journey.yaml';
  it('reads Unix milliseconds', () => {
    expectRuns(F);
    const source = expectCounts(F, 'events', { read: 13, inPeriod: 11, outside: 2, rejected: 0 });
    expect(source.time_range).toEqual({ first: '2015-05-31T23:59:59.999Z', last: '2015-07-01T00:00:00.000Z' });
  });
  it('computes the funnel', () => {
    expectValues(F, { visitors: 5, views: 6, add_to_cart_rate: 3 / 5, conversion: 2 / 5, transactions: 2 });
  });
});
