/** The B2B sales team's exports: HubSpot contacts and deals, the accounts' NPS survey, and their Stripe invoices. */
import { join } from 'node:path';
import { Random } from '../random.js';
import { writeContacts } from './b2b-contacts.js';
import { writeInvoices } from './b2b-invoices.js';
import { writeDeals } from './b2b-deals.js';
import { writeNpsSurvey } from './b2b-survey.js';

export const B2B_FILES = { contacts: 'hubspot-contacts.csv', deals: 'hubspot-deals.csv', nps: 'delighted-nps.json', invoices: 'stripe-invoices.csv' } as const;

export async function writeB2b(dir: string, seed: number): Promise<void> {
  await writeContacts(join(dir, B2B_FILES.contacts), 900, new Random(seed));
  await writeDeals(join(dir, B2B_FILES.deals), 260, new Random(seed + 1));
  await writeNpsSurvey(join(dir, B2B_FILES.nps), 160, new Random(seed + 2));
  await writeInvoices(join(dir, B2B_FILES.invoices), 90, new Random(seed + 3));
}
