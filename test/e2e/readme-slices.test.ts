/** The README's comparison, trend and breakdown outputs are what the binary prints for them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from './run-cli.js';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const section = /\n## Comparisons, trends and breakdowns\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
/** Each example: the options after `journey-kpi report journey.yaml`, and the block shown after `…`. */
const examples = [...section.matchAll(/```\n\$ journey-kpi report journey\.yaml (.*)\n…\n([\s\S]*?)\n```/g)].map((match) => ({
  args: (match[1] ?? '').split(' '),
  shown: match[2] ?? '',
}));

describe("README's comparisons, trends and breakdowns", () => {
  it('shows a comparison with a trend, and a breakdown', () => {
    expect(examples.map((example) => example.args.join(' '))).toEqual(['--compare previous_year --trend month', '--kpi paid_rate --by channel']);
  });

  it.each(examples)('prints what README shows for $args', async ({ args, shown }) => {
    const result = await runCli(['report', 'test/fixtures/e2e/compare/journey.yaml', ...args]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`\n${shown}\n\n`);
  });
});
