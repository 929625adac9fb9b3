/** The what-if page's static shell: styles, the empty regions the script fills, the site data. */
const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --soft: #555; --line: #bbb; --accent: #1f2d5c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
header.top { padding: .6rem 1.2rem; border-bottom: 2px solid var(--accent); display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap; }
header.top h1 { font-size: 1.25rem; margin: 0; }
header.top p { margin: 0; color: var(--soft); }
.layout { display: grid; grid-template-columns: minmax(300px, 360px) minmax(0, 1fr); gap: 1.2rem; padding: 1rem 1.2rem; }
@media (max-width: 960px) { .layout { grid-template-columns: 1fr; } }
aside { min-width: 0; }
section.results { min-width: 0; }
#standards, #comparison { overflow-x: auto; }
fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 .9rem; padding: .5rem .75rem .7rem; }
legend { font-weight: 650; padding: 0 .3rem; }
.standard { font-size: .85rem; color: var(--soft); margin: 0 0 .4rem; }
.field { display: grid; grid-template-columns: 1fr 6.5rem; gap: .1rem .5rem; align-items: center; margin: .3rem 0; }
.field label { font-size: .9rem; }
.field .unit { grid-column: 1 / -1; font-size: .8rem; color: var(--soft); }
.field.wide { grid-template-columns: 1fr; }
input, select, textarea, button { font: inherit; color: inherit; }
input[type=number], input[type=text], select { width: 100%; padding: .2rem .35rem; border: 1px solid #777; border-radius: 3px; background: #fff; }
input[aria-invalid=true], textarea[aria-invalid=true] { border: 3px double #000; }
.error { grid-column: 1 / -1; font-size: .85rem; font-weight: 600; margin: .1rem 0 0; padding-left: .4rem; border-left: 4px solid #000; }
.error::before { content: "⚠ "; }
button { padding: .35rem .8rem; border: 1px solid var(--accent); border-radius: 3px; background: #fff; cursor: pointer; }
button.primary { background: var(--accent); color: #fff; font-weight: 650; }
button:disabled { opacity: .55; cursor: default; }
:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
.actions { display: flex; flex-wrap: wrap; gap: .4rem; margin: .3rem 0; }
.run { padding-bottom: .4rem; border-bottom: 1px solid var(--line); margin-bottom: .8rem; }
.run .row { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; }
progress { width: 100%; height: 1rem; }
textarea { width: 100%; min-height: 22rem; font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; border: 1px solid #777; padding: .4rem; }
ul.problems { margin: .3rem 0; padding-left: 1.2rem; font-size: .85rem; }
table.summary { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .82rem; }
table.summary code { font-size: .75rem; }
table.summary th, table.summary td { border-bottom: 1px solid #ccc; padding: .2rem .3rem; text-align: left; vertical-align: top; }
table.summary td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
.soft { color: var(--soft); font-weight: normal; }
.status { min-height: 1.4rem; }
.charts { display: grid; grid-template-columns: 1fr; gap: 1rem; }
figure { margin: 0; padding: .5rem; border: 1px solid #ddd; border-radius: 4px; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #333; }
h2 { font-size: 1.1rem; margin: .6rem 0 .3rem; }
details > summary { cursor: pointer; font-weight: 650; margin: .3rem 0; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** The whole index.html around `dataScript` (the site's scenarios as a JSON script element). */
export function pageHtml(dataScript: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'unsafe-eval' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'">
<title>callsim what-if: police control room</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top"><h1>callsim what-if</h1><p>Change the control room, press Run, compare with the scenario as written. Everything runs in this browser; nothing is sent anywhere.</p></header>
<div class="layout">
<aside id="controls" aria-label="Scenario and levers"><p>Loading the simulator…</p></aside>
<section class="results" id="results" aria-label="Results" aria-live="polite"></section>
</div>
<noscript><p>This page needs JavaScript: the simulator runs in your browser.</p></noscript>
${dataScript}
<script src="worker.js"></script>
<script src="app.js"></script>
</body>
</html>
`;
}
