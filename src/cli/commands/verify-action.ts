/** The work of `callsim verify` (loaded when the command runs, so --help and other commands do not pay for it). */
import { readTextBounded } from '../../experiment/bounded-read.js';
import { MAX_TEXT_BYTES } from '../../scenario/files.js';
import type { ArgumentsCamelCase } from 'yargs';
import { ReplicationPool } from '../../experiment/replication-pool.js';
import { verificationOf } from '../../experiment/shard/assemble.js';
import { readPublishedRun, replicationsToVerify, verifyRun } from '../../experiment/shard/verify.js';
import { callsimVersion } from '../../experiment/version.js';
import { DEFAULT_SERIES_AXES, summarise } from '../../metrics/summary.js';
import { runSetup } from '../../experiment/run-setup.js';
import { resultsJson } from '../../report/json.js';
import { EXIT_FAILURE } from '../errors.js';
import { threadsFrom, wholeNumber } from '../options.js';
import { makeProgress } from '../progress.js';
import type { VerifyArgs } from './verify.js';

/** k distinct replications of 0..n-1, chosen with the operating system's random source (not a seed the producer could foresee). */
export async function verifyAction(argv: ArgumentsCamelCase<VerifyArgs>): Promise<void> {
  const k = wholeNumber(argv.sample, 'sample', 1);
  const run = readPublishedRun(argv.results);
  const indices = replicationsToVerify(run.replications, k);
  const lines: string[] = [`${argv.results}: ${run.scenario.name}, seed ${run.seed}, ${run.replications} replications, made by callsim ${run.callsim}`];
  if (run.callsim !== callsimVersion()) lines.push(`note: this is callsim ${callsimVersion()}; another version may compute differently`);
  const progress = makeProgress(indices.length, { quiet: argv.quiet, label: 'verify' });
  const pool = new ReplicationPool(Math.min(threadsFrom(argv.threads), indices.length));
  let outcome;
  try {
    outcome = await verifyRun(pool, run, indices, () => progress.tick());
  } finally {
    progress.stop();
    await pool.close();
  }
  let ok = true;
  const fileOk = outcome.fileSha256 === run.scenario.sha256;
  lines.push(`scenario file ${run.scenario.file}: ${fileOk ? 'same bytes (sha256 matches)' : `CHANGED (sha256 ${outcome.fileSha256.slice(0, 12)}, published ${String(run.scenario.sha256).slice(0, 12)})`}`);
  lines.push(`resolved scenario: ${outcome.contentMatches ? 'matches' : 'DIFFERS from the one published (a changed extends, trace or default)'}`);
  ok = fileOk && outcome.contentMatches;
  for (const c of outcome.checks) {
    const good = c.digestMatches && c.differing.length === 0;
    ok &&= good;
    const why = [!c.digestMatches ? 'digest differs' : '', c.differing.length > 0 ? `values differ: ${c.differing.slice(0, 5).join(', ')}${c.differing.length > 5 ? ', ...' : ''}` : ''].filter((s) => s !== '');
    lines.push(`replication ${c.replication}: ${good ? 'matches' : `MISMATCH (${why.join('; ')})`}`);
  }
  const matched = outcome.checks.filter((c) => c.digestMatches && c.differing.length === 0).length;
  let summary = '';
  if (k === undefined) {
    // Every replication rerun: rebuild the whole output and compare it with the file.
    // The series the file carries (day of the week only when it was asked for).
    const axes = [...new Set([...DEFAULT_SERIES_AXES, ...Object.values(run.series ?? {}).map((s) => s.by)])];
    const rebuilt = summarise(outcome.reruns, { callsim: run.callsim, scenario: run.scenario, seed: run.seed }, axes);
    rebuilt.verification = verificationOf(outcome.reruns, run.verification, run.verification.contentSha256);
    // What was run, rebuilt from the reloaded scenario and its overrides as `run` wrote it.
    rebuilt.setup = runSetup(outcome.scenario, outcome.changes);
    const same = resultsJson(rebuilt) === readTextBounded(argv.results, MAX_TEXT_BYTES);
    ok &&= same;
    summary = same ? '; the results file matches the rerun byte for byte' : '; the results file does NOT match the rerun (a summary or field was changed)';
  }
  lines.push(`${matched} of ${indices.length} replications rerun match${k === undefined ? '' : ` (a random sample of ${indices.length} of ${run.replications})`}${summary}`);
  lines.push(ok ? 'verified' : 'NOT verified');
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!ok) process.exitCode = EXIT_FAILURE;
}

