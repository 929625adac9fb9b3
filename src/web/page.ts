/// <reference lib="dom" />
/**
 * The what-if page (bundled into app.js by `callsim web`): pick a scenario, move the levers or edit
 * its YAML (checked as `callsim validate` checks it, errors at the field), run replications on Web
 * Workers, and read the report's standards table and charts beside the unchanged scenario's, paired
 * under common random numbers. The edited text is kept in localStorage, so a reload loses nothing.
 */
import { pairedComparison } from '../experiment/paired-comparison.js';
import { runSetup } from '../experiment/run-setup.js';
import type { ComparisonResults, Results } from '../metrics/results.js';
import { summarise } from '../metrics/summary.js';
import { comparisonJson, resultsJson } from '../report/json.js';
import { pairedDifferences } from '../report/html/comparison-charts.js';
import { comparisonTable, headlineMetrics } from '../report/html/comparison-report.js';
import { runChartPlans } from '../report/html/run-report.js';
import { withResultTargets } from '../metrics/standards.js';
import { standardsTable, summaryRows } from '../report/html/summary-table.js';
import { formatProblem, ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { loadScenarioFrom, type LoadedScenario } from '../scenario/load.js';
import { loadChain } from '../scenario/source.js';
import { drawCharts } from './charts.js';
import { el, leverForm, typedValue, type LeverChange } from './controls.js';
import { SITE_DATA_ID, WORKER_SOURCE_GLOBAL, type SiteData } from './files-bundle.js';
import { leverGroups } from './levers.js';
import { memoryFiles } from './memory-files.js';
import { BrowserPool, type Task } from './run-pool.js';
import { editField } from './yaml-edit.js';

const site = JSON.parse(document.getElementById(SITE_DATA_ID)?.textContent ?? '{}') as SiteData;
const workerSource = (globalThis as unknown as Record<string, string>)[WORKER_SOURCE_GLOBAL];
const cores = Math.max(1, navigator.hardwareConcurrency || 1);
const pool = new BrowserPool(workerSource, cores);
const STORE = 'callsim-web:v1:';
const schema = scenarioJsonSchema();

interface Settings { selected: string; replications: number; seed?: number }

const stored = <T>(key: string): T | undefined => {
  try {
    const text = localStorage.getItem(STORE + key);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
};
const store = (key: string, value: unknown): void => {
  try {
    if (value === undefined) localStorage.removeItem(STORE + key);
    else localStorage.setItem(STORE + key, JSON.stringify(value));
  } catch {
    // Storage refused (private mode, full): the page still works, it just forgets on reload.
  }
};

const settings: Settings = { selected: site.scenarios[0], replications: 5, ...stored<Settings>('settings') };
if (!site.scenarios.includes(settings.selected)) settings.selected = site.scenarios[0];

interface Checked {
  text: string;
  loaded?: LoadedScenario;
  merged?: Record<string, unknown>;
  problems: ScenarioProblem[];
}

const original = (name: string): string => site.files[name] ?? '';
const editedText = (name: string): string => stored<string>(`text:${name}`) ?? original(name);

/** Loads `name` with its text replaced by `text`: the scenario, its merged data for the form, or its problems. */
function check(name: string, text: string): Checked {
  const files = memoryFiles(new Map([...Object.entries(site.files), [name, text]]));
  const out: Checked = { text, problems: [] };
  try {
    out.merged = loadChain(files, name).data;
  } catch {
    // Unreadable YAML: the problems come from loading below.
  }
  try {
    out.loaded = loadScenarioFrom(files, name);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    out.problems = error.problems;
  }
  return out;
}

let current = check(settings.selected, editedText(settings.selected));
/** The file's seed and replications from the last version that loaded (shown while an edit is broken). */
let fileFacts = { seed: current.loaded?.resolved.seed, replications: current.loaded?.resolved.replications };
let running = false;

const controls = document.getElementById('controls') as HTMLElement;
const results = document.getElementById('results') as HTMLElement;

function setText(text: string, fromEditor = false): void {
  current = check(settings.selected, text);
  store(`text:${settings.selected}`, text === original(settings.selected) ? undefined : text);
  renderControls(fromEditor);
}

function onLever(change: LeverChange): void {
  if (current.merged === undefined) return;
  const value = change.text !== undefined ? typedValue(change.lever, change.text) : change.write;
  setText(editField(current.text, current.merged, change.lever.path, value));
}

function numberField(id: string, label: string, value: number | undefined, unit: string, onChange: (v: number | undefined) => void): HTMLElement {
  const input = el('input', { id, type: 'number', min: '1', step: '1', value: value === undefined ? '' : String(value) });
  input.setAttribute('aria-describedby', `${id}-unit`);
  input.addEventListener('change', () => onChange(input.value === '' ? undefined : Number(input.value)));
  return el('div', { className: 'field' }, el('label', { htmlFor: id, textContent: label }), input, el('span', { id: `${id}-unit`, className: 'unit', textContent: unit }));
}

function renderControls(fromEditor = false): void {
  const focused = document.activeElement?.id;
  const editorScroll = (document.getElementById('yaml') as HTMLTextAreaElement | null)?.scrollTop ?? 0;
  const picker = el('select', { id: 'scenario' });
  for (const name of site.scenarios) {
    const title = /^name:\s*(.+?)\s*(#.*)?$/m.exec(original(name))?.[1]?.replace(/^["']|["']$/g, '');
    picker.append(el('option', { value: name, textContent: title === undefined ? name : `${title} (${name})`, selected: name === settings.selected }));
  }
  picker.addEventListener('change', () => {
    settings.selected = picker.value;
    settings.seed = undefined;
    store('settings', settings);
    current = check(settings.selected, editedText(settings.selected));
    renderControls();
  });
  if (current.loaded !== undefined) fileFacts = { seed: current.loaded.resolved.seed, replications: current.loaded.resolved.replications };
  const fileSeed = fileFacts.seed;
  const fileReps = fileFacts.replications;
  const runButton = el('button', { type: 'button', id: 'run', className: 'primary', textContent: running ? 'Running…' : 'Run', disabled: running || current.loaded === undefined });
  runButton.addEventListener('click', () => void run());
  const edited = current.text !== original(settings.selected);
  const reset = el('button', { type: 'button', id: 'reset', textContent: 'Undo all changes', disabled: !edited });
  reset.addEventListener('click', () => setText(original(settings.selected)));
  const download = el('button', { type: 'button', id: 'download-yaml', textContent: 'Download scenario (YAML)' });
  download.addEventListener('click', () => save(current.text, baseName(settings.selected), 'text/yaml'));
  const runBox = el(
    'div',
    { className: 'run' },
    el('div', { className: 'field wide' }, el('label', { htmlFor: 'scenario', textContent: 'Scenario' }), picker),
    el(
      'div',
      { className: 'row' },
      numberField('replications', 'Replications', settings.replications, `runs of the whole period (the file says ${fileReps ?? '?'})`, (v) => {
        settings.replications = Math.max(1, Math.floor(v ?? 5));
        store('settings', settings);
      }),
      numberField('seed', 'Seed', settings.seed ?? fileSeed, 'same seed, same numbers', (v) => {
        settings.seed = v === fileSeed ? undefined : v;
        store('settings', settings);
      }),
    ),
    el('div', { className: 'actions' }, runButton, reset, download),
    el('progress', { id: 'progress', max: 1, value: 0, hidden: !running }),
    el('p', { id: 'status', className: 'status', textContent: edited ? 'Edited: changes are kept in this browser.' : 'As written in the file.' }),
  );
  runBox.querySelector('progress')?.setAttribute('aria-label', 'Replications done');
  const problemList = el('ul', { className: 'problems', id: 'problems' });
  for (const p of current.problems) problemList.append(el('li', { textContent: formatProblem(p) }));
  const editor = el('textarea', { id: 'yaml', spellcheck: false, value: current.text });
  editor.setAttribute('aria-describedby', 'problems');
  if (current.problems.length > 0) editor.setAttribute('aria-invalid', 'true');
  let timer: number | undefined;
  editor.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => setText(editor.value, true), 400);
  });
  const advanced = el('details', { id: 'advanced', open: fromEditor || (document.getElementById('advanced') as HTMLDetailsElement | null)?.open === true }, el('summary', { textContent: 'Advanced: edit the scenario file (YAML)' }), el('label', { htmlFor: 'yaml', className: 'sr-only', textContent: 'Scenario file (YAML)' }), editor);
  const problemsBox = el('div', { role: 'alert' });
  if (current.problems.length > 0) problemsBox.append(el('h2', { textContent: `${current.problems.length} problem${current.problems.length === 1 ? '' : 's'} to fix before running` }), problemList);
  const form = current.merged === undefined ? el('p', { textContent: 'The form returns when the YAML reads again.' }) : leverForm(leverGroups(current.merged, schema), current.problems, onLever);
  controls.replaceChildren(runBox, problemsBox, form, advanced);
  if (fromEditor) {
    editor.focus();
    editor.scrollTop = editorScroll;
  } else if (focused) document.getElementById(focused)?.focus();
}

