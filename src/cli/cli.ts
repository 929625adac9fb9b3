#!/usr/bin/env node
/**
 * The `callsim` command line (started by main.ts). Commands are registered one by one from
 * `commands/`; each is a thin handler over `src/experiment/` and `src/report/`. Exit codes: 0 done,
 * 2 bad input, 1 an unexpected failure (see errors.ts).
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { callsimVersion } from '../experiment/version.js';
import { checkCommand } from './commands/check.js';
import { compareCommand } from './commands/compare.js';
import { generateCommand } from './commands/generate.js';
import { k8sCommand } from './commands/k8s.js';
import { mergeCommand } from './commands/merge.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { schemaCommand } from './commands/schema.js';
import { slurmCommand } from './commands/slurm.js';
import { staffCommand } from './commands/staff.js';
import { sweepCommand } from './commands/sweep.js';
import { validateCommand } from './commands/validate.js';
import { verifyCommand } from './commands/verify.js';
import { webCommand } from './commands/web.js';
import { reportError, UsageError } from './errors.js';
import { pluginsFrom } from './options.js';

/** Parses `args` and runs the command; resolves to the exit code. */
export async function main(args: string[]): Promise<number> {
  const debug = args.includes('--debug');
  const parser = yargs(args)
    .scriptName('callsim')
    .version(callsimVersion())
    .option('debug', { type: 'boolean', default: false, describe: 'print stack traces of failures' })
    .option('plugin', { type: 'string', array: true, describe: 'a policy module (JavaScript) to register first; scenarios name it by its name (repeatable)' })
    .middleware(async (argv) => {
      const plugins = pluginsFrom(argv);
      if (plugins.length === 0) return;
      const { loadPolicyModule } = await import('../experiment/policy-modules.js');
      for (const plugin of plugins) await loadPolicyModule(plugin);
    })
    .command(runCommand)
    .command(compareCommand)
    .command(sweepCommand)
    .command(validateCommand)
    .command(schemaCommand)
    .command(generateCommand)
    .command(checkCommand)
    .command(reportCommand)
    .command(mergeCommand)
    .command(slurmCommand)
    .command(k8sCommand)
    .command(verifyCommand)
    .command(webCommand)
    .command(staffCommand)
    .command(sensitivityCommand)
    .demandCommand(1, 'give a command (callsim --help lists them)')
    .strict()
    .exitProcess(false)
    .wrap(null)
    .fail((message: string | undefined, error: Error | undefined) => {
      // yargs' own complaints (unknown option, missing argument) are bad input; errors thrown by
      // handlers pass through unchanged.
      throw error ?? new UsageError(message ?? 'bad arguments');
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    return reportError(error, debug);
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

// A reader that stops early (`callsim run F | head`) is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await main(hideBin(process.argv));
process.exitCode = code;
