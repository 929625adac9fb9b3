#!/usr/bin/env node
/**
 * The `callsim` command. The command line itself is cli.ts (yargs and the command definitions,
 * bundled into one file by the build). A help screen (`callsim --help`, `callsim COMMAND --help`)
 * is printed from help-screens.json beside this file when the build wrote one: the build runs the
 * built cli.js for every help screen and stores what it printed (scripts/prerender-help.mjs), so
 * asking for help costs one small file instead of the parser (issue 12, start-up);
 * test/cli/start-up-help.test.ts holds every stored screen equal to what cli.js prints.
 */
import { readFileSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// Peak memory flat in the horizon (issue 12; benches/README.md, Memory): what reaches old space in a
// long run is mostly garbage, so the next mark-compact comes at 1.5x the live heap, not up to 4x.
setFlagsFromString('--heap-growing-percent=50');

interface HelpScreens {
  /** Size of the cli.js the screens came from: a rebuild by tsc alone (no screens written) changes it. */
  cliBytes: number;
  /** What cli.js printed, by its arguments joined with spaces ("--help", "run --help"). */
  screens: Record<string, string>;
}

/** The stored screen for these arguments, or undefined (not a help request, or no current screens). */
function storedHelp(args: readonly string[]): string | undefined {
  if (args.length === 0 || args.length > 2 || args[args.length - 1] !== '--help') return undefined;
  try {
    const stored = JSON.parse(readFileSync(new URL('./help-screens.json', import.meta.url), 'utf8')) as HelpScreens;
    if (statSync(new URL('./cli.js', import.meta.url)).size !== stored.cliBytes) return undefined;
    return Object.hasOwn(stored.screens, args.join(' ')) ? stored.screens[args.join(' ')] : undefined;
  } catch {
    return undefined;
  }
}

const screen = storedHelp(process.argv.slice(2));
if (screen === undefined) {
  await import('./cli.js');
} else {
  // A reader that stops early (`callsim --help | head`) is not a failure (as in cli.ts).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.stdout.write(screen);
}
