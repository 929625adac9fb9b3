/**
 * A parameter that cannot be used, with the path of the field that holds it (for example
 * `queues.primary.patienceSeconds.lognormal.cv`), so the scenario layer can point at the file.
 */
export class SpecError extends Error {
  /** Bad input (exit 2): the command line tells it by this mark, not by class identity (cli/errors.ts). */
  readonly badInput = true;
  constructor(
    public readonly path: string,
    public readonly problem: string,
  ) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = 'SpecError';
  }
}
