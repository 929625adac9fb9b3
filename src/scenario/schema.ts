import { z } from 'zod';
import { dispatchPolicyEntries, queuePolicyEntries, registryVersion } from '../policies/registry.js';
import { assumptionsSchema } from './assumptions.js';
import { distribution, duration, grade, instant, needMix, nonNegative, positive, probability, roster } from './schema-parts.js';

/**
 * The written scenario (DESIGN.md section 5): what planners type. Strict objects, so a misspelt
 * field is an error naming it. Defaults are filled in by `resolve.ts`, and stated in each field's
 * description (the published JSON Schema carries them to editors).
 */
/** The written scenario schema for the policies registered now (built again when one is registered). */
function buildScenarioSchema() {
const queueName = z.string().min(1).describe('A queue name (a key of `queues`).');

const channelSchema = z
  .strictObject({
    perHour: nonNegative('Mean arrivals per hour (before the profile shapes it). Give perHour or perDay.').optional(),
    perDay: nonNegative('Mean arrivals per day; resolved to perHour = perDay / 24. Give perHour or perDay.').optional(),
    profile: z
      .strictObject({
        hourOfDay: z.array(nonNegative('Weight.')).length(24).describe('24 relative weights, 00:00-01:00 local time (timeZone) first; scaled to average 1. Default: flat.').optional(),
        dayOfWeek: z.array(nonNegative('Weight.')).length(7).describe('7 relative weights, Monday first; scaled to average 1. Default: flat.').optional(),
        month: z.array(nonNegative('Weight.')).length(12).describe('12 month weights, January first; relative (scaled to average 1) or absolute multipliers, as monthWeights says. Default: flat.').optional(),
        monthWeights: z
          .enum(['relative', 'absolute'])
          .describe('How the month weights apply: relative (scaled to average 1, so perHour/perDay stays the mean rate over a year) or absolute (multipliers on perHour/perDay as written: 1.1 is 10% above it). `callsim validate` prints which, with the multipliers applied. Default relative.')
          .optional(),
        hourOfWeek: z.array(nonNegative('Weight.')).length(168).describe('168 relative weights, Monday 00:00 first; replaces hourOfDay and dayOfWeek. Default: none.').optional(),
      })
      .describe('Shape of demand over the calendar, in local time (timeZone). Default: flat.')
      .optional(),
    dayBusynessCv: nonNegative('Coefficient of variation of a gamma day factor (mean 1) multiplying each day\'s rate; dimensionless. Default 0 (none).').optional(),
    surges: z
      .array(
        z.strictObject({
          start: instant('When the surge starts.'),
          hours: positive('Length of the surge in hours.'),
          factor: nonNegative('Multiplier on the rate during the surge (dimensionless).'),
        }),
      )
      .describe('Dated multipliers on the rate, inside the horizon. Default: none.')
      .optional(),
    btTransferSeconds: distribution('BT transfer leg before the force queue, in seconds (counted in the answer time). Default: none.').optional(),
    ivr: z
      .strictObject({
        menuSeconds: distribution('Time in the IVR menu, in seconds.'),
        deflected: probability('Share leaving through the IVR (online, another agency). Default 0.').optional(),
        hangUp: probability('Share hanging up in the menu. Default 0.').optional(),
        onward: z.record(z.string(), probability('Share sent to this queue.')).describe('Onward routes: queue name -> probability; with deflected and hangUp they sum to 1. Default: { <next>: 1 - deflected - hangUp }.').optional(),
      })
      .describe('An IVR menu in front of the queue. Default: none.')
      .optional(),
    next: queueName.describe('The queue the channel\'s calls enter (after the IVR, if any). Alias: queue.').optional(),
    queue: queueName.describe('Alias of next.').optional(),
  })
  .describe('A source of calls (999, 101, online...).');

const queueSchema = z
  .strictObject({
    targetSeconds: nonNegative('Answer target in seconds (service level: share answered within it).'),
    patienceSeconds: distribution('How long a caller waits before hanging up, in seconds. Default: callers never abandon.').optional(),
    callback: z
      .strictObject({
        offerAfterSeconds: nonNegative('Seconds in the queue after which a callback is offered.'),
        accept: probability('Share of callers offered who accept.'),
        reach: probability('Share of call-backs that reach the caller. Default 1.').optional(),
        failedAttemptSeconds: distribution('Handler time on a call-back that fails to reach the caller, in seconds. Default { fixed: 60 }.').optional(),
      })
      .describe('Callback offer; the caller keeps their place. Default: none.')
      .optional(),
    redial: z
      .strictObject({
        probability: probability('Share of abandoning callers who call again.'),
        delaySeconds: distribution('Delay before the redial, in seconds.'),
      })
      .describe('Abandoning callers who call again. Default: none.')
      .optional(),
  })
  .describe('A call queue.');

/** A policy key of the registry, or a plugin module with its parameters (checked by the module's own schema at resolution). */
function policyChoice(entries: readonly { definition: { name: string; description: string; params: unknown }; builtIn: boolean }[]): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  // A user's policy may bring its own copy of zod: its parameters are checked by its own schema at resolution.
  for (const { definition: d, builtIn } of entries) shape[d.name] = (builtIn ? (d.params as z.ZodType) : z.unknown()).describe(String(d.description ?? d.name)).optional();
  shape.plugin = z.string().min(1).describe('A policy module (JavaScript, path relative to this file) exporting name, params and create; give its parameters in params.').optional();
  shape.params = z.unknown().describe('Parameters of the plugin, checked by its own params schema.').optional();
  return shape;
}

