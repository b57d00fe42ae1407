/** How a --by segment's value reads: dates and times in the zone their column was read in, not as epoch milliseconds. Pure. */
import type { Framework } from '../core/framework.js';
import { epochToZoned } from '../core/time.js';
import type { Value } from '../core/values.js';

export type SegmentLabel = (value: Exclude<Value, null>) => string;

/** The column's first declaration decides, as for --by's check that some source declares it. */
export function segmentLabel(framework: Framework, column: string): SegmentLabel {
  const declared = framework.sources.flatMap((source) => (source.kind === 'file' ? source.columns : [])).find((def) => def.name === column);
  if (declared?.type !== 'date' && declared?.type !== 'datetime') return String;
  const zone = declared.timezone ?? framework.timezone;
  const withTime = declared.type === 'datetime';
  return (value) => (typeof value === 'number' ? zonedText(value, zone, withTime) : String(value));
}

/** `2026-07-01`, or `2026-07-01 14:08:05` with the time. */
function zonedText(epochMs: number, zone: string, withTime: boolean): string {
  const local = epochToZoned(epochMs, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${local.year}-${two(local.month)}-${two(local.day)}`;
  return withTime ? `${date} ${two(local.hour)}:${two(local.minute)}:${two(local.second)}` : date;
}
