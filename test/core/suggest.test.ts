import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean } from '../../src/core/suggest.js';

describe('closestMatch', () => {
  it('finds a typo within a third of the length (at least 2 edits)', () => {
    expect(closestMatch('convrsion_rate', ['conversion_rate', 'aov'])).toBe('conversion_rate');
    expect(closestMatch('trafic', ['traffic', 'orders'])).toBe('traffic');
    expect(closestMatch('AOV', ['aov'])).toBe('aov');
  });

  it('finds a name contained in exactly one candidate, or one candidate contained in it', () => {
    expect(closestMatch('Order Total', ['Name', 'Total', 'Created at'])).toBe('Total');
    expect(closestMatch('purchase_freq', ['purchase_frequency', 'aov'])).toBe('purchase_frequency');
    expect(closestMatch('purchase', ['purchase_frequency', 'purchase_rate'])).toBeUndefined();
    expect(closestMatch('pur', ['purchase_frequency'])).toBeUndefined();
    expect(closestMatch('Amount', ['Amount paid', 'Amount refunded'])).toBeUndefined();
  });

  it('suggests nothing for an unrelated name', () => {
    expect(closestMatch('revenue', ['sessions', 'nps'])).toBeUndefined();
    expect(didYouMean('revenue', ['sessions'])).toBe('');
    expect(didYouMean('sesions', ['sessions'])).toBe(" Did you mean 'sessions'?");
  });
});
