/**
 * `staff --roster-out FILE`: the proposed rosters as YAML, one `roster:` block per pool, ready to
 * paste over `handlers.pools[i].roster` in the scenario.
 */
import { stringify } from 'yaml';
import type { StaffingResult } from '../experiment/staffing/plan.js';

export function staffingRosterYaml(result: StaffingResult, poolIndex: (name: string) => number): string {
  const lines = [`# callsim staff: proposed rosters for ${result.scenario} (seed ${result.seed})`, '# Each block replaces handlers.pools[i].roster in the scenario.'];
  for (const [name, p] of Object.entries(result.pools)) {
    lines.push(`# handlers.pools[${poolIndex(name)}] (${name}): ${p.paidHours} paid hours a week, ${p.fte} FTE after shrinkage`);
    lines.push(stringify({ [name]: { roster: { shifts: p.roster.shifts } } }, { collectionStyle: 'block', defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}