const selectionSchema = (): z.ZodType<Record<string, unknown>> => {
  const entries = queuePolicyEntries();
  return z
    .strictObject(policyChoice(entries))
    .describe(`Queue-selection policy: exactly one of ${entries.map((e) => e.definition.name).join(', ')}, or { plugin, params }.`) as unknown as z.ZodType<Record<string, unknown>>;
};

const dispatchPolicySchema = (): z.ZodType<string | Record<string, unknown>> => {
  const entries = dispatchPolicyEntries();
  const names = entries.map((e) => e.definition.name) as [string, ...string[]];
  return z
    .union([z.enum(names), z.strictObject(policyChoice(entries))], { error: `${names.join(' or ')} (a name), { name: { parameters } } or { plugin, params }` })
    .describe(`Dispatch policy: ${names.join(' or ')} (a name, when it takes no parameters), { name: { parameters } }, or { plugin, params }. Default gradeFirst.`) as unknown as z.ZodType<string | Record<string, unknown>>;
};

const poolSchema = z
  .strictObject({
    name: z.string().min(1).describe('Pool name (unique).'),
    serves: z.array(queueName).min(1).describe('Queues this pool answers.'),
    staff: z.number().int().min(0).describe('Constant headcount. Give staff or roster.').optional(),
    roster: roster('Headcount over time. Give staff or roster.').optional(),
    queueSelection: selectionSchema().describe('This pool\'s queue selection. Default: the scenario\'s policy.').optional(),
  })
  .describe('A pool of call handlers.');

const switchboardSchema = z
  .strictObject({
    queue: queueName.describe('The queue the operators answer. Default "switchboard".').optional(),
    staff: roster('Operators over time.'),
    handleSeconds: distribution('Operator time per call, in seconds.'),
    wrapUpSeconds: distribution('Operator wrap-up after each call, in seconds. Default: none.').optional(),
    routes: z.record(z.string(), probability('Share routed here.')).describe('After the operator: `resolved` or a queue name -> probability, summing to 1.'),
  })
  .describe('Switchboard operators who answer and route calls. Default: none.');

const areaSchema = z.strictObject({
  name: z.string().min(1).describe('Area name (unique).'),
  kind: z.enum(['urban', 'rural']).describe('Urban or rural (sets the attendance target).'),
  share: probability('Share of incidents created in this area; shares sum to 1.'),
  units: roster('Response units on duty over time.'),
  extraUnits: z
    .array(z.strictObject({ from: instant('Window start.'), to: instant('Window end.'), units: z.number().int().min(0).describe('Extra units (headcount).') }))
    .describe('Dated extra units. Default: none.')
    .optional(),
  travelMinutes: distribution('Travel time to an incident, in minutes.'),
  neighbours: z.array(z.string()).describe('Areas whose free units may help. Default: none.').optional(),
  helpAfterMinutes: nonNegative('Minutes an incident waits before neighbours help. Default: neighbours help at once.').optional(),
});

const targetPair = z.union([positive('Minutes, urban and rural.'), z.strictObject({ urban: positive('Minutes.').optional(), rural: positive('Minutes.').optional() })], {
  error: 'a number of minutes or { urban, rural }',
});

