import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MAIN, ROOT, tempDir } from './cli.js';

// `callsim --help` and `callsim COMMAND --help` are printed from dist/src/cli/help-screens.json,
// which the build writes by running the built parser (dist/src/cli/cli.js) for each (issue 12,
// start-up: scripts/prerender-help.mjs). Each stored screen must be exactly what the parser prints.
const CLI = join(dirname(MAIN), 'cli.js');
const stored = JSON.parse(readFileSync(join(dirname(MAIN), 'help-screens.json'), 'utf8')) as { cliBytes: number; screens: Record<string, string> };

/** `node dist/src/cli/cli.js ...args`: yargs with the real command definitions, no stored screens. */
function parser(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('stored help screens', () => {
  it('cover the root help and every command the root help lists, and belong to the built cli.js', () => {
    const commands = [...stored.screens['--help'].matchAll(/^ {2}callsim ([a-z][\w-]*)/gm)].map((m) => m[1]);
    expect(commands).toEqual(expect.arrayContaining(['run', 'validate', 'staff', 'web']));
    expect(Object.keys(stored.screens).sort()).toEqual(['--help', ...commands.map((c) => `${c} --help`)].sort());
    expect(stored.cliBytes).toBe(statSync(CLI).size);
  });

  it('each is exactly what the parser prints for it (stdout, exit 0, nothing on stderr), and callsim prints it', () => {
    for (const [key, screen] of Object.entries(stored.screens)) {
      const args = key.split(' ');
      const real = parser(args);
      expect({ key, code: real.code, stderr: real.stderr }).toEqual({ key, code: 0, stderr: '' });
      expect(real.stdout, key).toBe(screen);
      expect(screen).toMatch(/Options:/);
    }
    for (const args of [['--help'], ['run', '--help']]) {
      const r = cli(args);
      expect(r).toEqual({ code: 0, stdout: stored.screens[args.join(' ')], stderr: '' });
    }
  });

  it('anything else goes to the parser: other arguments with --help, unknown commands, and screens from another cli.js', () => {
    const withPlugin = cli(['--debug', 'run', '--help']);
    expect(withPlugin.code).toBe(0);
    expect(withPlugin.stdout).toBe(parser(['--debug', 'run', '--help']).stdout);
    const unknown = cli(['nosuch', '--help']);
    expect(unknown).toEqual(parser(['nosuch', '--help']));
    // A launcher beside a cli.js of another size (a rebuild by tsc alone) ignores the stored screens.
    const dir = tempDir();
    copyFileSync(MAIN, join(dir, 'main.js'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
    writeFileSync(join(dir, 'cli.js'), "process.stdout.write('the parser\\n');\n");
    const size = statSync(join(dir, 'cli.js')).size;
    const run = (cliBytes: number): string => {
      writeFileSync(join(dir, 'help-screens.json'), JSON.stringify({ cliBytes, screens: { '--help': 'stored\n' } }));
      return spawnSync(process.execPath, [join(dir, 'main.js'), '--help'], { encoding: 'utf8' }).stdout;
    };
    expect(run(size)).toBe('stored\n');
    expect(run(size + 1)).toBe('the parser\n');
    expect(spawnSync(process.execPath, [join(dir, 'main.js'), 'run', '--help'], { encoding: 'utf8' }).stdout).toBe('the parser\n');
  });
});
