/**
 * Every journey kind's example: the files it writes into its data folder,
 * from a seed. Each kind draws from its own seeded streams, so changing one
 * kind's generator never shifts another's files.
 */
import { DEFAULT_OPTIONS, EXAMPLE_FILES, writeExamples, type ExampleOptions } from './examples.js';
import { B2B_FILES, writeB2b } from './kinds/b2b.js';
import { SMALL_BUSINESS_FILES, writeSmallBusiness } from './kinds/small-business.js';
import { DIGITAL_FIRST_FILES, writeDigitalFirst } from './kinds/digital-first.js';
import { PRODUCT_LED_FILES, writeProductLed } from './kinds/product-led.js';
import { SERVICE_FILES, writeService } from './kinds/service.js';

export interface ExampleKind {
  readonly files: readonly string[];
  /** Writes the files into `dir`, which must exist. */
  write(dir: string, seed: number, ecommerce: ExampleOptions): Promise<void>;
}

export const KINDS = {
  ecommerce: { files: Object.values(EXAMPLE_FILES), write: async (dir, seed, options) => void (await writeExamples(dir, { ...options, seed })) },
  service: { files: Object.values(SERVICE_FILES), write: (dir, seed) => writeService(dir, seed + 100) },
  b2b: { files: Object.values(B2B_FILES), write: (dir, seed) => writeB2b(dir, seed + 200) },
  'small-business': { files: Object.values(SMALL_BUSINESS_FILES), write: (dir, seed) => writeSmallBusiness(dir, seed + 300) },
  'digital-first': { files: Object.values(DIGITAL_FIRST_FILES), write: (dir, seed) => writeDigitalFirst(dir, seed + 400) },
  'product-led': { files: Object.values(PRODUCT_LED_FILES), write: (dir, seed) => writeProductLed(dir, seed + 500) },
} as const satisfies Record<string, ExampleKind>;

export type KindName = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as KindName[];
export const DEFAULT_SEED = DEFAULT_OPTIONS.seed;
