/** Cap on replications when --precision adds them (a constant of its own, so the command line's help text reads it without loading the runner). */
export const DEFAULT_MAX_REPLICATIONS = 200;
