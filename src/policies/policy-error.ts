/**
 * A policy failed while a run was under way (threw, or chose something it may not), or a policy
 * module does not have the expected shape. The message names the policy; the CLI reports it as bad
 * input (exit 2) without a stack trace, since the fault lies in the policy, not in callsim.
 */
export class PolicyError extends Error {
  /** Bad input (exit 2): the command line tells it by this mark, not by class identity (cli/errors.ts). */
  readonly badInput = true;
  constructor(readonly policy: string, problem: string) {
    super(`policy ${policy}: ${problem}`);
    this.name = 'PolicyError';
  }
}
