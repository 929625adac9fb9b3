/**
 * Elementary functions with the same bits on every JavaScript engine, for everything that reaches
 * results (variates, intervals). Math.log, Math.exp, Math.log1p, Math.sin and Math.cos differ in the
 * last bit between V8 builds (Node 20 against current Chromium), which would make the what-if page's
 * numbers differ from `callsim run`'s. The logarithm and exponential come from stdlib (plain-JS
 * ports of FreeBSD's msun, the lineage of Node 20's own; both through portable-log.ts and
 * portable-exp.ts, the same bits faster), sine and cosine from portable-trig.ts; all
 * give exactly Node 20's Math results (test/engine/portable-math.test.ts), so no result moves.
 * Math.pow is left native: only Weibull and gamma with cv above 1 draw through it.
 */
import log1p from '@stdlib/math-base-special-log1p';

export { log1p };
export { exp } from './portable-exp.js';
export { log } from './portable-log.js';
export { cos, sin, sinCosTurns } from './portable-trig.js';
