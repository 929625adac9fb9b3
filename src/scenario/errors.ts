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

/** Every problem of a scenario at once; `message` has one line per problem: `file:line: path: expected X, found Y`. */
export class ScenarioError extends Error {
  constructor(public readonly problems: ScenarioProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** `file:line: path: expected X, found Y` (parts the problem lacks are left out). */
export function formatProblem(p: ScenarioProblem): string {
  const where = p.file === undefined ? '' : p.line === undefined ? `${p.file}: ` : `${p.file}:${p.line}: `;
  return `${where}${p.path ? `${p.path}: ` : ''}expected ${p.expected}, found ${p.found}`;
}

/** A short, readable rendering of a found value. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const FILE_WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'a folder, not a file',
  EACCES: 'no permission to read it',
  EPERM: 'no permission to read it',
  ENOTDIR: 'a path through something that is not a folder',
};

/** A file-system error code in plain words ("no such file"), for messages people read. */
export function fileProblemWords(code: unknown): string {
  return (typeof code === 'string' ? FILE_WORDS[code] : undefined) ?? 'a file that cannot be read';
}
