/**
 * Sine and cosine that give the same bits on every JavaScript engine. V8 builds differ in the last
 * bit of Math.sin and Math.cos (Node 20 uses the classic fdlibm routines, newer Chromium a libm
 * port), so a normal variate drawn in the browser could differ from the command line's and the
 * what-if page would not reproduce `callsim run` byte for byte. These follow the fdlibm algorithm
 * (the one Node 20's Math.sin and Math.cos use) in plain double arithmetic, which every engine
 * performs identically; test/engine/portable-trig.test.ts checks them against Math.sin and Math.cos
 * bit for bit. Arguments beyond 2^19 * pi/2 (never drawn here) fall back to Math.
 * `sinCosTurns` takes the angle in turns instead (a Box-Muller angle is a uniform times a turn),
 * so its reduction is exact and cheap, and gives both values from one reduction.
 */
// The words of a double through typed-array views in the platform's byte order (a big-endian
// DataView swapped bytes on every read, and sine and cosine read a high word several times).
const words = new Float64Array(1);
const words32 = new Int32Array(words.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const high = (x: number): number => {
  words[0] = x;
  return words32[HIGH];
};
const withHigh = (hi: number): number => {
  words32[HIGH] = hi;
  words32[1 - HIGH] = 0;
  return words[0];
};

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** sin(x + y) for |x| <= pi/4, y the tail of x; `exact` false when y is known to be 0. */
function kernelSin(x: number, y: number, exact: boolean): number {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (!exact) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

/** cos(x + y) for |x| <= pi/4. */
function kernelCos(x: number, y: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y));
  const qx = ix > 0x3fe90000 ? 0.28125 : withHigh(ix - 0x00200000);
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;
/** High words of n * pi/2 for n = 1..32 (a reduction near one of them needs the longer path). */
const NPIO2_HW = Array.from({ length: 32 }, (_, i) => high((i + 1) * (Math.PI / 2)));

/** x reduced by a multiple n of pi/2: [n, head, tail]; null beyond the medium range. */
function reduce(x: number): [number, number, number] | null {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    const sign = hx > 0 ? 1 : -1;
    let z = x - sign * PIO2_1;
    if (ix !== 0x3ff921fb) {
      const y0 = z - sign * PIO2_1T;
      return [sign, y0, (z - y0) - sign * PIO2_1T];
    }
    z -= sign * PIO2_2;
    const y0 = z - sign * PIO2_2T;
    return [sign, y0, (z - y0) - sign * PIO2_2T];
  }
  if (ix > 0x413921fb) return null;
  let t = Math.abs(x);
  const n = Math.trunc(t * INV_PIO2 + 0.5);
  const fn = n;
  let r = t - fn * PIO2_1;
  let w = fn * PIO2_1T;
  let y0 = r - w;
  if (!(n < 32 && ix !== NPIO2_HW[n - 1])) {
    const j = ix >> 20;
    let i = j - ((high(y0) >> 20) & 0x7ff);
    if (i > 16) {
      t = r;
      w = fn * PIO2_2;
      r = t - w;
      w = fn * PIO2_2T - ((t - r) - w);
      y0 = r - w;
      i = j - ((high(y0) >> 20) & 0x7ff);
      if (i > 49) {
        t = r;
        w = fn * PIO2_3;
        r = t - w;
        w = fn * PIO2_3T - ((t - r) - w);
        y0 = r - w;
      }
    }
  }
  const y1 = (r - y0) - w;
  return hx < 0 ? [-n, -y0, -y1] : [n, y0, y1];
}

export function sin(x: number): number {
  if ((high(x) & 0x7fffffff) <= 0x3fe921fb) return kernelSin(x, 0, false);
  if (!Number.isFinite(x)) return NaN;
  const reduced = reduce(x);
  if (reduced === null) return Math.sin(x);
  const [n, y0, y1] = reduced;
  switch (n & 3) {
    case 0: return kernelSin(y0, y1, true);
    case 1: return kernelCos(y0, y1);
    case 2: return -kernelSin(y0, y1, true);
    default: return -kernelCos(y0, y1);
  }
}

export function cos(x: number): number {
  if ((high(x) & 0x7fffffff) <= 0x3fe921fb) return kernelCos(x, 0);
  if (!Number.isFinite(x)) return NaN;
  const reduced = reduce(x);
  if (reduced === null) return Math.cos(x);
  const [n, y0, y1] = reduced;
  switch (n & 3) {
    case 0: return kernelCos(y0, y1);
    case 1: return -kernelSin(y0, y1, true);
    case 2: return -kernelCos(y0, y1);
    default: return kernelSin(y0, y1, true);
  }
}

const PIO2 = Math.PI / 2;
/** |x| below which kernelCos needs no correction term (high word 0x3fd33333, low word 0). */
const COS_PLAIN = 0.2999999523162842;
/** |x| from which kernelCos's correction is 0.28125 (high word above 0x3fe90000). */
const COS_BIG = 0.7812504768371582;

/**
 * sin(2 pi turns) into out[0] and cos(2 pi turns) into out[1], for finite `turns` (NaN otherwise).
 * Taking the nearest whole number n of quarter turns away is exact (the remainder's bits are bits
 * of 4 * turns), so the only rounding before the kernels is x = remainder * pi/2, |x| <= pi/4, and
 * whole quarter turns give exactly 0 and +-1. The kernels are kernelSin(x, 0) and kernelCos(x, 0)
 * with the high-word tests written as comparisons (the same bits: test/engine/portable-math.test.ts).
 */
export function sinCosTurns(turns: number, out: Float64Array): void {
  if (!Number.isFinite(turns)) {
    out[0] = NaN;
    out[1] = NaN;
    return;
  }
  const v = 4 * turns;
  const n = Math.round(v);
  const x = (v - n) * PIO2;
  const z = x * x;
  // kernelSin without a tail: for |x| < 2^-27 the polynomial's term vanishes in rounding, giving x.
  const s = x + z * x * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  const ax = Math.abs(x);
  let c: number;
  if (ax < COS_PLAIN) c = 1 - (0.5 * z - z * r);
  else {
    // fdlibm's qx: |x| with the low word cleared, divided by 4 (its exponent is -2 or -1 here).
    const qx = ax >= COS_BIG ? 0.28125 : ax < 0.5 ? Math.floor(ax * 4194304) / 16777216 : Math.floor(ax * 2097152) / 8388608;
    c = (1 - qx) - ((0.5 * z - qx) - z * r);
  }
  switch (Math.abs(n) < 2147483648 ? n & 3 : n - 4 * Math.floor(n / 4)) {
    case 0: out[0] = s; out[1] = c; break;
    case 1: out[0] = c; out[1] = -s; break;
    case 2: out[0] = -s; out[1] = -c; break;
    default: out[0] = -c; out[1] = s;
  }
}
