/**
 * `delighted-nps.json`: Delighted's "list survey responses" API as a JSON
 * array, one NPS answer per account contact: `created_at` in Unix seconds,
 * the account in `person_properties`, and the last response twice (two
 * overlapping page fetches), which the framework's `key: id` drops.
 */
import { writeFile } from 'node:fs/promises';
import type { Random } from '../random.js';
import { quarters, recordTime, seasonAt } from '../seasons.js';
import { B2B_ZONE } from './b2b-contacts.js';

/** Weights of promoters (9-10), passives (7-8) and detractors (0-6). */
const SEASONS = quarters<readonly [number, number, number]>(B2B_ZONE, [0.5, 0.32, 0.18], [0.55, 0.3, 0.15]);
const SCORES = [[9, 10], [7, 8], [0, 6]] as const;
const ACCOUNTS = ['Northwind Traders', 'Contoso, Ltd.', 'Fabrikam', 'Tailspin Toys', 'Woodgrove Bank', 'Litware', 'Adatum', 'Proseware'] as const;

export async function writeNpsSurvey(path: string, count: number, random: Random): Promise<void> {
  const responses = [];
  for (let i = 0; i < count; i++) {
    const created = recordTime(i, count, SEASONS, random) / 1000;
    const weights = seasonAt(SEASONS, created * 1000).mood;
    const [low, high] = random.weighted(weights.map((weight, at) => [SCORES[at]!, weight] as const));
    responses.push({
      id: String(88_100 + i),
      person: String(44_000 + random.int(1, 300)),
      survey_type: 'nps',
      score: random.int(low, high),
      comment: random.chance(0.6) ? null : random.pick(['Great onboarding', 'Support is slow', 'Reporting is "ok"']),
      permalink: `https://delighted.example/r/${88_100 + i}`,
      created_at: created,
      updated_at: created + random.int(0, 600),
      person_properties: { Company: random.pick(ACCOUNTS), Plan: random.pick(['Growth', 'Enterprise']) },
      notes: [],
      tags: [],
      additional_answers: [],
    });
  }
  const last = responses[responses.length - 1];
  if (last !== undefined) responses.push(last);
  await writeFile(path, JSON.stringify(responses, null, 2) + '\n', 'utf8');
}
