/**
 * The end of the DuckDB script: the 16 KPIs of examples/ecommerce/
 * journey.yaml over the tables of sql-sources.ts, plus each source's
 * row counts, in one result row. Each KPI's formula is quoted above its SQL.
 */

/** journey.yaml's `period: 2026-Q3` in `timezone: America/New_York`, as wall-clock bounds (end exclusive). */
export const PERIOD = { zone: 'America/New_York', start: '2026-07-01 00:00:00', end: '2026-10-01 00:00:00' } as const;

/** One row: a column per KPI (named by its id) and per source count (`traffic.rows_read`, ...). */
export const KPI_QUERY = `
WITH
-- A source's rows in the period: valid (not rejected) and placed by its time column.
o AS (SELECT * FROM orders WHERE valid AND in_period(created_at)),
s AS (SELECT * FROM survey WHERE valid AND in_period(submitted_at)),
-- counted_orders: financial_status in ('paid', 'partially_refunded', 'refunded') and cancelled_at is null.
-- Continuation rows have no status, so this keeps each counted order's first row only.
counted AS (SELECT * FROM o WHERE financial_status IN ('paid', 'partially_refunded', 'refunded') AND cancelled_at IS NULL),
-- Sessions with rows in the period; a session's having/where parts come from sql-sources.ts's fold.
traffic_kpis AS (
  SELECT count(*) AS sessions,
    -- having sum(engagement_time_sec) >= 10: a session whose seconds are all blank has a null sum, so does not count.
    count(*) FILTER (seconds >= 10) AS engaged,
    count(*) FILTER (carted) AS carts,
    count(*) FILTER (checked_out) AS checkouts,
    count(*) FILTER (purchased) AS purchases,
    sum(product_seconds) / nullif(sum(product_views), 0) AS product_view_duration
  FROM traffic_sessions WHERE rows_in_period > 0),
order_kpis AS (
  SELECT fsum(total) AS revenue,
    count(DISTINCT order_name) AS orders,
    count(DISTINCT customer_email) AS customers,
    count(DISTINCT order_name) FILTER (discount_code = 'FRIEND15') AS referred
  FROM counted),
-- count_distinct(counted_orders.customer_email having count() >= 2)
repeaters AS (SELECT count(*) AS customers FROM (SELECT customer_email FROM counted WHERE customer_email IS NOT NULL GROUP BY 1 HAVING count(*) >= 2)),
-- nps(survey.recommend) and csat(survey.satisfaction, 4): blank answers are null and skipped.
survey_kpis AS (
  SELECT count(recommend) AS answers,
    count(*) FILTER (recommend >= 9) AS promoters,
    count(*) FILTER (recommend <= 6) AS detractors,
    count(satisfaction) AS rated,
    count(*) FILTER (satisfaction >= 4) AS satisfied
  FROM s),
aov AS (SELECT revenue / nullif(orders, 0) AS aov, orders / nullif(customers, 0) AS purchase_frequency FROM order_kpis)
SELECT
  -- sessions: count_distinct(traffic.session_id); no rows in the period => no data (session_id is required)
  nullif(tk.sessions, 0)::DOUBLE AS "sessions",
  -- engaged_session_rate: count_distinct(traffic.session_id having sum(engagement_time_sec) >= 10) / sessions
  tk.engaged / nullif(tk.sessions, 0) AS "engaged_session_rate",
  -- product_view_duration: avg(traffic.engagement_time_sec where event_name = 'view_item')
  tk.product_view_duration AS "product_view_duration",
  -- cart_sessions, checkout_sessions, purchase_sessions: count_distinct(traffic.session_id where event_name = 'add_to_cart'),
  -- 'begin_checkout', 'purchase'; 0 when traffic has rows in the period but none match, no data when it has none
  (CASE WHEN tk.sessions > 0 THEN tk.carts END)::DOUBLE AS "cart_sessions",
  (CASE WHEN tk.sessions > 0 THEN tk.checkouts END)::DOUBLE AS "checkout_sessions",
  (CASE WHEN tk.sessions > 0 THEN tk.purchases END)::DOUBLE AS "purchase_sessions",
  -- add_to_cart_rate: cart_sessions / sessions
  tk.carts / nullif(tk.sessions, 0) AS "add_to_cart_rate",
  -- conversion_rate: purchase_sessions / sessions
  tk.purchases / nullif(tk.sessions, 0) AS "conversion_rate",
  -- cart_abandonment_rate: 1 - purchase_sessions / cart_sessions
  1 - tk.purchases / nullif(tk.carts, 0) AS "cart_abandonment_rate",
  -- aov: sum(counted_orders.total) / count_distinct(counted_orders.order_name)
  aov.aov AS "aov",
  -- repeat_purchase_rate: count_distinct(counted_orders.customer_email having count() >= 2) / count_distinct(counted_orders.customer_email)
  repeaters.customers / nullif(ok.customers, 0) AS "repeat_purchase_rate",
  -- purchase_frequency: count_distinct(counted_orders.order_name) / count_distinct(counted_orders.customer_email)
  aov.purchase_frequency AS "purchase_frequency",
  -- clv: aov * purchase_frequency * 8
  aov.aov * aov.purchase_frequency * 8 AS "clv",
  -- net_promoter_score: nps(survey.recommend) = (% answers 9-10) - (% answers 0-6)
  (sk.promoters - sk.detractors) * 100 / nullif(sk.answers, 0) AS "net_promoter_score",
  -- customer_satisfaction: csat(survey.satisfaction, 4) = share of answers >= 4
  sk.satisfied / nullif(sk.rated, 0) AS "customer_satisfaction",
  -- referral_rate: count_distinct(counted_orders.order_name where discount_code = 'FRIEND15') / count_distinct(counted_orders.order_name)
  ok.referred / nullif(ok.orders, 0) AS "referral_rate",
  ${trafficCounts()},
  ${sourceCounts('orders', 'created_at')},
  ${sourceCounts('survey', 'submitted_at')}
FROM traffic_kpis tk, order_kpis ok, repeaters, survey_kpis sk, aov;`;

/** Traffic's counts, summed over its sessions. */
function trafficCounts(): string {
  const counts = ['rows_read', 'rows_rejected', 'rows_in_period'];
  return counts.map((count) => `(SELECT sum(${count}) FROM traffic_sessions)::DOUBLE AS "traffic.${count}"`).join(',\n  ');
}

/** A source's rows read, rejected and in the period, to compare with the report's `sources`. */
function sourceCounts(table: string, time: string): string {
  return [
    `(SELECT count(*) FROM ${table})::DOUBLE AS "${table}.rows_read"`,
    // Rows outside the period are placed by their time alone, never rejected for their other cells.
    `(SELECT count(*) FILTER (NOT valid AND NOT outside_period(${time})) FROM ${table})::DOUBLE AS "${table}.rows_rejected"`,
    `(SELECT count(*) FILTER (valid AND in_period(${time})) FROM ${table})::DOUBLE AS "${table}.rows_in_period"`,
  ].join(',\n  ');
}
