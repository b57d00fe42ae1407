/**
 * The middle of the DuckDB script: the three exports read as text, typed
 * by sql-cells.ts's macros as examples/ecommerce/journey.yaml declares
 * them, each row flagged `valid` when every declared column
 * converts and meets its constraints. Invalid rows are left out of every
 * KPI, as the loader rejects them. Written from the framework's rules, not
 * from journey-kpi's code, so the value check compares two computations.
 *
 * Not mirrored, because the exports never contain them: records with
 * fewer fields than the header (DuckDB stops with an error; journey-kpi
 * rejects the row), Unix times in datetime columns, and whitespace other
 * than spaces around cells.
 */

export interface CsvInput {
  readonly path: string;
  /** Lines above the header: the `#` preamble of an analytics export. */
  readonly skip: number;
}

function readCsv({ path, skip }: CsvInput): string {
  // Every column as text, typed by the macros; the dialect is fixed, not sniffed. Extra fields are
  // ignored (strict_mode = false), as journey-kpi ignores them.
  const literal = `'${path.replaceAll("'", "''")}'`;
  return `read_csv(${literal}, header = true, skip = ${skip}, all_varchar = true, delim = ',', quote = '"', escape = '"', strict_mode = false)`;
}

/**
 * Traffic, the large export, is folded into one row per session while it is
 * read, so DuckDB never holds the events (journey-kpi does not either): what
 * the KPIs need of a session, over its rows kept (valid and in the period).
 */
export function trafficSessionsTable(input: CsvInput): string {
  return `
CREATE TEMP TABLE traffic_sessions AS
WITH typed AS (
  SELECT *, datetime_cell("Event Time") AS event_time, text_cell("Session ID") AS session_id,
    text_cell("Event Name") AS event_name, text_cell("Device Category") AS device_category,
    number_cell("Engagement Time (sec)") AS engagement_time_sec
  FROM ${readCsv(input)}
), checked AS (
  SELECT session_id, event_name, engagement_time_sec, event_time,
    converts("Event Time", event_time) AND converts("Engagement Time (sec)", engagement_time_sec)
    AND event_time IS NOT NULL AND session_id IS NOT NULL AND event_name IS NOT NULL -- required
    AND event_name IN ('page_view', 'view_item', 'add_to_cart', 'begin_checkout', 'purchase')
    AND coalesce(device_category IN ('desktop', 'mobile', 'tablet'), true)
    AND coalesce(engagement_time_sec >= 0, true) AS valid
  FROM typed
), kept AS (SELECT *, valid AND in_period(event_time) AS kept FROM checked)
-- Rejected rows may lack a session id: they all land in the null group, which no KPI counts.
SELECT session_id, count(*) AS rows_read, count(*) FILTER (NOT valid AND NOT outside_period(event_time)) AS rows_rejected,
  count(*) FILTER (kept) AS rows_in_period,
  sum(engagement_time_sec) FILTER (kept) AS seconds,
  bool_or(event_name = 'add_to_cart') FILTER (kept) AS carted,
  bool_or(event_name = 'begin_checkout') FILTER (kept) AS checked_out,
  bool_or(event_name = 'purchase') FILTER (kept) AS purchased,
  fsum(engagement_time_sec) FILTER (kept AND event_name = 'view_item') AS product_seconds,
  count(engagement_time_sec) FILTER (kept AND event_name = 'view_item') AS product_views
FROM kept GROUP BY session_id;`;
}

export function ordersTable(input: CsvInput): string {
  const money = ['Subtotal', 'Total', 'Refunded Amount', 'Lineitem price'];
  return `
CREATE TEMP TABLE orders AS
WITH typed AS (
  SELECT *, text_cell("Name") AS order_name, text_cell(lower(trim("Email"))) AS customer_email,
    text_cell("Financial Status") AS financial_status, datetime_cell("Created at") AS created_at,
    datetime_cell("Cancelled at") AS cancelled_at,
    text_cell(trim("Discount Code")) AS discount_code, integer_cell("Lineitem quantity") AS quantity,
    text_cell("Billing Zip") AS billing_zip
  FROM ${readCsv(input)}
)
-- "Total" is converted here: DuckDB's names ignore case, so a typed total next to it would be ambiguous.
SELECT order_name, customer_email, financial_status, created_at, cancelled_at, money_cell("Total") AS total, discount_code,
  converts("Created at", created_at) AND converts("Cancelled at", cancelled_at)
  AND converts("Lineitem quantity", quantity) AND coalesce(quantity >= 1, true)
  ${money.map((column) => `AND converts("${column}", money_cell("${column}")) AND coalesce(money_cell("${column}") >= 0, true)`).join('\n  ')}
  AND order_name IS NOT NULL AND created_at IS NOT NULL -- required
  AND coalesce(financial_status IN ('pending', 'authorized', 'partially_paid', 'paid', 'partially_refunded', 'refunded', 'voided'), true)
  AND coalesce(regexp_full_match(billing_zip, '\\d{5}(-\\d{4})?'), true) AS valid
FROM typed;`;
}

export function surveyTable(input: CsvInput): string {
  const recommend = '"How likely are you to recommend us to a friend? (0-10)"';
  const satisfaction = '"How satisfied are you with your purchase? (1-5)"';
  return `
CREATE TEMP TABLE survey AS
WITH typed AS (
  SELECT *, text_cell("#") AS response_id, integer_cell(${recommend}) AS recommend,
    integer_cell(${satisfaction}) AS satisfaction, utc_datetime_cell("Submit Date (UTC)") AS submitted_at
  FROM ${readCsv(input)}
)
SELECT recommend, satisfaction, submitted_at,
  converts(${recommend}, recommend) AND converts(${satisfaction}, satisfaction)
  AND converts("Submit Date (UTC)", submitted_at)
  AND response_id IS NOT NULL AND submitted_at IS NOT NULL -- required
  AND coalesce(recommend BETWEEN 0 AND 10, true) AND coalesce(satisfaction BETWEEN 1 AND 5, true) AS valid
FROM typed;`;
}