const baseName = (name: string): string => name.split('/').pop() ?? name;

function save(text: string, file: string, type: string): void {
  const a = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: file });
  document.body.append(a);
  a.click();
  a.remove();
}

/** Runs the edited scenario and, when it differs, the scenario as written, with the same seed and replications. */
async function run(): Promise<void> {
  const name = settings.selected;
  const loaded = current.loaded;
  if (loaded === undefined || running) return;
  const written = current.text === original(name) ? undefined : check(name, original(name)).loaded;
  const seed = settings.seed ?? loaded.resolved.seed;
  const count = settings.replications;
  const scenarios = [loaded, ...(written === undefined ? [] : [written])].map((l) => ({ ...l.resolved, seed, replications: count }));
  const tasks: Task[] = [];
  for (let i = 0; i < count; i++) for (let s = 0; s < scenarios.length; s++) tasks.push({ scenario: s, replication: i });
  running = true;
  delete results.dataset.ready;
  renderControls();
  const progress = document.getElementById('progress') as HTMLProgressElement;
  const status = document.getElementById('status') as HTMLElement;
  const began = performance.now();
  try {
    let runMillis: number[] = [];
    const runs = await pool.run(scenarios, tasks, (p) => {
      runMillis = p.millis;
      progress.value = p.done / p.total;
      status.textContent = `${p.done} of ${p.total} replications done on ${Math.min(cores, p.total)} workers`;
    });
    const seconds = (performance.now() - began) / 1000;
    // For benches/web-page.ts: each replication's time inside its worker.
    results.dataset.replicationMs = runMillis.map((ms) => ms.toFixed(0)).join(' ');
    const meta = (l: LoadedScenario) => ({ callsim: site.callsim, scenario: { name: l.resolved.name, file: name, sha256: l.sha256 }, seed });
    // With what was run (setup), as `callsim run` writes it: the page's JSON is the command line's.
    const summary = (reps: (typeof runs)[number], l: LoadedScenario): Results => ({ ...summarise(reps, meta(l)), setup: runSetup(l.resolved, l.changes) });
    const edited = summary(runs[0], loaded);
    const comparison = written === undefined ? undefined : pairedComparison([runs[1], runs[0]], [summary(runs[1], written), edited], { callsim: site.callsim, seed, replications: count });
    running = false;
    renderControls();
    await showResults(edited, comparison, seconds);
  } catch (error) {
    running = false;
    pool.stop();
    renderControls();
    results.replaceChildren(el('p', { role: 'alert', textContent: `The run failed: ${error instanceof Error ? error.message : String(error)}` }));
  }
}

