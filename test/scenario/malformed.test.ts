import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/experiment/load-scenario.js';
import { parseTrace, ScenarioError } from '../../src/scenario/index.js';
import { VALID } from './fixtures.js';


const dirPath = mkdtempSync(join(tmpdir(), 'callsim-malformed-'));
let count = 0;
function load(text: string, ext = 'yaml', sets: string[] = []): ScenarioError {
  const file = join(dirPath, `case-${++count}.${ext}`);
  writeFileSync(file, text);
  try {
    loadScenario(file, { sets });
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('the scenario loaded without a problem');
}
const edit = (from: string, to: string): string => {
  if (!VALID.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return VALID.replace(from, to);
};

/** [what is wrong, the scenario text, a pattern its message must contain (line:path: expected ...)] */
const CASES: [string, string, RegExp][] = [
  ['wrong type: horizon as text', edit('horizon: { days: 2 }', 'horizon: two days'), /:3: horizon: expected a map of fields, found "two days"/],
  ['negative rate', edit('perHour: 30', 'perHour: -30'), /:6: channels\.999\.perHour: expected a number >= 0, found -30/],
  ['rate as text', edit('perDay: 600', 'perDay: lots'), /:8: channels\.101\.perDay: expected a number, found "lots"/],
  ['unknown field (typo)', edit('{ targetSeconds: 40 }', '{ targetSecond: 40 }'), /:15: queues\.switchboard\.targetSecond: expected a known field \(did you mean targetSeconds\?\), found unknown field "targetSecond"/],
  ['missing required field', edit('  switchboard: { targetSeconds: 40 }', '  switchboard: { patienceSeconds: 60 }'), /:15: queues\.switchboard\.targetSeconds: expected a number \(a required field\), found nothing/],
  ['unknown queue in a pool', edit('serves: [primary, secondary]', 'serves: [primary, tertiary]'), /:26: handlers\.pools\[1\]\.serves\[1\]: expected a declared queue .*found "tertiary"/],
  ['roster of the wrong length', edit('staff: { hourOfDay: [1, 1, 1, 1, 1, 1, 2,', 'staff: { hourOfDay: [1, 1, 1, 1, 1, 2,'), /:19: switchboard\.staff\.hourOfDay: expected 24 headcounts \(non-negative integers\), found 23 values/],
  ['profile of the wrong length', edit('hourOfDay: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', 'hourOfDay: [1, 1]'), /:9: channels\.101\.profile\.hourOfDay: expected a list of exactly 24 values, found 2 values/],
  ['routes not summing to 1', edit('secondary: 0.3 }', 'secondary: 0.4 }'), /:21: switchboard\.routes: expected route probabilities to sum to 1, found a sum of 1\.1/],
  ['IVR not summing to 1', edit('deflected: 0.2, hangUp: 0.05 }', 'deflected: 0.2, hangUp: 0.05, onward: { switchboard: 0.7 } }'), /:11: channels\.101\.ivr: expected deflected \+ hangUp \+ onward probabilities to sum to 1, found a sum of 0\.95/],
  ['probability above 1', edit('accept: 0.5', 'accept: 1.5'), /:16: queues\.primary\.callback\.accept: expected a number <= 1, found 1\.5/],
  ['bad distribution parameter', edit('{ gamma: { mean: 400, cv: 0.8 } }', '{ gamma: { mean: 400, cv: -0.8 } }'), /:30: handlers\.handleSeconds\.primary\.gamma\.cv: expected a positive number, found -0\.8/],
  ['unknown distribution', edit('{ exponential: { mean: 600 } } }', '{ poisson: { mean: 600 } } }'), /:14: queues\.999\.patienceSeconds: expected exactly one of fixed, exponential, .*found poisson/],
  ['uniform with a > b', edit('uniform: [30, 90]', 'uniform: [90, 30]'), /:11: channels\.101\.ivr\.menuSeconds\.uniform: expected \[a, b\] with a <= b, found \[90, 30\]/],
  ['non-numeric handleSeconds', edit('handleSeconds: 60', 'handleSeconds: soon'), /:20: switchboard\.handleSeconds: expected a distribution such as .*found "soon"/],
  ['staff and roster both given', edit('staff: 4 }', 'staff: 4, roster: 4 }'), /:24: handlers\.pools\[0\]\.staff: expected exactly one of staff or roster, found both/],
  ['duplicate pool names', edit('name: non-emergency', 'name: emergency'), /:25: handlers\.pools\[1\]\.name: expected a pool name not used by another pool, found "emergency"/],
  ['queue nobody answers', edit('serves: ["999", primary]', 'serves: ["999"]').replace('serves: [primary, secondary]', 'serves: [primary]').replace('    secondary: { lognormal: { mean: 400, cv: 0.8 } }\n', ''), /:17: queues\.secondary: expected a queue answered by a handler pool/],
  ['missing handleSeconds for a served queue', edit('    secondary: { lognormal: { mean: 400, cv: 0.8 } }\n', ''), /handlers\.handleSeconds\.secondary: expected a handle-time distribution for queue "secondary"/],
  ['unknown queue in a channel', edit('queue: "999", bt', 'queue: "998", bt'), /:6: channels\.999\.queue: expected a declared queue .*found "998"/],
  ['unknown queue in the policy', edit('strictPriority: ["999", primary, secondary]', 'strictPriority: ["999", primary, secundary]'), /:32: policy\.queueSelection\.strictPriority\[2\]: expected a declared queue .*found "secundary"/],
  ['two policies at once', edit('{ strictPriority: ["999", primary, secondary] }', '{ strictPriority: ["999"], reserve: { order: ["999"], queue: "999", keep: 1 } }'), /:32: policy\.queueSelection: expected exactly one of ageing, longestWeightedWait, reserve, strictPriority, or \{ plugin, params \}, found reserve, strictPriority/],
  ['area shares not summing to 1', edit('share: 0.4', 'share: 0.3'), /:38: dispatch\.areas: expected area shares to sum to 1, found a sum of 0\.9/],
  ['unknown neighbour', edit('neighbours: [county]', 'neighbours: [country]'), /:38: dispatch\.areas\[0\]\.neighbours\[0\]: expected a declared area .*found "country"/],
  ['need mix not summing to 1', edit('priority: 0.6 }', 'priority: 0.5 }'), /:34: grading\.need\.999: expected grade probabilities to sum to 1, found a sum of 0\.9/],
  ['unknown grade', edit('primary: { scheduled: 1 }', 'primary: { routine: 1 }'), /:34: grading\.need\.primary\.routine: expected one of the fields immediate, priority, scheduled, resolvedWithoutDeployment, none, found unknown field "routine"/],
  ['bad area kind', edit('kind: rural', 'kind: remote'), /:39: dispatch\.areas\[1\]\.kind: expected one of "urban", "rural", found "remote"/],
  ['warm-up not shorter than the horizon', edit('warmup: { hours: 1 }', 'warmup: { days: 3 }'), /:4: warmup: expected a warm-up shorter than the horizon \(172800 s\), found 259200 s/],
  ['surge outside the horizon', edit('start: 2022-03-07T12:00:00Z, hours: 2', 'start: 2022-03-08T23:00:00Z, hours: 2'), /:10: channels\.101\.surges\[0\]: expected a surge window inside the horizon/],
  ['bad start instant', edit('start: 2022-03-07T00:00:00Z', 'start: 7 March 2022'), /:2: start: expected an ISO-8601 instant with a zone/],
  ['bad shift day', edit('days: [Fri, Sat]', 'days: [Fri, Sab]'), /:27: handlers\.pools\[1\]\.roster\.shifts\[1\]\.days\[1\]: expected one of Mon, Tue, Wed, Thu, Fri, Sat, Sun, found "Sab"/],
  ['bad shift clock', edit('start: "07:00", hours: 8, staff: 3', 'start: "7am", hours: 8, staff: 3'), /:27: handlers\.pools\[1\]\.roster\.shifts\[0\]\.start: expected a clock time "HH:MM"/],
  ['fractional headcount', edit('staff: 4 }', 'staff: 4.5 }'), /:24: handlers\.pools\[0\]\.staff: expected a whole number/],
  ['unknown grade in onSceneMinutes', edit('onSceneMinutes: { immediate: 60,', 'onSceneMinutes: { immedate: 60,'), /:40: dispatch\.onSceneMinutes\.immedate: expected a known field \(did you mean immediate\?\)/],
  ['mixture weight of 0', edit('handleSeconds: 60', 'handleSeconds: { mixture: [{ weight: 0, fixed: 1 }] }'), /:20: switchboard\.handleSeconds\.mixture\[0\]\.weight: expected a positive number, found 0/],
  ['zero horizon', edit('horizon: { days: 2 }', 'horizon: { days: 0 }'), /:3: horizon: expected a positive span of time/],
  ['switchboard routing back into itself', edit('resolved: 0.5, primary', 'resolved: 0.3, switchboard: 0.2, primary'), /:21: switchboard\.routes\.switchboard: expected a route onward from the switchboard/],
  ['YAML syntax error', edit('queues:\n', 'queues:\n  bad: [\n'), /:\d+: expected valid YAML, found/],
  ['unknown top-level field', `${VALID}replication: 3\n`, /:42: replication: expected a known field \(did you mean replications\?\)/],
];

describe('malformed scenarios: each names the file, the line and the field', () => {
  it('the catalogue base is valid', () => {
    const file = join(dirPath, 'valid.yaml');
    writeFileSync(file, VALID);
    expect(loadScenario(file).resolved.name).toBe('catalogue');
  });

  it.each(CASES)('%s', (_what, text, pattern) => {
    const error = load(text);
    expect(error.message).toMatch(pattern);
    expect(error.message).toContain(`case-${count}.yaml:`);
    expect(error.message).not.toMatch(/\n\s+at /); // no stack trace in the message
  });

  it('collects all problems at once, not just the first', () => {
    const text = edit('perHour: 30', 'perHour: -30').replace('accept: 0.5', 'accept: 2').replace('kind: rural', 'kind: remote');
    expect(load(text).problems.map((p) => [p.path, p.line])).toEqual([
      ['channels.999.perHour', 6],
      ['queues.primary.callback.accept', 16],
      ['dispatch.areas[1].kind', 39],
    ]);
    const semantic = edit('serves: [primary, secondary]', 'serves: [primary, tertiary]').replace('secondary: 0.3 }', 'secondary: 0.4 }').replace('neighbours: [county]', 'neighbours: [country]');
    expect(load(semantic).problems.map((p) => p.path)).toEqual(expect.arrayContaining(['handlers.pools[1].serves[1]', 'switchboard.routes', 'dispatch.areas[0].neighbours[0]']));
  });

  it('schema problems and semantic problems are reported together', () => {
    const text = edit('perHour: 30', 'perHour: -30').replace('serves: [primary, secondary]', 'serves: [primary, tertiary]').replace('secondary: 0.3 }', 'secondary: 0.4 }');
    const problems = load(text).problems.map((p) => `${p.line}: ${p.path}`);
    expect(problems).toEqual(expect.arrayContaining(['6: channels.999.perHour', '26: handlers.pools[1].serves[1]', '21: switchboard.routes']));
  });

  it('a semantic check on a field the schema refused is not repeated', () => {
    // the bad ivr probability fails the schema; its sum is not reported a second time
    const problems = load(edit('deflected: 0.2', 'deflected: 1.2')).problems.map((p) => p.path);
    expect(problems).toEqual(['channels.101.ivr.deflected']);
  });

  it('JSON files carry lines too', () => {
    const json = JSON.stringify({ name: 'j', start: '2022-01-01T00:00:00Z', horizon: { days: 1 }, channels: { a: { perHour: -1, queue: 'a' } }, queues: { a: { targetSeconds: 1 } }, handlers: { pools: [{ name: 'p', serves: ['a'], staff: 1 }], handleSeconds: { a: 1 } } }, null, 2);
    expect(load(json, 'json').message).toMatch(/\.json:9: channels\.a\.perHour: expected a number >= 0, found -1/);
    expect(load('{ "name": ', 'json').message).toMatch(/\.json(:\d+)?: expected valid JSON/);
  });
});

describe('malformed traces: each names the line and the column', () => {
  const CH = ['999', '101'];
  const T0 = Date.UTC(2022, 2, 7);
  const TRACES: [string, string, RegExp][] = [
    ['bad timestamp', 'arrival,channel\n2022-13-45T99:00:00Z,999\n', /t\.csv:2: column 1 \(arrival\): expected an ISO-8601 instant/],
    ['arrival before the start', 'arrival,channel\n2022-03-06T23:00:00Z,999\n', /t\.csv:2: column 1 \(arrival\): expected an arrival at or after the scenario start/],
    ['unknown channel', 'arrival,channel\n5,112\n', /t\.csv:2: column 2 \(channel\): expected a channel of the scenario \(999, 101\), found "112"/],
    ['missing column', 'arrival,handleSeconds\n5,60\n', /t\.csv:1: header: expected a column named channel/],
    ['unknown column', 'arrival,channel,colour\n5,999,red\n', /t\.csv:1: column 3: expected one of the columns arrival, channel/],
    ['non-numeric handleSeconds', 'arrival,channel,handleSeconds\n5,999,long\n', /t\.csv:2: column 3 \(handleSeconds\): expected a non-negative number of seconds, found "long"/],
    ['negative patience', 'channel,arrival,patienceSeconds\n999,5,-3\n', /t\.csv:2: column 3 \(patienceSeconds\): expected a non-negative number of seconds, found "-3"/],
    ['unknown need', 'arrival,channel,need\n5,999,urgent\n', /t\.csv:2: column 3 \(need\): expected one of immediate, priority/],
    ['too many cells', 'arrival,channel\n5,999,extra\n', /t\.csv:2: column 3: expected 2 values, found 3 values/],
    ['empty file', '', /t\.csv:1: header: expected a header line/],
  ];
  it.each(TRACES)('%s', (_what, text, pattern) => {
    expect(() => parseTrace(text, 't.csv', CH, T0)).toThrow(ScenarioError);
    expect(() => parseTrace(text, 't.csv', CH, T0)).toThrow(pattern);
  });

  it('a trace named by a scenario reports problems in the trace file', () => {
    writeFileSync(join(dirPath, 'bad.csv'), 'arrival,channel\n5,999\nsoon,999\n');
    const text = `${VALID}trace: bad.csv\n`;
    expect(load(text).message).toMatch(/bad\.csv:3: column 1 \(arrival\)/);
  });

  it('a missing trace file names the scenario line that asks for it', () => {
    expect(load(`${VALID}trace: missing.csv\n`).message).toMatch(/case-\d+\.yaml:42: trace: expected a readable trace file, found .*missing\.csv: no such file/);
  });

  it('a trace area must be one of the scenario\'s dispatch areas', () => {
    writeFileSync(join(dirPath, 'areas.csv'), 'arrival,channel,area\n5,999,city\n6,999,town\n');
    expect(load(`${VALID}trace: areas.csv\n`).message).toMatch(/areas\.csv:3: column 3 \(area\): expected an area of the scenario \(city, county\), found "town"/);
  });
});
