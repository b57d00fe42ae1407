/**
 * `zendesk-tickets.csv`: a Zendesk Support legacy CSV ticket export (41
 * columns, then the Time Tracking app's field), times written in the
 * account's zone without an offset. Q3's team answers faster and closes
 * quicker, but more tickets take a second reply or come back reopened.
 */
import { CsvFile } from '../csv-writer.js';
import { DAY, MINUTE, wallClock } from '../clock.js';
import type { Random } from '../random.js';
import { quarters, recordTime, seasonAt } from '../seasons.js';

export const SERVICE_ZONE = 'Europe/London';

const HEADER = [
  'Summation column', 'Id', 'Requester', 'Requester id', 'Requester external id', 'Requester email', 'Requester domain', 'Submitter',
  'Assignee', 'Group', 'Subject', 'Tags', 'Status', 'Priority', 'Via', 'Ticket type', 'Created at', 'Updated at', 'Assigned at',
  'Organization', 'Due date', 'Initially assigned at', 'Solved at', 'Resolution time', 'Satisfaction Score', 'Group stations',
  'Assignee stations', 'Reopens', 'Replies', 'First reply time in minutes', 'First reply time in minutes within business hours',
  'First resolution time in minutes', 'First resolution time in minutes within business hours', 'Full resolution time in minutes',
  'Full resolution time in minutes within business hours', 'Agent wait time in minutes', 'Agent wait time in minutes within business hours',
  'Requester wait time in minutes', 'Requester wait time in minutes within business hours', 'On hold time in minutes',
  'On hold time in minutes within business hours', 'Total time spent (sec)',
] as const;
type Column = (typeof HEADER)[number];

interface Mood {
  /** Chance the first reply comes within the 4-hour SLA. */
  readonly withinSla: number;
  /** Chance a solved ticket needed a single reply. */
  readonly oneReply: number;
  readonly reopen: number;
  /** Agent seconds on a ticket with one reply; each further reply adds a third of it. */
  readonly handleSeconds: readonly [number, number];
  /** Chance a rated ticket is rated Good. */
  readonly good: number;
}

const SEASONS = quarters<Mood>(
  SERVICE_ZONE,
  { withinSla: 0.64, oneReply: 0.74, reopen: 0.05, handleSeconds: [420, 900], good: 0.88 },
  { withinSla: 0.86, oneReply: 0.6, reopen: 0.13, handleSeconds: [300, 660], good: 0.8 },
);
const LAST_INSTANT = SEASONS[1]!.end;

const SUBJECTS = ['Where is my order #4821?', 'Refund request', 'Can\'t log in', 'Invoice "copy" needed', 'Change delivery address', 'Item arrived damaged'] as const;
const VIA = [['Web form', 40], ['Email', 30], ['Chat', 20], ['Phone call (incoming)', 10]] as const;
const AGENTS = ['Aoife Byrne', 'Tom Hale', 'Priya Shah', 'Sam Okafor'] as const;

export async function writeServiceTickets(path: string, count: number, random: Random): Promise<void> {
  const file = new CsvFile(path);
  await file.row(HEADER);
  for (let i = 0; i < count; i++) {
    const cells = ticket(10_001 + i, recordTime(i, count, SEASONS, random, MINUTE), random);
    await file.row(HEADER.map((column) => cells[column] ?? ''));
  }
  await file.close();
}

/** Tickets of the last ten days are often still open when the export is taken, at the end of Q3. */
function ticket(id: number, created: number, random: Random): Partial<Record<Column, string>> {
  const mood = seasonAt(SEASONS, created).mood;
  const unsolved = random.chance(created > LAST_INSTANT - 10 * DAY ? 0.55 : 0.02);
  const status = unsolved ? random.weighted([['new', 2], ['open', 5], ['pending', 3]] as const) : created < LAST_INSTANT - 20 * DAY ? 'closed' : 'solved';
  const replies = status === 'new' ? 0 : unsolved ? random.int(1, 2) : random.chance(mood.oneReply) ? 1 : random.int(2, 4);
  const firstReply = random.chance(mood.withinSla) ? random.int(3, 240) : random.int(241, 1800);
  const handle = random.int(...mood.handleSeconds);
  const solvedAt = Math.min(created + (firstReply + random.int(30, 4000)) * MINUTE, LAST_INSTANT - MINUTE);
  const agent = random.pick(AGENTS);
  const requester = random.int(1, 400);
  return {
    Id: String(id),
    Requester: `Customer ${requester}`,
    'Requester id': String(36_000_000_000 + requester),
    'Requester email': `customer-${requester}@example.com`,
    'Requester domain': 'example.com',
    Submitter: `Customer ${requester}`,
    Assignee: status === 'new' ? '' : agent,
    Group: 'Support',
    Subject: random.pick(SUBJECTS),
    Tags: random.pick(['shipping', 'billing refund', 'account login', 'shipping vip', '']),
    Status: status,
    Priority: random.weighted([['low', 2], ['normal', 6], ['high', 2]] as const),
    Via: random.weighted(VIA),
    'Ticket type': random.pick(['question', 'incident', 'problem']),
    'Created at': wallClock(created, SERVICE_ZONE),
    'Updated at': wallClock(unsolved ? created : solvedAt, SERVICE_ZONE),
    'Solved at': unsolved ? '' : wallClock(solvedAt, SERVICE_ZONE),
    'Satisfaction Score': unsolved ? 'Not Offered' : satisfaction(mood, random),
    'Group stations': '1',
    'Assignee stations': '1',
    Reopens: String(!unsolved && random.chance(mood.reopen) ? 1 : 0),
    Replies: String(replies),
    'First reply time in minutes': replies === 0 ? '' : String(firstReply),
    'Full resolution time in minutes': unsolved ? '' : String(Math.round((solvedAt - created) / MINUTE)),
    'Total time spent (sec)': replies === 0 ? '' : String(Math.round(handle * (1 + (replies - 1) / 3))),
  };
}

function satisfaction(mood: Mood, random: Random): string {
  const asked = random.weighted([['rated', 45], ['Offered', 25], ['Not Offered', 30]] as const);
  if (asked !== 'rated') return asked;
  return random.chance(mood.good) ? 'Good' : 'Bad';
}