const dispatchSchema = z
  .strictObject({
    areas: z.array(areaSchema).min(1).describe('Policing areas.'),
    onSceneMinutes: z.partialRecord(grade, distribution('Minutes on scene.')).describe('Time on scene per needed grade, in minutes; a grade without an entry spends 0.').optional(),
    targets: z
      .strictObject({
        immediate: targetPair.describe('Immediate attendance target in minutes. Default { urban: 15, rural: 20 }.').optional(),
        priority: targetPair.describe('Priority attendance target in minutes. Default 60 (both).').optional(),
      })
      .describe('Attendance targets in minutes.')
      .optional(),
    dispatchedGrades: z.array(grade).describe('Grades that get units. Default [immediate, priority].').optional(),
    policy: dispatchPolicySchema().optional(),
    divertFromPriority: z.boolean().describe('May an Immediate incident take a unit travelling to a Priority one? Default false.').optional(),
    attendanceFrom: z.enum(['incidentCreated', 'callConnected', 'callReceived']).describe('When the attendance clock starts: incident creation, the call\'s answer, or its receipt (arrival at the room, before any queue). Default incidentCreated.').optional(),
    createIncidentAfterSeconds: z
      .partialRecord(grade, distribution('Seconds after answer.'))
      .describe('Incidents created while the caller is on the line: per given grade (not none), the seconds after the answer when the handler has enough to create the incident and dispatch, drawn at the call\'s arrival and capped at the end of the talk; grades not named are created when the talk ends. Default: none (every incident when the talk ends).')
      .optional(),
    upgradePerHour: nonNegative('Re-grading rate per hour per unattended incident. Default 0.').optional(),
    chasePerHour: nonNegative('Chasing-call rate per hour per unattended incident. Default 0.').optional(),
    chaseChannel: z.string().describe('Channel of chasing calls. Default: the first call\'s channel.').optional(),
    prioritySplit: z
      .strictObject({
        high: probability('Share of Priority incidents that are Priority High (decided by a draw at the call\'s arrival); the rest are Priority Standard.'),
        targetMinutes: z
          .strictObject({ high: targetPair.describe('Priority High attendance target in minutes.'), standard: targetPair.describe('Priority Standard attendance target in minutes.') })
          .describe('Attendance targets of the two Priority grades.'),
      })
      .describe('Split Priority into Priority High and Priority Standard, each with its own target; units take Immediate, then High, then Standard. Default: none.')
      .optional(),
    victimUpdates: z
      .strictObject({
        handleSeconds: distribution('Handler time per update, in seconds. Default: the queue\'s handle time.').optional(),
        queue: queueName.describe('Queue where updates are handler work. Default: counted only (all missed).').optional(),
        compliance: probability('Share of owed updates the room makes (decided by a draw at the call\'s arrival); without a queue a made update costs no handler time. Default: every update is handler work (with a queue) or none is made.').optional(),
      })
      .describe('Victim updates owed when a wait passes its target. Default: none.')
      .optional(),
  })
  .describe('Response units by area. Default: none (incidents are counted, not attended).');

const callersSchema = z
  .strictObject({
    repeatWindowDays: positive('A call is a repeat when its caller called within this many days (the report\'s reviews: 28). Redials, chasing calls, channel shifts and online reports calling back are the same caller.'),
    callAgain: z
      .strictObject({
        probability: probability('Share of callers who call again about a new matter after a handled call (decided by a draw at the call\'s arrival).'),
        delayHours: distribution('Delay from the end of the handled call to the next call, in hours.'),
      })
      .describe('Callers who call again. Default: none.')
      .optional(),
  })
  .describe('Repeat callers from history (needs grading): replaces the repeat flag\'s coin (grading.flags.repeat is then not used); recognition applies to real repeats. Default: none.');

const channelShiftSchema = z
  .record(
    z.string(),
    z.strictObject({
      to: z.string().min(1).describe('The channel the caller calls instead (999).'),
      probability: probability('Share of abandoning callers of this channel who call the other channel (callers who redial do not).'),
      delaySeconds: distribution('Delay from abandoning to the new call, in seconds.'),
    }),
  )
  .describe('Channel shift by source channel: a caller abandoning any queue of this channel (101) may call another (999) instead. Default: none.');

const onlineReportsSchema = z
  .record(
    z.string(),
    z.strictObject({
      callBack: probability('Share of online reports (the IVR\'s deflected calls) that come back as a call.'),
      incident: probability('Share of online reports that become an incident (graded from the caller\'s case, without handler time; needs grading). callBack + incident <= 1.'),
      delayHours: distribution('Delay from the report to the call back or the incident, in hours.'),
      channel: z.string().min(1).describe('Channel of the call back. Default: the report\'s own channel.').optional(),
    }),
  )
  .describe('Online reporting as a deflection with later work, by the channel whose IVR deflects. Default: none (deflected calls leave for good).');

