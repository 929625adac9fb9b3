/**
 * Loaded with `node --import` ahead of the command line when benches/table.ts measures peak memory
 * and CPU time: prints the process's peak resident set and its CPU time, user + system (worker
 * threads included), on stderr as it exits. Timing runs go without it, so it costs them nothing.
 */
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nmaxRSS-KB ${usage.maxRSS}\ncpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