async function showResults(edited: Results, comparison: ComparisonResults | undefined, seconds: number): Promise<void> {
  const options = withResultTargets(edited.metrics, {});
  const head = el('div', {}, el('h2', { textContent: `Results: ${edited.scenario.name}${comparison ? ' (edited)' : ''}` }), el('p', { className: 'soft', id: 'run-facts', textContent: `${edited.replications} replications, seed ${edited.seed}, ${seconds.toFixed(1)} s in this browser. Means across replications with 95% intervals.` }));
  const downloads = el('div', { className: 'actions' });
  const json = el('button', { type: 'button', id: 'download-results', textContent: 'Download results (JSON)' });
  json.addEventListener('click', () => save(resultsJson(edited), baseName(edited.scenario.file ?? 'scenario').replace(/\.(ya?ml|json)$/i, '') + '-results.json', 'application/json'));
  downloads.append(json);
  const standards = el('section', { id: 'standards' });
  standards.innerHTML = `<h2>Against the national standards</h2>${standardsTable(summaryRows(edited, options))}`;
  const sections: HTMLElement[] = [head, downloads, standards];
  if (comparison !== undefined) {
    const shown: ComparisonResults = {
      ...comparison,
      scenarios: comparison.scenarios.map((s, i) => ({ ...s, scenario: { ...s.scenario, name: i === 0 ? 'As written' : 'Edited' } })),
    };
    const compare = el('section', { id: 'comparison' });
    compare.innerHTML = `<h2>Edited against the scenario as written</h2><p class="soft">Same callers in both (common random numbers): a difference whose interval excludes zero is significant.</p>${comparisonTable(shown, headlineMetrics(comparison.scenarios[0]), options)}`;
    const both = el('button', { type: 'button', id: 'download-comparison', textContent: 'Download comparison (JSON)' });
    both.addEventListener('click', () => save(comparisonJson(comparison), 'comparison.json', 'application/json'));
    downloads.append(both);
    sections.push(compare);
  }
  const charts = el('section', { id: 'charts' }, el('h2', { textContent: 'Charts' }));
  const grid = el('div', { className: 'charts' });
  charts.append(grid);
  sections.push(charts);
  results.replaceChildren(...sections);
  // For scripts and tests: the exact JSON `callsim run --format json` prints for these runs.
  results.dataset.resultsJson = resultsJson(edited);
  const plans = [...(comparison === undefined ? [] : [pairedDifferences({ ...comparison, scenarios: comparison.scenarios.map((s, i) => ({ ...s, scenario: { ...s.scenario, name: i === 0 ? 'As written' : 'Edited' } })) }, headlineMetrics(comparison.scenarios[0]))]), ...runChartPlans(edited, options)];
  await drawCharts(plans, grid);
  results.dataset.ready = 'true';
}

renderControls();
document.body.dataset.ready = 'true';
// Milliseconds from navigation to a usable form (benches/web-page.ts reports it).
document.body.dataset.readyMs = performance.now().toFixed(0);
