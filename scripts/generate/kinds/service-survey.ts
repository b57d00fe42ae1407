/**
 * `surveymonkey-effort.csv`: SurveyMonkey's "All responses data" export
 * (numerical values) of the effort question sent after each solved ticket:
 * a byte-order mark, CRLF line ends, two header rows, US dates with AM/PM
 * in the account's zone. 1 is very little effort, so lower is better.
 */
import { epochToZoned } from '../../../src/core/time.js';
import { CsvFile } from '../csv-writer.js';
import type { Random } from '../random.js';
import { quarters, recordTime, seasonAt } from '../seasons.js';
import { SERVICE_ZONE } from './service-tickets.js';

export const EFFORT_QUESTION = 'How much effort did you personally have to put forth to get your issue resolved? (1 = very little, 7 = a great deal)';

/** Weights of the answers 1 to 7. */
const SEASONS = quarters<readonly number[]>(SERVICE_ZONE, [30, 28, 20, 10, 6, 4, 2], [16, 18, 20, 17, 13, 9, 7]);

const COMMENTS = ['', '', 'Had to explain it twice', 'Quick and friendly', 'The reply did not answer my question, so I wrote again', 'Fine'] as const;

export async function writeEffortSurvey(path: string, count: number, random: Random): Promise<void> {
  const file = new CsvFile(path, { lineEnd: '\r\n', bom: true });
  await file.row(['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'First Name', 'Last Name', 'Custom Data 1', EFFORT_QUESTION, 'What could we have done better?']);
  await file.row(['', '', '', '', '', '', '', '', '', 'Response', 'Open-Ended Response']);
  for (let i = 0; i < count; i++) {
    const ended = recordTime(i, count, SEASONS, random);
    const weights = seasonAt(SEASONS, ended).mood;
    const effort = random.chance(0.04) ? '' : String(random.weighted(weights.map((weight, at) => [at + 1, weight] as const)));
    const started = ended - random.int(20, 300) * 1000;
    await file.row([
      String(118_400_000_000 + i * 7 + random.int(0, 6)), '432198765', usTime(started), usTime(ended), '', '', '', '', String(10_001 + random.int(0, 599)),
      effort, random.pick(COMMENTS),
    ]);
  }
  await file.close();
}

/** `07/03/2026 02:05:11 PM`. */
function usTime(epochMs: number): string {
  const local = epochToZoned(epochMs, SERVICE_ZONE);
  const two = (n: number) => String(n).padStart(2, '0');
  const hour12 = local.hour % 12 === 0 ? 12 : local.hour % 12;
  return `${two(local.month)}/${two(local.day)}/${local.year} ${two(hour12)}:${two(local.minute)}:${two(local.second)} ${local.hour < 12 ? 'AM' : 'PM'}`;
}
