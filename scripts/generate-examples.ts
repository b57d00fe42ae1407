/**
 * Writes every journey example's exports from a seed:
 *   node dist/scripts/generate-examples.js [--kind KIND] [--out DIR] [--seed N] [--traffic-rows N] [--orders N] [--responses N]
 * Files go to DIR/<kind>/data (DIR defaults to examples/). The same seed
 * always gives byte-identical files. The size options are the e-commerce
 * example's (the benchmark grows it).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS } from './generate/examples.js';
import { KIND_NAMES, KINDS, type KindName } from './generate/kinds.js';

const DEFAULT_OUT = fileURLToPath(new URL('../../examples', import.meta.url));

function readOptions(argv: readonly string[]) {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      kind: { type: 'string', default: 'all' },
      out: { type: 'string', default: DEFAULT_OUT },
      seed: { type: 'string', default: String(DEFAULT_OPTIONS.seed) },
      'traffic-rows': { type: 'string', default: String(DEFAULT_OPTIONS.trafficRows) },
      orders: { type: 'string', default: String(DEFAULT_OPTIONS.orders) },
      responses: { type: 'string', default: String(DEFAULT_OPTIONS.responses) },
    },
  });
  return {
    kinds: chosenKinds(values.kind),
    out: values.out,
    seed: wholeNumber('seed', values.seed),
    trafficRows: wholeNumber('traffic-rows', values['traffic-rows']),
    orders: wholeNumber('orders', values.orders),
    responses: wholeNumber('responses', values.responses),
  };
}

function chosenKinds(text: string): readonly KindName[] {
  if (text === 'all') return KIND_NAMES;
  if (!(KIND_NAMES as string[]).includes(text)) throw new Error(`--kind must be one of ${KIND_NAMES.join(', ')} or all, got '${text}'`);
  return [text as KindName];
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
  for (const kind of options.kinds) {
    const dir = join(options.out, kind, 'data');
    await mkdir(dir, { recursive: true });
    await KINDS[kind].write(dir, options.seed, options);
    for (const file of KINDS[kind].files) process.stdout.write(`wrote ${join(dir, file)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`generate-examples: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
