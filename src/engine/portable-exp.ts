import stdlibExp from '@stdlib/math-base-special-exp';
import { POW2, POW2_BIAS } from './powers-of-two.js';

/**
 * The exponential with exactly the bits of stdlib's exp (FreeBSD msun's __ieee754_exp), faster:
 * stdlib scales its result by 2^k with a general ldexp (splitting the double into words and
 * joining them again); for |x| < 700 the scaled result is a normal double, and a normal double
 * times an exact power of two whose product is normal is exact, so multiplying by 2^k from a table
 * gives the same double. Every other operation is stdlib's, in stdlib's order; NaN, infinities,
 * |x| >= 700 and |x| < 2^-28 go to stdlib itself. test/engine/portable-log.test.ts compares the
 * two bit for bit.
 */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LOG2_E = 1.44269504088896338700e0;
const NEAR_ZERO = 1 / (1 << 28);

export function exp(x: number): number {
  if (!(x > -700 && x < 700) || (x > -NEAR_ZERO && x < NEAR_ZERO)) return stdlibExp(x);
  const k = x < 0 ? Math.ceil(LOG2_E * x - 0.5) : Math.floor(LOG2_E * x + 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (0.16666666666666602 + t * (-0.0027777777777015593 + t * (0.00006613756321437934 + t * (-0.0000016533902205465252 + t * 4.1381367970572385e-8))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return y * POW2[POW2_BIAS + k];
}
