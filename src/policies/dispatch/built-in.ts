/** The built-in dispatch policies: one line per policy file (the scenario schema is derived from this list). */
export * as gradeFirst from './grade-first.js';
export * as cutOffReserve from './cut-off-reserve.js';
