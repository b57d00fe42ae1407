import { Command } from 'commander';
import { FUNCTIONS } from '../../formula/functions.js';
import { renderFunctionsJson, renderFunctionsText } from '../../render/functions.js';
import type { Io } from '../io.js';
import { formatOption } from '../options.js';

const FORMATS = ['text', 'json'] as const;

export function kpisCommand(io: Io): Command {
  return new Command('kpis')
    .description('list the functions KPI formulas can use, each with an example')
    .addOption(formatOption(FORMATS))
    .action((options: { format: (typeof FORMATS)[number] }) => {
      io.stdout.write(options.format === 'json' ? renderFunctionsJson(FUNCTIONS) : renderFunctionsText(FUNCTIONS));
    });
}
