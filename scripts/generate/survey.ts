/**
 * `survey-responses.csv`: a Typeform results download. The first column is
 * literally `#` (a response token), questions are the headers, times are
 * UTC without a zone marker, and unanswered questions are blank.
 */
import { CsvFile } from './csv-writer.js';
import { naiveUtc } from './clock.js';
import type { Random } from './random.js';
import { QUARTERS, instantAt, quarterAt } from './scenario.js';

export const RECOMMEND_QUESTION = 'How likely are you to recommend us to a friend? (0-10)';
export const SATISFACTION_QUESTION = 'How satisfied are you with your purchase? (1-5)';

export const SURVEY_HEADER = [
  '#',
  RECOMMEND_QUESTION,
  SATISFACTION_QUESTION,
  'What is the main reason for your score?',
  'Which of these did you buy?',
  'Start Date (UTC)',
  'Submit Date (UTC)',
  'Network ID',
] as const;

const REASONS = [
  'Great gear, fast shipping',
  'Checkout kept failing on my phone',
  'The tent is "bombproof" - loved it',
  'Prices are a bit high',
  'Helpful size guide',
  '',
] as const;

const BOUGHT = ['Tents', 'Backpacks', 'Clothing', 'Camp kitchen', 'Accessories'] as const;

type Bucket = 'promoter' | 'passive' | 'detractor';

type Range = readonly [number, number];

/** Likelihood to recommend (0-10) and satisfaction (1-5) ranges per bucket. */
const SCORES: Record<Bucket, { readonly recommend: Range; readonly satisfaction: Range }> = {
  promoter: { recommend: [9, 10], satisfaction: [4, 5] },
  passive: { recommend: [7, 8], satisfaction: [3, 5] },
  detractor: { recommend: [0, 6], satisfaction: [1, 4] },
};

export async function writeSurvey(path: string, count: number, random: Random): Promise<void> {
  const file = new CsvFile(path);
  await file.row(SURVEY_HEADER);
  // One respondent opened the form and submitted it without answering anything.
  const emptyResponse = Math.floor(count * 0.8);
  for (let i = 0; i < count; i++) {
    const submitted = Math.floor(instantAt((i + random.next()) / count, QUARTERS) / 1000) * 1000;
    const answers = i === emptyResponse ? ['', '', '', ''] : answerCells(submitted, random);
    const started = submitted - random.int(40, 600) * 1000;
    await file.row([random.hex(32), ...answers, naiveUtc(started), naiveUtc(submitted), random.hex(10)]);
  }
  await file.close();
}

function answerCells(submitted: number, random: Random): string[] {
  const [promoter, passive, detractor] = quarterAt(submitted).sentiment;
  const bucket: Bucket = random.weighted([['promoter', promoter], ['passive', passive], ['detractor', detractor]]);
  const scores = SCORES[bucket];
  const recommend = random.chance(0.05) ? '' : String(random.int(scores.recommend[0], scores.recommend[1]));
  const satisfaction = random.chance(0.08) ? '' : String(random.int(scores.satisfaction[0], scores.satisfaction[1]));
  return [recommend, satisfaction, random.pick(REASONS), boughtCell(random)];
}

/** Typeform joins multiple choices with ` / `. */
function boughtCell(random: Random): string {
  return BOUGHT.filter(() => random.chance(0.3)).join(' / ');
}
