/**
 * How popular entities are: the share of articles each entity appears in, and a discrete power law
 * fitted to those counts by maximum likelihood. Used to fit the synthetic corpus (bench/corpus.ts)
 * to the entity frequencies of real news, and by bench/corpus-stats.ts to check it.
 *
 * The model: P(an entity is in k articles) ∝ k^-alpha for k ≥ kmin. The estimate maximises
 * L(alpha) = -alpha Σ ln k_i - n ln ζ(alpha, kmin) (Clauset, Shalizi & Newman 2009, eq. 3.5) by
 * golden-section search; ζ is the Hurwitz zeta function, summed directly with an Euler–Maclaurin
 * tail. A Zipf law over ranks, frequency ∝ rank^-s, gives counts with alpha = 1 + 1/s, so s = 1/(alpha-1).
 */

/** Hurwitz zeta ζ(a, q) = Σ_{k≥0} (k+q)^-a for a > 1, q > 0: 40 terms, then Euler–Maclaurin. */
export function hurwitzZeta(a: number, q: number): number {
  const terms = 40;
  let sum = 0;
  for (let k = 0; k < terms; k++) sum += Math.pow(k + q, -a);
  const x = terms + q;
  // ∫_x^∞ t^-a dt + f(x)/2 - f'(x)/12 + f'''(x)/720
  sum += Math.pow(x, 1 - a) / (a - 1) + Math.pow(x, -a) / 2 + (a * Math.pow(x, -a - 1)) / 12 - (a * (a + 1) * (a + 2) * Math.pow(x, -a - 3)) / 720;
  return sum;
}

export interface PowerLawFit {
  /** Exponent of P(k) ∝ k^-alpha. */
  alpha: number;
  /** The equivalent Zipf rank exponent, 1/(alpha-1). */
  s: number;
  kmin: number;
  /** Entities with at least kmin articles, the sample the fit used. */
  n: number;
  /** Standard error of alpha, from the curvature of the log-likelihood. */
  stderr: number;
}

/** Maximum-likelihood discrete power law over counts ≥ kmin. */
export function fitPowerLaw(counts: Iterable<number>, kmin = 1): PowerLawFit {
  let n = 0;
  let sumLog = 0;
  for (const k of counts) {
    if (k < kmin) continue;
    n++;
    sumLog += Math.log(k);
  }
  if (n === 0) throw new Error(`no counts ≥ ${kmin}`);
  const logLik = (a: number) => -a * sumLog - n * Math.log(hurwitzZeta(a, kmin));
  let lo = 1.0001;
  let hi = 6;
  const phi = (Math.sqrt(5) - 1) / 2;
  let c = hi - phi * (hi - lo);
  let d = lo + phi * (hi - lo);
  for (let i = 0; i < 80; i++) {
    if (logLik(c) > logLik(d)) hi = d;
    else lo = c;
    c = hi - phi * (hi - lo);
    d = lo + phi * (hi - lo);
  }
  const alpha = (lo + hi) / 2;
  const h = 1e-3;
  const curvature = (logLik(alpha + h) - 2 * logLik(alpha) + logLik(alpha - h)) / (h * h);
  return { alpha, s: 1 / (alpha - 1), kmin, n, stderr: curvature < 0 ? 1 / Math.sqrt(-curvature) : NaN };
}

/** Least-squares slope of log(frequency) on log(rank) over the top `top` ranks: the Zipf exponent s read off the rank plot. */
export function rankSlope(counts: number[], top = counts.length): number {
  const sorted = [...counts].sort((a, b) => b - a).slice(0, top);
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  sorted.forEach((k, i) => {
    const x = Math.log(i + 1);
    const y = Math.log(k);
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  });
  const m = sorted.length;
  return -(m * sxy - sx * sy) / (m * sxx - sx * sx);
}
