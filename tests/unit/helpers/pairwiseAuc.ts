/**
 * Reference AUC, written independently of the code under test: the Mann–Whitney count over every
 * (positive, negative) pair, ties one half (labels: 1 positive, 0 negative). NaN without pairs.
 */
export function pairwiseAuc(scores: readonly number[], labels: ArrayLike<number>): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((sp, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((sn, j) => {
      if (labels[j] !== 0) return;
      pairs++;
      wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
    });
  });
  return wins / pairs;
}
