/**
 * `play-reviews.csv`: the Google Play Console's monthly reviews report,
 * as Google writes it: UTF-16 little-endian with a byte-order mark. A
 * buggy summer release brings more one-star reviews.
 */
import { writeFile } from 'node:fs/promises';
import { csvLine } from '../csv-writer.js';
import { isoUtc } from '../clock.js';
import type { Random } from '../random.js';
import { quarters, recordTime, seasonAt } from '../seasons.js';
import { DIGITAL_ZONE } from './digital-first-events.js';

/** Weights of 1 to 5 stars. */
const SEASONS = quarters<readonly number[]>(DIGITAL_ZONE, [6, 3, 6, 25, 60], [16, 6, 8, 22, 48]);
const HEADER = [
  'Package Name', 'App Version Code', 'App Version Name', 'Reviewer Language', 'Device', 'Review Submit Date and Time',
  'Review Submit Millis Since Epoch', 'Review Last Update Date and Time', 'Review Last Update Millis Since Epoch', 'Star Rating',
  'Review Title', 'Review Text', 'Developer Reply Date and Time', 'Developer Reply Millis Since Epoch', 'Developer Reply Text', 'Review Link',
];
const TEXTS = ['', 'Love the savings pots', 'Crashes since the update, "Card Frozen" never loads', 'Clean, simple, works'] as const;

export async function writePlayReviews(path: string, count: number, random: Random): Promise<void> {
  let text = csvLine(HEADER);
  for (let i = 0; i < count; i++) {
    const at = recordTime(i, count, SEASONS, random);
    const stars = random.weighted(seasonAt(SEASONS, at).mood.map((weight, index) => [index + 1, weight] as const));
    const version = at < SEASONS[1]!.start ? ['412', '4.12.0'] : ['430', '4.30.1'];
    text += csvLine([
      'com.pocketwise.app', ...version, random.pick(['en', 'nl', 'de']), random.pick(['a52q', 'OnePlus8', 'panther']), isoUtc(at), String(at),
      isoUtc(at), String(at), String(stars), '', random.pick(TEXTS), '', '', '', '',
    ]);
  }
  await writeFile(path, Buffer.from(`\uFEFF${text}`, 'utf16le'));
}
