/**
 * Exact powers of two for the portable logarithm and exponential: POW2[POW2_BIAS + k] = 2^k for
 * k in [-1074, 1023], built by doubling and halving (each step exact), never by Math.pow.
 */
export const POW2_BIAS = 1100;
export const POW2 = new Float64Array(2 * POW2_BIAS + 1);
POW2[POW2_BIAS] = 1;
for (let e = 1; e <= 1023; e++) POW2[POW2_BIAS + e] = POW2[POW2_BIAS + e - 1] * 2;
for (let e = 1; e <= 1074; e++) POW2[POW2_BIAS - e] = POW2[POW2_BIAS - e + 1] * 0.5;
