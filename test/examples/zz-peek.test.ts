import { it } from 'vitest';
import { computeDigitalFirstExpected } from './digital-first-expected.js';
import { Q2_DAYS, Q3_DAYS } from './plain.js';
it('peek', () => { for (const d of [Q2_DAYS, Q3_DAYS]) { const k = computeDigitalFirstExpected('examples/digital-first/data', d); console.log(d.from, JSON.stringify(k)); } });
