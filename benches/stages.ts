import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReplication } from '../src/experiment/run-replication.js';
import { flameGraphSvg } from './flame-graph.js';
import { models } from './floors.js';
import { bestOf, type Bench, isEntry, loadText, RESULTS_FILE, ROOT, runFresh } from './format.js';
import { type CpuProfile, type ProfileSummary, summarise } from './profile-tree.js';

/**
 * Where each in-process row's time goes, stage by stage (issue 12: "flame graph per stage"). Each
 * model runs in a fresh process of its own (so no other model has made its call sites
 * polymorphic): one warm-up replication, the CPU time of REPEATS more, then REPEATS under V8's
 * sampling profiler. The profile is summed by stage (a sample counts in the stage of its
 * innermost model-level frame, so a draw or an event posted while answering counts as answering),
 * by layer (the leaf frame's own module) and by function; the stage shares are applied to the
 * unprofiled CPU time per arrival. A function V8 inlined counts where the profiler puts its frame, and the
 * profiler's own overhead spreads over every stage alike.
 */

const REPEATS = 3;
const SAMPLING_MICROSECONDS = 100;
const CHILD = 'CALLSIM_STAGES_CHILD';
const OUT = 'CALLSIM_STAGES_OUT';
const PROFILES_DIR = join(ROOT, 'benches', 'profiles');

/** One model's profile, as the child writes it. */
export interface StageProfile {
  model: string;
  arrivals: number;
  /** CPU time per arrival without the profiler, best of REPEATS. */
  cpuNsPerArrival: number;
  summary: ProfileSummary;
}

async function measure(index: number, outFile: string): Promise<void> {
  const model = (await models())[index];
  let arrivals = 0;
  runReplication(model.scenario, 0);
  const timing = bestOf(REPEATS, () => {
    const r = runReplication(model.scenario, 0);
    arrivals = r.callsOffered;
    return r.eventsRun;
  });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_MICROSECONDS });
  await session.post('Profiler.start');
  for (let i = 0; i < REPEATS; i++) runReplication(model.scenario, 0);
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
  session.disconnect();
  const result: StageProfile = {
    model: model.name,
    arrivals,
    cpuNsPerArrival: (timing.bestCpuSeconds * 1e9) / arrivals,
    summary: summarise(profile, 'runReplication'),
  };
  writeFileSync(outFile, JSON.stringify(result));
}

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The table of one model's parts: share of the profile and ns per arrival. */
function printParts(title: string, parts: ReadonlyArray<{ name: string; share: number }>, nsPerArrival: number, limit = parts.length): void {
  console.log(`  ${title}`);
  for (const p of parts.slice(0, limit)) {
    console.log(`    ${(100 * p.share).toFixed(1).padStart(5)}%  ${(p.share * nsPerArrival).toFixed(0).padStart(5)} ns  ${p.name}`);
  }
}

export const stagesBench: Bench = {
  name: 'stages',
  description: "each in-process row's CPU time per arrival by stage, layer and function, from V8's sampling profiler; flame graphs in benches/profiles/, `stages` in benches/results.json",
  async run(): Promise<void> {
    const loadBefore = loadavg();
    const count = (await models()).length;
    const results: Array<StageProfile & { flameGraph: string }> = [];
    mkdirSync(PROFILES_DIR, { recursive: true });
    for (let i = 0; i < count; i++) {
      const outFile = join(tmpdir(), `callsim-stages-${process.pid}-${i}.json`);
      runFresh(import.meta.url, { [CHILD]: String(i), [OUT]: outFile }, `the stages bench for model ${i}`);
      const r = JSON.parse(readFileSync(outFile, 'utf8')) as StageProfile;
      rmSync(outFile);
      const s = r.summary;
      console.log(
        `${r.model}: ${r.cpuNsPerArrival.toFixed(0)} ns of CPU per arrival (${r.arrivals.toLocaleString('en-GB')} arrivals, best of ${REPEATS}); ` +
          `profiled ${REPEATS} runs, ${s.samples.toLocaleString('en-GB')} samples at ${SAMPLING_MICROSECONDS} µs`,
      );
      printParts('by stage (a sample counts in its innermost model-level caller)', s.stages, r.cpuNsPerArrival);
      printParts('by layer (the leaf frame)', s.layers, r.cpuNsPerArrival);
      printParts('the 15 functions with the most time of their own', s.functions, r.cpuNsPerArrival, 15);
      const file = join('benches', 'profiles', `${slug(r.model)}.svg`);
      const title = `${r.model}: ${r.cpuNsPerArrival.toFixed(0)} ns per arrival, CPU (node ${process.version}); width = share of ${REPEATS} profiled runs`;
      writeFileSync(join(ROOT, file), await flameGraphSvg(s.flame, title));
      console.log(`  flame graph: ${file}`);
      // The flame tree is in the SVG; results.json keeps the figures only.
      results.push({ ...r, summary: { ...s, flame: [], functions: s.functions.slice(0, 30) }, flameGraph: file });
    }
    const loadAfter = loadavg();
    console.log(`load average before ${loadText(loadBefore)}, after ${loadText(loadAfter)}`);
    const json = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {};
    json.stages = { measuredAt: new Date().toISOString(), node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter, samplingMicroseconds: SAMPLING_MICROSECONDS, models: results };
    writeFileSync(RESULTS_FILE, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`wrote stages into ${RESULTS_FILE}`);
  },
};

const childIndex = process.env[CHILD];
const childOut = process.env[OUT];
if (childIndex !== undefined && childOut !== undefined && isEntry(import.meta.url)) await measure(Number(childIndex), childOut);
