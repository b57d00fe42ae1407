/**
 * The start of the DuckDB script: the session's zone and one macro per
 * column type, turning cell text into a typed value (null when it does not
 * convert) the way journey-kpi's loader does (src/load/data/convert.ts's
 * rules, restated in SQL).
 */
import { PERIOD } from './sql-kpis.js';

/** Digits with optional well-formed thousands groups, as parseNumber accepts them (`1,234.5`, `.5`, `1e3`). */
const PLAIN_NUMBER = String.raw`[+-]?(?:(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?`;
/** A time of day followed by an offset or zone letters: such a text is an instant whatever the column's zone. */
const HAS_OFFSET = String.raw`:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*(?:[zZ]|UTC|GMT|[+-]\d{2}(?::?\d{2})?)$`;

export const MACROS = String.raw`
-- Timestamps without an offset are read in the framework's zone.
SET TimeZone = '${PERIOD.zone}';
-- A string cell: empty is null; trimmed and lower-cased only where the column says so.
CREATE TEMP MACRO text_cell(t) AS nullif(t, '');
CREATE TEMP MACRO blank(t) AS coalesce(trim(t), '') = '';
CREATE TEMP MACRO number_cell(t) AS
  CASE WHEN regexp_full_match(trim(t), '${PLAIN_NUMBER}') THEN CAST(replace(trim(t), ',', '') AS DOUBLE) END;
-- money: a plain number, or one with currency symbols or codes ($12.50, USD 12.50) and accounting negatives ((12.50)).
CREATE TEMP MACRO money_text(t) AS regexp_replace(trim(regexp_replace(regexp_replace(regexp_replace(trim(t),
  '[$£€¥₹₩₽₺₪¢]', '', 'g'), '^([+-]?)\s*[A-Za-z]{1,3}\.?\s*', '\1'), '\s*[A-Za-z]{1,3}$', '')), '^([+-])\s+', '\1');
CREATE TEMP MACRO money_cell(t) AS coalesce(number_cell(t), CASE
  WHEN regexp_full_match(trim(t), '\((.*)\)') THEN -number_cell(money_text(regexp_extract(trim(t), '^\((.*)\)$', 1)))
  ELSE number_cell(money_text(t)) END);
-- integer: a number that is whole and safe (5.0 is 5).
CREATE TEMP MACRO integer_cell(t) AS
  CASE WHEN number_cell(t) = trunc(number_cell(t)) AND abs(number_cell(t)) <= 9007199254740991 THEN number_cell(t) END;
-- ISO-8601, Shopify's '2026-07-03 14:05:11 -0400' included (DuckDB wants no space before the offset).
CREATE TEMP MACRO datetime_cell(t) AS try_cast(regexp_replace(trim(t), '\s+([+-]\d{2}(?::?\d{2})?)$', '\1') AS TIMESTAMPTZ);
-- A column declared timezone: UTC reads its offset-less times in UTC instead.
CREATE TEMP MACRO utc_datetime_cell(t) AS
  CASE WHEN regexp_matches(trim(t), '${HAS_OFFSET}') THEN datetime_cell(t) ELSE timezone('UTC', try_cast(trim(t) AS TIMESTAMP)) END;
-- A cell converts when it is blank (null) or its typed value is not null.
CREATE TEMP MACRO converts(t, v) AS blank(t) OR v IS NOT NULL;
CREATE TEMP MACRO in_period(t) AS
  t >= timezone('${PERIOD.zone}', TIMESTAMP '${PERIOD.start}') AND t < timezone('${PERIOD.zone}', TIMESTAMP '${PERIOD.end}');
-- A row whose time reads and lies outside the period (rows without a readable time are never outside).
CREATE TEMP MACRO outside_period(t) AS coalesce(NOT in_period(t), false);
`;
