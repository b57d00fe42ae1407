/** The three example exports, each from its own seeded stream so one file's size never shifts another's content. */
import { join } from 'node:path';
import { writeOrders } from './orders.js';
import { Random } from './random.js';
import { writeSurvey } from './survey.js';
import { writeTraffic } from './traffic.js';

export interface ExampleOptions {
  readonly seed: number;
  readonly trafficRows: number;
  readonly orders: number;
  readonly responses: number;
}

/** What the committed examples/ecommerce/data was written with. */
export const DEFAULT_OPTIONS: ExampleOptions = { seed: 20260701, trafficRows: 5000, orders: 300, responses: 200 };

export const EXAMPLE_FILES = {
  traffic: 'ga4-events.csv',
  orders: 'shopify-orders.csv',
  survey: 'survey-responses.csv',
} as const;

/** Writes the files into `dir` (which must exist) and returns their names. */
export async function writeExamples(dir: string, options: ExampleOptions): Promise<string[]> {
  await writeTraffic(join(dir, EXAMPLE_FILES.traffic), options.trafficRows, new Random(options.seed));
  await writeOrders(join(dir, EXAMPLE_FILES.orders), options.orders, new Random(options.seed + 1));
  await writeSurvey(join(dir, EXAMPLE_FILES.survey), options.responses, new Random(options.seed + 2));
  return Object.values(EXAMPLE_FILES);
}
