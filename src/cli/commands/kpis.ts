import { Command } from 'commander';
import type { Io } from '../io.js';
import { formatOption } from '../options.js';

const FORMATS = ['text', 'json'] as const;

export function kpisCommand(io: Io): Command {
  return new Command('kpis')
    .description('list the functions KPI formulas can use, each with an example')
    .addOption(formatOption(FORMATS))
    .action(async (options: { format: (typeof FORMATS)[number] }) => {
      const { FUNCTIONS } = await import('../../formula/functions.js');
      const { renderFunctionsJson, renderFunctionsText } = await import('../../render/functions.js');
      io.stdout.write(options.format === 'json' ? renderFunctionsJson(FUNCTIONS) : renderFunctionsText(FUNCTIONS));
    });
}
