/** A valid scenario using every section; each case below breaks one thing in it (line numbers matter). */
export const VALID = `name: catalogue
start: 2022-03-07T00:00:00Z
horizon: { days: 2 }
warmup: { hours: 1 }
channels:
  "999": { perHour: 30, queue: "999", btTransferSeconds: { lognormal: { mean: 4, cv: 0.5 } } }
  "101":
    perDay: 600
    profile: { hourOfDay: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }
    surges: [{ start: 2022-03-07T12:00:00Z, hours: 2, factor: 2 }]
    ivr: { menuSeconds: { uniform: [30, 90] }, deflected: 0.2, hangUp: 0.05 }
    next: switchboard
queues:
  "999": { targetSeconds: 10, patienceSeconds: { exponential: { mean: 600 } } }
  switchboard: { targetSeconds: 40 }
  primary: { targetSeconds: 120, callback: { offerAfterSeconds: 180, accept: 0.5 } }
  secondary: { targetSeconds: 600, redial: { probability: 0.3, delaySeconds: 600 } }
switchboard:
  staff: { hourOfDay: [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1] }
  handleSeconds: 60
  routes: { resolved: 0.5, primary: 0.2, secondary: 0.3 }
handlers:
  pools:
    - { name: emergency, serves: ["999", primary], staff: 4 }
    - name: non-emergency
      serves: [primary, secondary]
      roster: { shifts: [{ start: "07:00", hours: 8, staff: 3 }, { start: "15:00", hours: 8, days: [Fri, Sat], staff: 2 }] }
  handleSeconds:
    "999": { exponential: { mean: 300 } }
    primary: { gamma: { mean: 400, cv: 0.8 } }
    secondary: { lognormal: { mean: 400, cv: 0.8 } }
policy: { queueSelection: { strictPriority: ["999", primary, secondary] } }
grading:
  need: { "999": { immediate: 0.4, priority: 0.6 }, primary: { scheduled: 1 } }
  thrive: 0.8
dispatch:
  areas:
    - { name: city, kind: urban, share: 0.6, units: 5, travelMinutes: { lognormal: { mean: 10, cv: 0.5 } }, neighbours: [county] }
    - { name: county, kind: rural, share: 0.4, units: { constant: 3 }, travelMinutes: 18, extraUnits: [{ from: 2022-03-07T00:00:00Z, to: 2022-03-08T00:00:00Z, units: 1 }] }
  onSceneMinutes: { immediate: 60, priority: 45 }
  targets: { priority: 60 }
`;
