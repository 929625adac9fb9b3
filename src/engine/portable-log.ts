import stdlibLog from '@stdlib/math-base-special-ln';
import { POW2, POW2_BIAS } from './powers-of-two.js';

/**
 * The natural logarithm with exactly the bits of stdlib's ln (FreeBSD msun's __ieee754_log), about
 * four times as fast on the simulator's inputs. stdlib normalises x by writing its exponent bits
 * (store a double, overwrite its high word, load the double again: a stalled store-to-load round
 * trip on x86) and is too long for V8 to inline, so each call also boxes its result. Here a
 * positive normal x is normalised by multiplying by 2^-k from a table instead: a power of two times
 * a normal double whose product is normal is exact, so it gives the same double as rewriting the
 * exponent; every other operation is stdlib's, in stdlib's order. Zero, negative, subnormal,
 * infinite and NaN arguments, and those within 2^-20 of a power of two (stdlib's short series),
 * go to stdlib itself. test/engine/portable-log.test.ts compares the two bit for bit.
 */
const words = new Float64Array(1);
const wordsU32 = new Uint32Array(words.buffer);
/** Index of the high (sign and exponent) word in the Uint32 view of a double. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;

export function log(x: number): number {
  words[0] = x;
  let hx = wordsU32[HIGH] | 0;
  // Not a positive normal finite double (the sign bit makes hx negative): stdlib's special cases.
  if (hx < 0x00100000 || hx >= 0x7ff00000) return stdlibLog(x);
  let k = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  if ((0x000fffff & (2 + hx)) < 3) return stdlibLog(x);
  // x = 2^k * m with m in [sqrt(2)/2, sqrt(2)): i says whether the mantissa is halved.
  const i = (hx + 0x95f64) & 0x100000;
  k += i >> 20;
  const f = x * POW2[POW2_BIAS - k] - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r =
    z * (0.6666666666666735 + w * (0.2857142874366239 + w * (0.1818357216161805 + w * 0.14798198605116586))) +
    w * (0.3999999999940942 + w * (0.22222198432149784 + w * 0.15313837699209373));
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}
