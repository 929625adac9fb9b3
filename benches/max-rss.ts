/**
 * Loaded with `node --import` ahead of the command line when benches/table.ts measures peak memory:
 * prints the process's peak resident set (worker threads included) on stderr as it exits. Timing
 * runs go without it, so it costs them nothing.
 */
process.on('exit', () => {
  process.stderr.write(`\nmaxRSS-KB ${process.resourceUsage().maxRSS}\n`);
});
