/**
 * A second, plain computation of every KPI in examples/service/journey.yaml,
 * from the CSV files. Zendesk and SurveyMonkey write wall-clock times in the
 * account's zone (the framework's too), so the period is a range of local
 * days. Solved means status solved or closed.
 */
import { join } from 'node:path';
import { field, mean, numbers, onDays, ratio, readCsv, readCsvRows, type LocalDays } from './plain.js';

const SLA_MINUTES = 240;
/** SurveyMonkey columns by position: End Date, then the effort answer. */
const END_DATE = 3;
const EFFORT = 9;

export function computeServiceExpected(dataDir: string, days: LocalDays): Record<string, number | null> {
  const tickets = readCsv(join(dataDir, 'zendesk-tickets.csv')).filter((r) => onDays(field(r, 'Created at'), days));
  const resolved = tickets.filter((r) => ['solved', 'closed'].includes(field(r, 'Status')));
  const answered = numbers(tickets.map((r) => field(r, 'First reply time in minutes')));
  const ratings = tickets.map((r) => field(r, 'Satisfaction Score')).filter((s) => s === 'Good' || s === 'Bad');
  const effort = readCsvRows(join(dataDir, 'surveymonkey-effort.csv'), 2).filter((cells) => onDays(usToLocal(cells[END_DATE]!), days));
  const count = (records: typeof tickets, test: (r: (typeof tickets)[number]) => boolean) => records.filter(test).length;

  return {
    first_response_sla: ratio(answered.filter((minutes) => minutes <= SLA_MINUTES).length, answered.length),
    open_backlog: count(tickets, (r) => ['new', 'open', 'pending'].includes(field(r, 'Status'))),
    first_contact_resolution: ratio(count(resolved, (r) => field(r, 'Replies') === '1' && field(r, 'Reopens') === '0'), resolved.length),
    average_handling_time: mean(numbers(resolved.map((r) => field(r, 'Total time spent (sec)')))),
    reopen_rate: ratio(count(resolved, (r) => Number(field(r, 'Reopens')) > 0), resolved.length),
    csat: ratio(ratings.filter((s) => s === 'Good').length, ratings.length),
    customer_effort: mean(numbers(effort.map((cells) => cells[EFFORT]!.trim()))),
  };
}

/** `07/03/2026 02:05:11 PM` to `2026-07-03 14:05:11`. */
function usToLocal(text: string): string {
  const match = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d):(\d\d) (AM|PM)$/.exec(text);
  if (!match) throw new Error(`not a SurveyMonkey date: '${text}'`);
  const [, month, day, year, hour, minute, second, half] = match;
  const hour24 = (Number(hour) % 12) + (half === 'PM' ? 12 : 0);
  return `${year}-${month}-${day} ${String(hour24).padStart(2, '0')}:${minute}:${second}`;
}
