import {readFileSync, rmSync} from 'node:fs';
import {startDockpit} from '../test/helpers/pty.js';
const variants = process.argv.slice(2);
const res: Record<string, number[][]> = Object.fromEntries(variants.map((v) => [v, []]));
for (let i = 0; i < 7; i++) for (const v of variants) {
  rmSync('/tmp/ab-trace.json', {force: true});
  const s = await startDockpit({command: ['node', `${v}/cli.js`], args: ['--filter', 'label=dockpit.prof=1'], cols: 200, rows: 50, env: {DOCKPIT_TRACE_STARTUP: '/tmp/ab-trace.json'}});
  await s.waitForText(/f0\d\d/, {timeout: 30_000});
  await new Promise((r) => setTimeout(r, 300));
  const m = JSON.parse(readFileSync('/tmp/ab-trace.json', 'utf8')) as Record<string, number>;
  res[v]!.push([m['entry']!, m['ui loaded']!, m['first frame']!, m['first frame']! - Math.max(m['ui loaded']!, m['answer']!)]);
  await s.press('q'); await s.exited;
}
const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
for (const [v, rows] of Object.entries(res)) console.log(v, 'entry', med(rows.map((r) => r[0]!)), 'ui', med(rows.map((r) => r[1]!)), 'frame', med(rows.map((r) => r[2]!)), 'frame-after-ui+answer', med(rows.map((r) => r[3]!)));
