/** "Did you mean …?" for unknown names: the closest candidate within a small edit distance. */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(wanted.length / 3));
  if (bestDistance <= tolerance) return best;
  return abbreviated(wanted, candidates);
}

/**
 * `purchase_freq` for `purchase_frequency`, `Order Total` for `Total`: one
 * candidate that contains the name, or is contained in it, when the shorter
 * of the two is long enough to mean something.
 */
function abbreviated(wanted: string, candidates: Iterable<string>): string | undefined {
  const matches = [...candidates].filter((candidate) => {
    const lower = candidate.toLowerCase();
    const shorter = Math.min(lower.length, wanted.length);
    return shorter >= 4 && (lower.includes(wanted) || wanted.includes(lower));
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** ` Did you mean 'x'?` or an empty string, ready to append to a message. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closestMatch(name, candidates);
  return match === undefined ? '' : ` Did you mean '${match}'?`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
