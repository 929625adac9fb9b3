/**
 * The command a batch engine runs for each shard, and for the merge: the user's `run|compare|sweep
 * ...` with `--out` taken out (the merge writes there) and `--shard i/n --out PART` added.
 */
import { ShardInputError } from './shard-spec.js';

export interface ClusterCommand {
  command: 'run' | 'compare' | 'sweep';
  /** The command's words after its name, without --out. */
  args: string[];
  /** Where the merged result goes (the command's own --out). */
  out: string;
  /** True when the words set --threads (else each shard uses the CPUs the engine gives it). */
  threads: boolean;
}

const SHARDABLE = ['run', 'compare', 'sweep'];
const REFUSED = ['--shard', '--html', '--precision', '--trace-out', '--max-reps'];

/** Splits `run FILE ... --out results.json` into its parts; refuses what a sharded job cannot do. */
export function clusterCommand(words: readonly string[], engine: string): ClusterCommand {
  const [command, ...rest] = words;
  if (command === undefined || !SHARDABLE.includes(command)) {
    throw new ShardInputError(`${engine}: give the command to split after --, one of ${SHARDABLE.join(', ')} (found ${command === undefined ? 'nothing' : JSON.stringify(command)})`);
  }
  const args: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    const name = w.split('=')[0];
    if (REFUSED.includes(name)) throw new ShardInputError(`${engine}: ${name} cannot be used in a sharded job (${engine} adds --shard itself)`);
    if (name === '--out') {
      out = w.includes('=') ? w.slice(w.indexOf('=') + 1) : rest[++i];
      if (out === undefined || out === '') throw new ShardInputError(`${engine}: --out needs a file name`);
      continue;
    }
    args.push(w);
  }
  if (out === undefined) throw new ShardInputError(`${engine}: the ${command} command needs --out FILE (where the merge job writes the result)`);
  return { command: command as ClusterCommand['command'], args, out, threads: args.some((a) => a.split('=')[0] === '--threads') };
}

/** A word quoted for a POSIX shell (single quotes; a single quote inside becomes '\''). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
