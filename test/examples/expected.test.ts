/**
 * The independent KPI computation used to check the engine, checked itself
 * against counts made by hand on the committed example data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { computeEcommerceExpected } from './ecommerce-expected.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/ecommerce');
const DATA = join(EXAMPLE, 'data');
// Quarters in America/New_York (EDT, UTC-4): midnight local is 04:00 UTC.
const Q2 = { start: new Date('2026-04-01T04:00:00Z'), end: new Date('2026-07-01T04:00:00Z') };
const Q3 = { start: new Date('2026-07-01T04:00:00Z'), end: new Date('2026-10-01T04:00:00Z') };

describe('computeEcommerceExpected on the example data, 2026-Q3', () => {
  const kpis = computeEcommerceExpected(DATA, Q3);

  it('counts sessions and checkout steps as a one-line awk does', () => {
    // awk -F, '!/^#/ && $1 >= "2026-07-01T04:00:00Z" && $1 < "2026-10-01T04:00:00Z" {print $2}' ga4-events.csv | sort -u | wc -l  -> 974
    // the same with `$4=="purchase"` -> 17, with `$4=="add_to_cart"` -> 115, with `$4=="begin_checkout"` -> 74
    expect(kpis.sessions).toBe(974);
    expect([kpis.cart_sessions, kpis.checkout_sessions, kpis.purchase_sessions]).toEqual([115, 74, 17]);
    expect(kpis.conversion_rate).toBeCloseTo(17 / 974, 12);
    expect(kpis.cart_abandonment_rate).toBeCloseTo(1 - 17 / 115, 12);
  });

  it('counts orders on their first row only, by local time, without cancelled ones', () => {
    // grep -E '^#[0-9]+,[^,]*,(paid|partially_refunded|refunded),' shopify-orders.csv   (first rows, counted statuses)
    //   | grep -E ',2026-0[789]-[0-9]{2} [0-9:]{8} -0400,[0-9]+,'                        (Created at in Q3, local)
    //   | grep -vE ',2026-[0-9-]{5} [0-9:]{8} -0[45]00,(Shopify Payments|PayPal Express Checkout|Bank Deposit),'  (Cancelled at set)
    // -> 141 orders; their Total (field 12) sums to 26350.81; 12 carry FRIEND15.
    expect(kpis.aov).toBeCloseTo(26350.81 / 141, 9);
    expect(kpis.referral_rate).toBeCloseTo(12 / 141, 12);
  });

  it('merges e-mails that differ only in letter case', () => {
    // cut -d, -f2 of those 141 rows | tr A-Z a-z | sort | uniq -c -> 109 customers, 26 with 2+ orders.
    // Without `tr` it is 110 and 25: Customer-102@Example.com would be a second person.
    expect(kpis.repeat_purchase_rate).toBeCloseTo(26 / 109, 12);
    expect(kpis.purchase_frequency).toBeCloseTo(141 / 109, 12);
  });

  it('scores NPS over the answers given, blanks skipped', () => {
    // awk -F, 'NR>1 && $(NF-1) >= "2026-07-01 04:00:00" && $(NF-1) < "2026-10-01 04:00:00" && $2 != ""' survey-responses.csv
    // -> 99 answers: 59 promoters (9-10), 18 detractors (0-6).
    expect(kpis.net_promoter_score).toBeCloseTo((100 * (59 - 18)) / 99, 12);
  });

  it('tells the story the README describes: busy, engaged, but checkout fails', () => {
    expect(kpis.sessions).toBeGreaterThan(900);
    expect(kpis.engaged_session_rate).toBeGreaterThan(0.62);
    expect(kpis.conversion_rate).toBeLessThan(0.028);
    expect(kpis.cart_abandonment_rate).toBeGreaterThan(0.7);
  });
});

describe('computeEcommerceExpected periods', () => {
  it('filters each source to the period', () => {
    // The Q3 awk above with 2026-04-01T04:00:00Z .. 2026-07-01T04:00:00Z -> 819
    expect(computeEcommerceExpected(DATA, Q2).sessions).toBe(819);
  });

  it('returns null, not NaN, for ratios over an empty period', () => {
    const empty = computeEcommerceExpected(DATA, { start: new Date('2025-01-01T05:00:00Z'), end: new Date('2025-04-01T04:00:00Z') });
    expect(empty.sessions).toBe(0);
    expect(empty.conversion_rate).toBeNull();
    expect(empty.clv).toBeNull();
    expect(empty.net_promoter_score).toBeNull();
  });
});

describe('the ecommerce example', () => {
  it('covers every KPI of the example in the expected computation', () => {
    const framework = parse(readFileSync(join(EXAMPLE, 'journey.yaml'), 'utf8')) as { stages: { kpis: { id: string }[] }[] };
    const ids = framework.stages.flatMap((stage) => stage.kpis.map((kpi) => kpi.id));
    expect(Object.keys(computeEcommerceExpected(DATA, Q3)).sort()).toEqual([...ids].sort());
  });
});
