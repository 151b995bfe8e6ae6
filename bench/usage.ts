// `npm run bench -- usage`: what the CPU % and MEM columns cost (issue 16). 45 running containers all on
// screen, dockpit's own CPU over idle seconds with the columns on (45 stats streams, one batch a second)
// and then off (M), printed with the machine's load average.
import {availableParallelism, loadavg} from 'node:os';
import {setTimeout as delay} from 'node:timers/promises';
import {createFleet} from './fleet.js';
import {inBatches, removeLabelled} from './table.js';
import {startDockpit, type Session} from '../test/helpers/pty.js';
import {cpuSeconds} from './stats.js';

const count = 45;
const seconds = Number(process.env['BENCH_USAGE_SECONDS'] ?? 30);

/** dockpit's CPU, in % of one core, over `seconds` from now. */
async function idleCpu(session: Session): Promise<number> {
	const before = cpuSeconds(session.pid);
	const started = performance.now();
	await delay(seconds * 1000);
	return ((cpuSeconds(session.pid) - before) / ((performance.now() - started) / 1000)) * 100;
}

const load = () =>
	loadavg()
		.map((value) => value.toFixed(2))
		.join(', ');

export async function benchUsage(): Promise<void> {
	const {label, labelValue, createRunning} = createFleet();
	console.log(`Creating ${count} running containers (label ${label})…`);
	await inBatches(count, 6, (index) => createRunning(`cols-bench-${String(index).padStart(2, '0')}-${labelValue}`));
	const createdAt = performance.now();
	const loadAtStart = load();
	let session: Session | undefined;
	try {
		// Every row on screen: 45 rows of list, plus header, title, column titles, status line and footer.
		session = await startDockpit({args: ['--filter', `label=${label}`], cols: 160, rows: count + 7});
		await session.waitForScreen((screen) => screen.includes(`(${count})`) && screen.includes('MEM / LIMIT'), {
			what: 'the list with the CPU and MEM columns',
			timeout: 30_000,
		});
		await session.waitForScreen((screen) => (screen.match(/\d+\.\d%/g) ?? []).length >= count, {
			what: 'a CPU figure on every row',
			timeout: 60_000,
		});
		// Until the containers are a minute old their "Up N seconds" changes every second, a render a second
		// with the columns or without: measure both halves once it counts minutes.
		await delay(Math.max(2000, createdAt + 65_000 - performance.now()));
		const on = await idleCpu(session);
		await session.press('M');
		await session.waitForScreen((screen) => !screen.includes('MEM / LIMIT'), {what: 'the columns off'});
		await delay(2000);
		const off = await idleCpu(session);
		console.log('');
		console.log(`dockpit's own CPU, ${count} running containers all on screen, idle ${seconds} s each (% of one core):`);
		console.log(`  CPU and MEM columns on (${count} stats streams)  ${on.toFixed(2)} %`);
		console.log(`  columns off (M)                               ${off.toFixed(2)} %`);
		console.log(`  load average at the start: ${loadAtStart}; at the end: ${load()} (${availableParallelism()} cores)`);
	} finally {
		await session?.close();
		await removeLabelled(label);
	}
}
