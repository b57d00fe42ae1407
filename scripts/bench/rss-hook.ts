/**
 * Preloaded with `node --import` where GNU time is missing: writes the
 * process's peak resident memory (KB) to $BENCH_MAXRSS_FILE as it exits,
 * without changing anything the measured program does.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['BENCH_MAXRSS_FILE'];
if (file !== undefined) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
