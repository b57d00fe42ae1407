/**
 * The second computations of the journey kinds' KPIs, checked themselves
 * against counts made by hand (awk, python's csv) on the committed data.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeB2bExpected } from './b2b-expected.js';
import { computeDigitalFirstExpected } from './digital-first-expected.js';
import { Q3_DAYS } from './plain.js';
import { computeProductLedExpected } from './product-led-expected.js';
import { computeServiceExpected } from './service-expected.js';
import { computeSmallBusinessExpected } from './small-business-expected.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');

describe('computeServiceExpected, 2026-Q3', () => {
  const kpis = computeServiceExpected(join(EXAMPLES, 'service/data'), Q3_DAYS);

  it('counts solved tickets with one reply and no reopen', () => {
    // awk -F, 'NR>1 && $17 >= "2026-07-01" && $17 < "2026-10-01" && ($13=="solved"||$13=="closed")
    //   {n++; if ($29==1 && $28==0) f++; if ($28>0) r++} END {print n, f, r}' zendesk-tickets.csv  -> 303 144 46
    expect(kpis.first_contact_resolution).toBeCloseTo(144 / 303, 12);
    expect(kpis.reopen_rate).toBeCloseTo(46 / 303, 12);
  });

  it('takes the SLA share over answered tickets only', () => {
    // the same awk over all 330 Q3 tickets with $30 != "": 326 answered, 284 of them in 240 minutes or less
    expect(kpis.first_response_sla).toBeCloseTo(284 / 326, 12);
  });
});

describe('computeB2bExpected, 2026-Q3', () => {
  const kpis = computeB2bExpected(join(EXAMPLES, 'b2b/data'), Q3_DAYS);

  it('follows the contacts created in the period through the stages', () => {
    // python: csv.DictReader(open('hubspot-contacts.csv', encoding='utf-8-sig')), Create Date in ['2026-07-01', '2026-10-01'):
    //   558 contacts, 246 with an MQL date, 66 with an SQL date
    expect(kpis.new_leads).toBe(558);
    expect(kpis.lead_to_mql).toBeCloseTo(246 / 558, 12);
    expect(kpis.mql_to_sql).toBeCloseTo(66 / 246, 12);
  });

  it('decides win rate and deal size on the deals closed in the period, skipping a blank amount', () => {
    // the same over hubspot-deals.csv by Close Date: 29 Closed Won, 47 Closed Lost; 28 won with an amount, summing to 611000
    expect(kpis.win_rate).toBeCloseTo(29 / 76, 12);
    expect(kpis.average_deal_size).toBeCloseTo(611000 / 28, 9);
  });

  it('compares the paid invoices of each customer with the quarter before', () => {
    // python: csv.DictReader(open('stripe-invoices.csv')), Status == 'paid', Date (UTC) in Chicago's quarters
    //   (Q2 = ['2026-04-01 05:00:00', '2026-07-01 05:00:00'), Q3 from there to '2026-10-01 05:00:00'), Amount Paid per Customer:
    //   82 customers paid in Q2, 398520.00 in all; 14 of them paid nothing in Q3; the 82 paid 432000.00 in Q3
    expect(kpis.logo_churn).toBeCloseTo(14 / 82, 12);
    expect(kpis.net_revenue_retention).toBeCloseTo(432000 / 398520, 12);
  });
});

describe('computeSmallBusinessExpected, 2026-Q3', () => {
  const kpis = computeSmallBusinessExpected(join(EXAMPLES, 'small-business/data'), Q3_DAYS);

  it('reads day-first dates and decimal-comma euros', () => {
    // python: csv.DictReader(open('orders-sheet.csv')), Date[6:10] + Date[3:5] in 202607..202609:
    //   420 orders; Total with ' €' dropped and ',' as '.' sums to 11358.59
    expect(kpis.orders).toBe(420);
    expect(kpis.revenue).toBeCloseTo(11358.59, 6);
  });

  it('counts card holders seen twice or more among those seen', () => {
    // the same rows: 87 distinct non-blank Customer, 25 of them on 2+ orders
    expect(kpis.returning_customers).toBeCloseTo(25 / 87, 12);
  });
});

describe('computeDigitalFirstExpected, 2026-Q3', () => {
  const kpis = computeDigitalFirstExpected(join(EXAMPLES, 'digital-first/data'), Q3_DAYS);

  it('places UTC event times in the Amsterdam quarter', () => {
    // python: json lines with '2026-06-30 22:00:00' <= event_time < '2026-09-30 22:00:00' (midnight CEST):
    //   127 Application Installed events, 258 distinct session_id on the Web
    expect(kpis.installs).toBe(127);
    expect(kpis.web_visits).toBe(258);
  });

  it('counts app users per Amsterdam day and follows the installs to a return N days or more later', () => {
    // the same lines, platform != 'Web': 527 distinct (day of event_time + 2 hours, user_id) pairs among 145 users, over 92 days;
    //   127 users installed in the quarter, 31 of them with an app event >= 7 days after the install, 24 >= 30 days after
    expect(kpis.stickiness).toBeCloseTo(527 / 92 / 145, 12);
    expect(kpis.retention_d7).toBeCloseTo(31 / 127, 12);
    expect(kpis.retention_d30).toBeCloseTo(24 / 127, 12);
  });
});

describe('computeProductLedExpected, 2026-Q3', () => {
  it('counts signed-in users once per $insert_id, anonymous events left out', () => {
    // python: signups.csv with '2026-07-01' <= created_at < '2026-10-01': 520;
    //   mixpanel lines, first of each $insert_id, 1782864000 <= time < 1790812800 (the quarter in Unix seconds):
    //   586 distinct $user_id, 134 of them with an Automation Created event
    const kpis = computeProductLedExpected(join(EXAMPLES, 'product-led/data'), Q3_DAYS);
    expect(kpis.signups).toBe(520);
    expect(kpis.active_users).toBe(586);
    expect(kpis.automation_adoption).toBeCloseTo(134 / 586, 12);
  });

  it('follows the sign-ups to their first automation and first paid invoice, and paid accounts from Q2', () => {
    // python: the Q3 sign-ups (520), the first Automation Created of the same $user_id at or after created_at:
    //   128 got there, 34 of them within 7 days (7 x 24 hours included), the median of their days is 12;
    //   the first paid invoice per 'account_id (metadata)' in stripe-invoices.csv: 15 within 30 days of signing up;
    //   paid invoices by Date (UTC): 23 accounts paid in Q2 (4728.00 in all), 6 of them nothing in Q3,
    //   the others' growth where they grew adds up to 540.00
    const kpis = computeProductLedExpected(join(EXAMPLES, 'product-led/data'), Q3_DAYS);
    expect(kpis.activation).toBeCloseTo(34 / 520, 12);
    expect(kpis.time_to_value).toBe(12);
    expect(kpis.free_to_paid).toBeCloseTo(15 / 520, 12);
    expect(kpis.paid_churn).toBeCloseTo(6 / 23, 12);
    expect(kpis.revenue_expansion).toBeCloseTo(540 / 4728, 12);
  });
});
