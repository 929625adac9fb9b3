/// <reference lib="dom" />
/** The lever form: one labelled control per lever, its unit and the standard it bears on, errors at the field. */
import type { ScenarioProblem } from '../scenario/errors.js';
import { formatProblem } from '../scenario/errors.js';
import type { Lever, LeverGroup } from './levers.js';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

/** What a control reports: the raw text typed (numbers are parsed later) or a whole value to write. */
export type LeverChange = { lever: Lever; text?: string; write?: unknown };

/** Problems whose path is the lever's field (or lies under it). */
const problemsAt = (lever: Lever, problems: readonly ScenarioProblem[]): ScenarioProblem[] =>
  problems.filter((p) => p.path === lever.id || p.path.startsWith(`${lever.id}.`) || p.path.startsWith(`${lever.id}[`));

function control(lever: Lever, n: number, problems: readonly ScenarioProblem[], onChange: (c: LeverChange) => void): HTMLElement {
  if (lever.kind === 'action') {
    const button = el('button', { type: 'button', textContent: lever.label });
    button.dataset.lever = lever.id;
    button.addEventListener('click', () => onChange({ lever, write: lever.write }));
    return button;
  }
  const id = `lever-${n}`;
  const unitId = `${id}-unit`;
  const errorId = `${id}-error`;
  const field = el('div', { className: lever.kind === 'number' ? 'field' : 'field wide' });
  field.append(el('label', { htmlFor: id, textContent: lever.label }));
  let input: HTMLInputElement | HTMLSelectElement;
  if (lever.kind === 'choice') {
    input = el('select', { id });
    for (const o of lever.options) input.append(el('option', { value: o.value, textContent: o.label, selected: o.value === lever.value }));
    input.addEventListener('change', () => onChange({ lever, write: lever.options.find((o) => o.value === input.value)?.write }));
  } else {
    const shown = lever.kind === 'number' && lever.percent ? String(Math.round(lever.value * 10000) / 100) : String(lever.value);
    input = el('input', { id, type: 'text', value: shown, inputMode: lever.kind === 'number' ? (lever.step === 1 ? 'numeric' : 'decimal') : 'text', autocomplete: 'off' });
    input.addEventListener('change', () => onChange({ lever, text: input.value }));
  }
  input.dataset.lever = lever.id;
  const describedBy = [unitId];
  const help = lever.kind === 'number' && lever.help !== undefined && lever.help.length <= 120 ? ` · ${lever.help}` : '';
  field.append(input, el('span', { id: unitId, className: 'unit', textContent: `${lever.unit}${help}` }));
  const here = problemsAt(lever, problems);
  if (here.length > 0) {
    input.setAttribute('aria-invalid', 'true');
    describedBy.push(errorId);
    field.append(el('p', { id: errorId, className: 'error', textContent: here.map(formatProblem).join('\n') }));
  }
  input.setAttribute('aria-describedby', describedBy.join(' '));
  return field;
}

/** The form of lever groups, each a fieldset with its standard. */
export function leverForm(groups: readonly LeverGroup[], problems: readonly ScenarioProblem[], onChange: (c: LeverChange) => void): HTMLElement {
  const form = el('div', { className: 'levers' });
  let n = 0;
  for (const group of groups) {
    const set = el('fieldset', {}, el('legend', { textContent: group.title }));
    if (group.standard) set.append(el('p', { className: 'standard', textContent: `Standard: ${group.standard}` }));
    const actions = el('div', { className: 'actions' });
    for (const lever of group.levers) {
      const c = control(lever, n++, problems, onChange);
      (lever.kind === 'action' ? actions : set).append(c);
    }
    if (actions.childElementCount > 0) set.append(actions);
    form.append(set);
  }
  return form;
}

/** The value a typed text stands for: a number when it reads as one (percent fields divided by 100), else the text itself. */
export function typedValue(lever: Lever, text: string): unknown {
  const trimmed = text.trim();
  if (lever.kind !== 'number' || trimmed === '' || !Number.isFinite(Number(trimmed))) return trimmed;
  const value = Number(trimmed);
  return lever.percent ? Math.round(value * 100) / 10000 : value;
}

export { el };