const gradingSchema = z
  .strictObject({
    need: z.record(z.string(), needMix).describe('Needed-grade mix by channel or queue name (a queue entry overrides its callers\' channel).').optional(),
    needByChannel: z.record(z.string(), needMix).describe('Needed-grade mix by channel.').optional(),
    needByQueue: z.record(z.string(), needMix).describe('Needed-grade mix by queue (overrides the channel).').optional(),
    flags: z
      .strictObject({ repeat: probability('Share of callers who are repeat callers. Default 0.').optional(), vulnerable: probability('Share of callers who are vulnerable. Default 0.').optional() })
      .describe('Caller flags drawn at arrival. Default: none.')
      .optional(),
    thrive: probability('Share of calls given a structured THRIVE assessment. Default 1.').optional(),
    recogniseRepeat: probability('Share of repeat callers recognised. Default 1.').optional(),
    recogniseVulnerable: probability('Share of vulnerable callers recognised. Default 1.').optional(),
    undergradeIfMissed: probability('Share of misses that under-grade the incident. Default 0.').optional(),
    thriveSeconds: distribution('Handler time added to a call when THRIVE is done, in seconds (drawn at arrival). Default: none (THRIVE inside the handle time).').optional(),
    identifySeconds: distribution('Handler time added when a repeat or vulnerable caller is recognised and checked, in seconds (drawn at arrival). Default: none.').optional(),
    undergradeMatrix: z.partialRecord(grade, needMix).describe('Needed grade -> given-grade mix for under-graded calls. Default: one grade down.').optional(),
  })
  .describe('Grading of calls into incidents. Default: none.');

  return z
  .strictObject({
    $schema: z.string().describe('JSON Schema reference for editors (ignored).').optional(),
    extends: z.string().describe('A base scenario file (path relative to this file): maps are merged, lists replaced.').optional(),
    name: z.string().min(1).describe('Scenario name.'),
    description: z.string().describe('Free text.').optional(),
    start: instant('Simulated time 0.'),
    timeZone: z.string().describe('IANA time zone of the control room\'s clock (Europe/London, UTC): shift start times, hour-of-day and day-of-week profiles, months and breakdowns are local to it, across clock changes. Default Europe/London.').optional(),
    horizon: duration('Simulated span (days are days on the room\'s clock: a run from midnight ends at midnight across a clock change).'),
    warmup: duration('Calls arriving before this are simulated but not counted. Default 0.').optional(),
    replications: z.number().int().min(1).describe('Independent replications. Default 10.').optional(),
    seed: z.number().int().min(0).describe('Root seed. Default 1.').optional(),
    trace: z.string().describe('A call log (CSV, path relative to this file) replayed instead of the channels\' rates. Default: none.').optional(),
    channels: z.record(z.string(), channelSchema).describe('Call sources by name.'),
    queues: z.record(z.string(), queueSchema).describe('Queues by name; default queue-selection order is their declared order.'),
    switchboard: switchboardSchema.optional(),
    handlers: z
      .strictObject({
        pools: z.array(poolSchema).min(1).describe('Handler pools.'),
        handleSeconds: z.record(z.string(), distribution('Handle time in seconds.')).describe('Handle time per queue answered by a pool, in seconds.'),
        wrapUpSeconds: distribution('Wrap-up after each call, in seconds. Default: none.').optional(),
      })
      .describe('Call handlers.'),
    policy: z.strictObject({ queueSelection: selectionSchema().optional() }).describe('Default: strict priority in the order queues are declared.').optional(),
    grading: gradingSchema.optional(),
    dispatch: dispatchSchema.optional(),
    callers: callersSchema.optional(),
    channelShift: channelShiftSchema.optional(),
    onlineReports: onlineReportsSchema.optional(),
    assumptions: assumptionsSchema.optional(),
  })
  .describe('A callsim scenario (DESIGN.md section 5).');
}


type ScenarioSchema = ReturnType<typeof buildScenarioSchema>;
let cached: { version: number; schema: ScenarioSchema } | undefined;

/** The written scenario schema, derived in part from the policy registry. */
export function scenarioSchema(): ScenarioSchema {
  if (cached === undefined || cached.version !== registryVersion()) cached = { version: registryVersion(), schema: buildScenarioSchema() };
  return cached.schema;
}

export type WrittenScenario = z.infer<ScenarioSchema>;
export type WrittenChannel = WrittenScenario['channels'][string];
