/**
 * A craft shop's two Google Sheets, downloaded as CSV: the order sheet the
 * till and the web shop fill (Portuguese locale: day-first dates, amounts
 * like `12,50 €` that Sheets quotes for their comma) and the Google Forms
 * sheet of the feedback card. Summer brings tourists: more orders, smaller
 * baskets, fewer regulars among the buyers.
 */
import { join } from 'node:path';
import { epochToZoned } from '../../../src/core/time.js';
import { CsvFile } from '../csv-writer.js';
import { MINUTE } from '../clock.js';
import { Random } from '../random.js';
import { quarters, recordTime, seasonAt } from '../seasons.js';

export const SMALL_BUSINESS_FILES = { orders: 'orders-sheet.csv', feedback: 'feedback-form.csv' } as const;
const ZONE = 'Europe/Lisbon';

interface Mood {
  /** Chance the buyer shows a loyalty card, and chance a card holder is a regular (one of a few dozen). */
  readonly card: number;
  readonly regular: number;
  /** Basket in cents. */
  readonly basket: readonly [number, number];
  /** Weights of the answers 1 to 5. */
  readonly happy: readonly number[];
}

const SEASONS = quarters<Mood>(
  ZONE,
  { card: 0.45, regular: 0.7, basket: [900, 6400], happy: [2, 4, 10, 40, 44] },
  { card: 0.3, regular: 0.45, basket: [500, 4800], happy: [2, 3, 9, 38, 48] },
  0.6,
);

const NAMES = ['Ana', 'Rui', 'Marta', 'João', 'Inês', 'Pedro', 'Sofia', 'Tiago', 'Beatriz', 'Nuno'] as const;
const ITEMS = ['Postais (3)', 'Azulejo pintado', 'Bordado de Viana', 'Caneca', 'Workshop de bordado', 'Lenço, algodão'] as const;

export async function writeSmallBusiness(dir: string, seed: number): Promise<void> {
  await writeOrders(join(dir, SMALL_BUSINESS_FILES.orders), 700, new Random(seed));
  await writeFeedback(join(dir, SMALL_BUSINESS_FILES.feedback), 180, new Random(seed + 1));
}

async function writeOrders(path: string, count: number, random: Random): Promise<void> {
  const file = new CsvFile(path);
  await file.row(['Date', 'Order no.', 'Customer', 'Channel', 'Items', 'Total', 'Payment']);
  for (let i = 0; i < count; i++) {
    const at = recordTime(i, count, SEASONS, random, MINUTE);
    const mood = seasonAt(SEASONS, at).mood;
    const customer = random.chance(mood.card) ? cardHolder(mood, random) : '';
    await file.row([
      sheetTime(at, false), String(2601 + i), customer, random.weighted([['Loja', 80], ['Instagram', 12], ['Etsy', 8]] as const),
      random.pick(ITEMS), euros(random.int(...mood.basket)), random.pick(['Cartão', 'Dinheiro', 'MB Way']),
    ]);
  }
  await file.close();
}

/** Regulars come back again and again; other card holders are many and rarely seen twice. */
function cardHolder(mood: Mood, random: Random): string {
  const number = random.chance(mood.regular) ? random.int(1, 40) : random.int(41, 600);
  return `${NAMES[number % NAMES.length]!} #${number}`;
}

async function writeFeedback(path: string, count: number, random: Random): Promise<void> {
  const file = new CsvFile(path);
  await file.row(['Timestamp', 'How happy were you with your visit? (1-5)', 'What could we do better?']);
  for (let i = 0; i < count; i++) {
    const at = recordTime(i, count, SEASONS, random);
    const weights = seasonAt(SEASONS, at).mood.happy;
    const answer = random.weighted(weights.map((weight, index) => [String(index + 1), weight] as const));
    await file.row([sheetTime(at, true), answer, random.pick(['', '', 'Mais postais, por favor', 'Open on Sundays?', 'Lovely shop'])]);
  }
  await file.close();
}

/** `03/07/2026 14:05` (the order sheet) or `03/07/2026 14:05:11` (Google Forms), day first, Lisbon time. */
function sheetTime(epochMs: number, withSeconds: boolean): string {
  const t = epochToZoned(epochMs, ZONE);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.day)}/${two(t.month)}/${t.year} ${two(t.hour)}:${two(t.minute)}${withSeconds ? `:${two(t.second)}` : ''}`;
}

/** `12,50 €`. */
function euros(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')} €`;
}
