/**
 * Build step after the bundle (issue 12, start-up): runs the built command line (dist/src/cli/cli.js,
 * yargs with the real command definitions) for `--help` and for every command's `--help`, and
 * writes what each printed to dist/src/cli/help-screens.json, which main.js prints instead of
 * loading the parser. The help is the same on every machine: the bundle's yargs always speaks
 * English (its locale files are not bundled), `.wrap(null)` ignores the terminal's width, and no
 * option's default depends on the machine. A screen is stored only if cli.js printed it cleanly
 * (exit 0, nothing on stderr); test/cli/start-up-help.test.ts holds each equal to cli.js's output.
 */
import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CLI = join('dist', 'src', 'cli', 'cli.js');
const OUT = join('dist', 'src', 'cli', 'help-screens.json');

function printed(args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0 || r.stderr !== '') throw new Error(`node ${CLI} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  return r.stdout;
}

const root = printed(['--help']);
// The commands as the root help lists them: "  callsim NAME ...".
const commands = [...root.matchAll(/^ {2}callsim ([a-z][\w-]*)/gm)].map((m) => m[1]);
if (commands.length < 5) throw new Error(`found only ${commands.length} commands in callsim --help`);
const screens = { '--help': root };
for (const command of commands) screens[`${command} --help`] = printed([command, '--help']);
writeFileSync(OUT, `${JSON.stringify({ cliBytes: statSync(CLI).size, screens })}\n`);
console.log(`stored ${Object.keys(screens).length} help screens in ${OUT}`);
