import {rmSync} from 'node:fs';
import {setTimeout as delay} from 'node:timers/promises';
import {CLI_PATH, startDockpit} from '../test/helpers/pty.js';
rmSync('/tmp/fprof', {recursive: true, force: true});
const prof = process.env['PROF'] ? ['--cpu-prof', '--cpu-prof-dir=/tmp/fprof'] : [];
const s = await startDockpit({
	command: ['node', ...prof, CLI_PATH],
	args: ['--filter', 'label=dockpit.prof=1'],
	cols: 160,
	rows: 45,
});
await s.waitForText('a-flood', {timeout: 30_000});
await s.press('l');
await s.waitForText(/flood \d+ the quick/, {timeout: 30_000});
const lat: number[] = [];
for (let i = 0; i < 16; i++) {
	const on = i % 2 === 0;
	const t = performance.now();
	await s.press('t');
	await s
		.waitForScreen((screen) => /\d\d:\d\d:\d\d\.\d{3} flood/.test(screen) === on, {what: 'toggle', timeout: 10_000})
		.catch(() => undefined);
	lat.push(performance.now() - t);
	await delay(500);
}
lat.sort((a, b) => a - b);
console.log('latencies', lat.map((x) => x.toFixed(0)).join(' '));
await s.press('q');
await s.exited;
