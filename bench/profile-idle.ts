// Not part of `npm run bench`: a CPU profile of dockpit at idle, for finding what wakes it.
// DOCKPIT_PROFILE_FILTER=label=… node --import tsx bench/profile-idle.ts [seconds] [cols] [rows]
import {mkdirSync, readdirSync} from 'node:fs';
import {loadavg} from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {CLI_PATH, startDockpit} from '../test/helpers/pty.js';
import {cpuSeconds} from './stats.js';

const seconds = Number(process.argv[2] ?? 30);
const cols = Number(process.argv[3] ?? 200);
const rows = Number(process.argv[4] ?? 50);
const dir = path.resolve(process.env['DOCKPIT_PROFILE_DIR'] ?? '/tmp/prof/out');
mkdirSync(dir, {recursive: true});
const session = await startDockpit({
	// DOCKPIT_PROFILE_OFF=1: no profiler (it costs CPU of its own), for the bare figure.
	command: process.env['DOCKPIT_PROFILE_OFF'] ? ['node', CLI_PATH] : ['node', `--cpu-prof`, `--cpu-prof-dir=${dir}`, CLI_PATH],
	args: ['--filter', process.env['DOCKPIT_PROFILE_FILTER'] ?? 'label=dockpit.prof=1'],
	cols,
	rows,
});
await session.waitForText(/f0\d\d/, {timeout: 30_000});
// DOCKPIT_PROFILE_KEYS="M" (space-separated key names) presses keys first, e.g. to turn the CPU/MEM columns off.
for (const key of (process.env['DOCKPIT_PROFILE_KEYS'] ?? '').split(' ').filter(Boolean)) await session.press(key);
await delay(3000);
const pid = session.pid;
const before = cpuSeconds(pid);
const rawBefore = session.raw().length;
const start = performance.now();
await delay(seconds * 1000);
const used = cpuSeconds(pid) - before;
console.log(
	`load ${loadavg()
		.map((l) => l.toFixed(2))
		.join(
			' ',
		)}; cpu ${((used / ((performance.now() - start) / 1000)) * 100).toFixed(2)} % over ${seconds} s; bytes written ${session.raw().length - rawBefore}`,
);
await session.press('q');
await session.exited;
await delay(1500);
const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
console.log(files.map((f) => path.join(dir, f)).join('\n'));
process.exit(0);
