import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/load/framework/index.js';
import { problemsOf, where } from './helpers.js';

describe('loadFramework: funnel', () => {
  it('names a step that is no KPI (with the closest id) and one that is no count, at the step', async () => {
    const problems = await problemsOf('funnel.yaml');
    // `funnel: [sessions, sesions, share]`: the list starts at column 10.
    expect(where(problems)).toEqual(['framework/funnel@21:20', 'framework/funnel@21:29']);
    expect(problems[0]?.message).toBe("funnel step 'sesions' is not a KPI of this framework. Did you mean 'sessions'? A funnel lists KPI ids");
    expect(problems[1]?.message).toBe(
      "funnel step 'share' is a percent KPI: a funnel lists count KPIs (sessions, carts, orders), whose step-to-step ratios say how many go on",
    );
  });

  it('is kept in order when its steps are count KPIs', async () => {
    const framework = await loadFramework('examples/ecommerce/journey.yaml');
    expect(framework.funnel).toEqual(['sessions', 'cart_sessions', 'checkout_sessions', 'purchase_sessions']);
  });
});
