/**
 * Writes the example store's exports from a seed:
 *   node dist/scripts/generate-examples.js [--out DIR] [--seed N] [--traffic-rows N] [--orders N] [--responses N]
 * The same seed always gives byte-identical files.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS, writeExamples, type ExampleOptions } from './generate/examples.js';

const DEFAULT_OUT = fileURLToPath(new URL('../../examples/ecommerce/data', import.meta.url));

function readOptions(argv: readonly string[]): ExampleOptions & { readonly out: string } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      out: { type: 'string', default: DEFAULT_OUT },
      seed: { type: 'string', default: String(DEFAULT_OPTIONS.seed) },
      'traffic-rows': { type: 'string', default: String(DEFAULT_OPTIONS.trafficRows) },
      orders: { type: 'string', default: String(DEFAULT_OPTIONS.orders) },
      responses: { type: 'string', default: String(DEFAULT_OPTIONS.responses) },
    },
  });
  return {
    out: values.out,
    seed: wholeNumber('seed', values.seed),
    trafficRows: wholeNumber('traffic-rows', values['traffic-rows']),
    orders: wholeNumber('orders', values.orders),
    responses: wholeNumber('responses', values.responses),
  };
}

function wholeNumber(name: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new Error(`--${name} must be a whole number, got '${text}'. Example: --${name} 1000`);
  }
  return value;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  await mkdir(options.out, { recursive: true });
  const files = await writeExamples(options.out, options);
  for (const file of files) process.stdout.write(`wrote ${join(options.out, file)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`generate-examples: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
