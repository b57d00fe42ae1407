/** The support team's exports: Zendesk tickets and the effort survey, each from its own seeded stream. */
import { join } from 'node:path';
import { Random } from '../random.js';
import { writeEffortSurvey } from './service-survey.js';
import { writeServiceTickets } from './service-tickets.js';

export const SERVICE_FILES = { tickets: 'zendesk-tickets.csv', effort: 'surveymonkey-effort.csv' } as const;

export async function writeService(dir: string, seed: number): Promise<void> {
  await writeServiceTickets(join(dir, SERVICE_FILES.tickets), 600, new Random(seed));
  await writeEffortSurvey(join(dir, SERVICE_FILES.effort), 260, new Random(seed + 1));
}
