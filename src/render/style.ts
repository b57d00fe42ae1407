/** Colour is decided once by the caller (TTY, NO_COLOR, --no-color); renderers only apply it. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Status } from '../core/report.js';

export interface RenderOptions {
  readonly color: boolean;
}

export function palette(options: RenderOptions): ChalkInstance {
  return new Chalk({ level: options.color ? 1 : 0 });
}

export const STATUS_LABELS = {
  met: 'met',
  at_risk: 'at risk',
  missed: 'missed',
  no_data: 'no data',
} as const satisfies Record<Status, string>;

const STATUS_MARKS = {
  met: '✓',
  at_risk: '!',
  missed: '✗',
  no_data: '?',
} as const satisfies Record<Status, string>;

const STATUS_COLORS = {
  met: 'green',
  at_risk: 'yellow',
  missed: 'red',
  no_data: 'gray',
} as const satisfies Record<Status, 'green' | 'yellow' | 'red' | 'gray'>;

export function statusBadge(status: Status, chalk: ChalkInstance): string {
  return chalk[STATUS_COLORS[status]](`${STATUS_MARKS[status]} ${STATUS_LABELS[status]}`);
}
