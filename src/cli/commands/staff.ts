/**
 * `callsim staff FILE`: the smallest handlers per interval that meet every --target, found by the
 * iterative staffing algorithm and simulation (src/experiment/staffing/), turned into shifts and
 * FTE, and proved by re-simulating the proposed roster.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { DEFAULT_SHRINKAGE } from '../../experiment/staffing/fte.js';
import { INTERVAL_KINDS } from '../../experiment/staffing/interval-kinds.js';
import { TARGET_PERS } from '../../experiment/staffing/staffing-targets.js';
import { type Format, formatOption, outOption, quietOption, seedOption, setOption, threadsOption } from '../options.js';

export interface StaffArgs {
  file: string;
  pool?: string[];
  units: boolean;
  area?: string[];
  interval: string;
  target?: string[];
  per: string;
  reps: number;
  maxReps: number;
  maxStaff: number;
  minStaff: number;
  maxIterations: number;
  shiftHours: string;
  shiftStarts?: string;
  contractHours: number;
  leave: number;
  sickness: number;
  training: string;
  shrinkage?: string[];
  seed?: number;
  set?: string[];
  threads?: number;
  format: Format;
  out?: string;
  rosterOut?: string;
  html?: string;
  quiet: boolean;
}

export const staffCommand: CommandModule<object, StaffArgs> = {
  command: 'staff <file>',
  describe: 'Find the fewest handlers (or response units) per interval that meet targets (ISA + simulation), as shifts and FTE',
  builder: (yargs: Argv) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('target', { type: 'string', array: true, describe: "METRIC>=VALUE or METRIC<=VALUE, optionally @interval|@month|@horizon, e.g. 'queues.999.answeredWithin10s>=0.90' (repeatable)" })
      .option('pool', { type: 'string', array: true, describe: 'handler pool to staff (repeatable; default all, or none with --units and only attendance targets)' })
      .option('units', { type: 'boolean', default: false, describe: "staff response units per dispatch area against attendance targets, e.g. 'incidents.immediate.urban.withinTarget>=0.8'" })
      .option('area', { type: 'string', array: true, describe: 'dispatch area whose units to staff (repeatable; implies --units; default all)' })
      .option('interval', { type: 'string', default: 'hourOfWeek', describe: `staffing interval: ${INTERVAL_KINDS.join(', ')} (each hour of each date of the horizon; alias day)` })
      .option('per', { type: 'string', default: 'interval', describe: `judge targets per ${TARGET_PERS.join(', ')} (a target's own @per wins)` })
      .option('reps', { type: 'number', default: 4, describe: 'replications per simulation at first' })
      .option('max-reps', { type: 'number', default: 8, describe: 'replications at most while a verdict is unsure' })
      .option('max-staff', { type: 'number', default: 200, describe: 'handlers per interval at most (also the ample staffing of the first simulation)' })
      .option('min-staff', { type: 'number', default: 1, describe: 'handlers per interval at least' })
      .option('max-iterations', { type: 'number', default: 8, describe: 'cap on ISA iterations (and on verify rounds, x2)' })
      .option('shift-hours', { type: 'string', default: '8', describe: 'allowed shift lengths in hours, comma-separated' })
      .option('shift-starts', { type: 'string', describe: 'allowed shift start hours (0-23 or HH:00), comma-separated (default every hour)' })
      .option('contract-hours', { type: 'number', default: DEFAULT_SHRINKAGE.contractHours, describe: 'contracted hours a week of one FTE' })
      .option('leave', { type: 'number', default: DEFAULT_SHRINKAGE.leave, describe: 'share of time on annual leave' })
      .option('sickness', { type: 'number', default: DEFAULT_SHRINKAGE.sickness, describe: 'share of time lost to sickness' })
      .option('training', { type: 'string', default: `${DEFAULT_SHRINKAGE.trainingDays}/${DEFAULT_SHRINKAGE.trainingEveryWeeks}`, describe: 'training DAYS/WEEKS (the report: 2 days every 11 weeks)' })
      .option('shrinkage', { type: 'string', array: true, describe: "one pool's own shrinkage over the defaults above, POOL:leave=0.14,sickness=0.06,training=2/11,contract=37 (repeatable)" })
      .option('seed', seedOption)
      .option('set', setOption)
      .option('threads', threadsOption)
      .option('format', formatOption)
      .option('out', outOption)
      .option('roster-out', { type: 'string', describe: 'write the proposed rosters as YAML to this file' })
      .option('html', { type: 'string', describe: 'also write an HTML page (requirement by interval) to this file' })
      .option('quiet', quietOption) as unknown as Argv<StaffArgs>,
  handler: async (argv: ArgumentsCamelCase<StaffArgs>) => (await import('./staff-action.js')).staffAction(argv),
};
