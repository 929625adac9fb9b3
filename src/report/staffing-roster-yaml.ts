/**
 * `staff --roster-out FILE`: the proposed rosters as YAML, one block per pool (ready to paste over
 * `handlers.pools[i].roster`) and per area (over `dispatch.areas[i].units`, with `extraUnits: []`:
 * the units found are the whole headcount on duty).
 */
import { stringify } from 'yaml';
import type { StaffingResult } from '../experiment/staffing/plan.js';

const yaml = (value: unknown): string => stringify(value, { collectionStyle: 'block', defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).trimEnd();

export function staffingRosterYaml(result: StaffingResult, poolIndex: (name: string) => number, areaIndex: (name: string) => number = () => -1): string {
  const lines = [`# callsim staff: proposed rosters for ${result.scenario} (seed ${result.seed})`];
  const pools = Object.entries(result.pools);
  const areas = Object.entries(result.areas ?? {});
  if (pools.length > 0) lines.push('# Each pool block replaces handlers.pools[i].roster in the scenario.');
  for (const [name, p] of pools) {
    lines.push(`# handlers.pools[${poolIndex(name)}] (${name}): ${p.paidHours} paid hours a week, ${p.fte} FTE after shrinkage`);
    lines.push(yaml({ [name]: { roster: p.roster } }));
  }
  if (areas.length > 0) lines.push('# Each area block replaces dispatch.areas[i].units and extraUnits (the units found are all on duty).');
  for (const [name, a] of areas) {
    lines.push(`# dispatch.areas[${areaIndex(name)}] (${name}): ${a.paidHours} unit-hours a week`);
    lines.push(yaml({ [name]: { units: a.roster, extraUnits: [] } }));
  }
  return `${lines.join('\n')}\n`;
}
