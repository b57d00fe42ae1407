/** The app team's exports: Amplitude events and Google Play reviews. */
import { join } from 'node:path';
import { Random } from '../random.js';
import { writeAppEvents } from './digital-first-events.js';
import { writePlayReviews } from './digital-first-reviews.js';

export const DIGITAL_FIRST_FILES = { events: 'amplitude-events.jsonl', reviews: 'play-reviews.csv' } as const;

export async function writeDigitalFirst(dir: string, seed: number): Promise<void> {
  await writeAppEvents(join(dir, DIGITAL_FIRST_FILES.events), 1500, 250, new Random(seed), new Random(seed + 2));
  await writePlayReviews(join(dir, DIGITAL_FIRST_FILES.reviews), 220, new Random(seed + 1));
}
