/**
 * `callsim web [FILE...] --out DIR [--serve]`: the what-if page as a static site (index.html, app.js,
 * worker.js) with the given scenarios built in (default: the Avon and Somerset baseline and its
 * what-ifs); `--serve` also serves DIR on 127.0.0.1 until interrupted.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';

interface WebArgs {
  files?: string[];
  out?: string;
  serve: boolean;
  port: number;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** Serves the site's three files (nothing else) on 127.0.0.1. */
async function serve(dir: string, port: number): Promise<void> {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const name = path === '/' ? 'index.html' : path.slice(1);
    if (!['index.html', 'app.js', 'worker.js'].includes(name)) {
      res.writeHead(404).end('not found');
      return;
    }
    readFile(join(dir, name)).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(500).end('unreadable'),
    );
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const shown = typeof address === 'object' && address !== null ? address.port : port;
      process.stdout.write(`serving ${dir} at http://127.0.0.1:${shown}/ (Ctrl-C stops)\n`);
      process.once('SIGINT', () => server.close(() => done()));
    });
  });
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

/**
 * The site builder, loaded from tsc's output beside the command line: it bundles the page with
 * esbuild at run time, finds its own sources from its own location, and so stays out of the
 * command line's bundle (dist/src/cli/cli.js).
 */
async function siteBuilder(): Promise<typeof import('../../web/build-site.js')> {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = ['../../web/build-site.js', '../web/build-site.js'].map((p) => resolve(here, p)).find((p) => existsSync(p));
  if (file === undefined) throw new Error('the site builder (dist/src/web/build-site.js) is missing: run npm run build');
  return (await import(pathToFileURL(file).href)) as typeof import('../../web/build-site.js');
}

export const webCommand: CommandModule<object, WebArgs> = {
  command: 'web [files..]',
  describe: 'Write the what-if page (a static site that runs the simulator in the browser)',
  builder: (yargs: Argv) =>
    yargs
      .positional('files', { type: 'string', array: true, describe: 'scenario files to offer (default: the Avon and Somerset baseline and its what-ifs)' })
      .option('out', { type: 'string', describe: 'directory to write index.html, app.js and worker.js into' })
      .option('serve', { type: 'boolean', default: false, describe: 'serve the site on 127.0.0.1 after writing it' })
      .option('port', { type: 'number', default: 8080, describe: 'port for --serve (0 picks a free port)' }) as unknown as Argv<WebArgs>,
  handler: async (argv: ArgumentsCamelCase<WebArgs>) => {
    if (argv.out === undefined || argv.out === '') throw new UsageError('web: give --out DIR, the directory to write the site into');
    if (!Number.isInteger(argv.port) || argv.port < 0 || argv.port > 65535) throw new UsageError(`--port: expected a whole number from 0 to 65535, found ${argv.port}`);
    const given = argv.files ?? [];
    const { buildSite, defaultScenarios, siteName } = await siteBuilder();
    const { root, names } = given.length > 0 ? { root: process.cwd(), names: given.map((f) => siteName(process.cwd(), f)) } : defaultScenarios();
    const out = resolve(argv.out);
    const site = await buildSite(out, names, root);
    const total = site.bytes.index + site.bytes.app + site.bytes.worker;
    process.stdout.write(`wrote ${argv.out}/index.html (${kib(site.bytes.index)}, ${names.length} scenario${names.length === 1 ? '' : 's'}), app.js (${kib(site.bytes.app)}), worker.js (${kib(site.bytes.worker)}): ${kib(total)} in all\n`);
    if (argv.serve) await serve(out, argv.port);
  },
};
