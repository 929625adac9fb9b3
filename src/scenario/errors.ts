/** One thing wrong with a scenario or trace: where it is, what was expected, what was found. */
export interface ScenarioProblem {
  /** The file that holds the field (or `--set path=value` for an override). */
  file?: string;
  /** The field path, for example `queues.primary.patienceSeconds.lognormal.cv` or `handlers.pools[0].staff`. */
  path: string;
  /** 1-based line, where the parser knows it. */
  line?: number;
  expected: string;
  found: string;
}

/** Problems listed in a message; a hostile file (10,000 unknown keys) gets a count of the rest. */
export const MAX_LISTED_PROBLEMS = 50;

/**
 * Every problem of a scenario at once; `message` has one line per problem: `file:line: path:
 * expected X, found Y` (the first MAX_LISTED_PROBLEMS, then a line counting the rest).
 */
export class ScenarioError extends Error {
  constructor(public readonly problems: ScenarioProblem[]) {
    const more = problems.length - MAX_LISTED_PROBLEMS;
    super([...problems.slice(0, MAX_LISTED_PROBLEMS).map(formatProblem), ...(more > 0 ? [`... and ${more} more problems`] : [])].join('\n'));
    this.name = 'ScenarioError';
  }
}

/** Longest echo of user text in a message (a field path, a `--set`, a found value). */
export const MAX_ECHO = 200;

/** `text` cut to about `max` characters, saying how much was left out. */
export function cutEcho(text: string, max = MAX_ECHO): string {
  return text.length > max ? `${text.slice(0, max)}... (${text.length - max} more characters)` : text;
}

/** `file:line: path: expected X, found Y` (parts the problem lacks are left out; echoed text cut). */
export function formatProblem(p: ScenarioProblem): string {
  const file = p.file === undefined ? undefined : cutEcho(p.file);
  const where = file === undefined ? '' : p.line === undefined ? `${file}: ` : `${file}:${p.line}: `;
  // `expected` is our words, but some quote the user's (an instant after `from`): cut it too, more loosely.
  return `${where}${p.path ? `${cutEcho(p.path)}: ` : ''}expected ${cutEcho(p.expected, 2 * MAX_ECHO)}, found ${cutEcho(p.found)}`;
}

/** A short, readable rendering of a found value. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'string') return cutEcho(JSON.stringify(value));
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Too deep or circular: describe the kind, not the content.
    text = Array.isArray(value) ? 'a list' : 'a map';
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const FILE_WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'a folder, not a file',
  EACCES: 'no permission to read it',
  EPERM: 'no permission to read it',
  ENOTDIR: 'a path through something that is not a folder',
  EFBIG: 'larger than the limit',
};

/** A file-system error code in plain words ("no such file"), for messages people read. */
export function fileProblemWords(code: unknown): string {
  return (typeof code === 'string' ? FILE_WORDS[code] : undefined) ?? 'a file that cannot be read';
}
