/**
 * The second computations of the journey kinds' KPIs, checked themselves
 * against counts made by hand (awk, python's csv) on the committed data.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Q3_DAYS } from './plain.js';
import { computeServiceExpected } from './service-expected.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');

describe('computeServiceExpected, 2026-Q3', () => {
  const kpis = computeServiceExpected(join(EXAMPLES, 'service/data'), Q3_DAYS);

  it('counts solved tickets with one reply and no reopen', () => {
    // awk -F, 'NR>1 && $17 >= "2026-07-01" && $17 < "2026-10-01" && ($13=="solved"||$13=="closed")
    //   {n++; if ($29==1 && $28==0) f++; if ($28>0) r++} END {print n, f, r}' zendesk-tickets.csv  -> 303 144 46
    expect(kpis.first_contact_resolution).toBeCloseTo(144 / 303, 12);
    expect(kpis.reopen_rate).toBeCloseTo(46 / 303, 12);
  });

  it('takes the SLA share over answered tickets only', () => {
    // the same awk over all 330 Q3 tickets with $30 != "": 326 answered, 284 of them in 240 minutes or less
    expect(kpis.first_response_sla).toBeCloseTo(284 / 326, 12);
  });
});
