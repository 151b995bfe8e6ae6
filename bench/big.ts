// `npm run bench -- big`: dockpit alone with 1,000 containers (100 running, 900 created: a thousand
// running shims would take gigabytes of the engine's memory, and the list is the same size either way).
// First frame, scroll keys drawn (j, PgDn, G; p95), idle CPU and RSS over 60 s, and 100 containers removed
// at once from outside: how long until the screen is correct again.
import {loadavg} from 'node:os';
import {setTimeout as delay} from 'node:timers/promises';
import {TEST_IMAGE} from '../test/helpers/engine-status.js';
import {startDockpit, type Session} from '../test/helpers/pty.js';
import {createFleet, docker} from './fleet.js';
import {cpuSeconds, median, percentile, rssMegabytes, waitForQuiet} from './stats.js';
import {inBatches, printTable, removeLabelled, type Row} from './table.js';

const total = 1000;
const running = 100;
const idleSeconds = 60;

const selectedName = (screen: string): string | undefined => /▶ (\S+)/.exec(screen)?.[1];

async function keyLatency(
	session: Session,
	key: string,
	times: number,
	expect: (before: string | undefined) => (name: string | undefined) => boolean,
): Promise<number[]> {
	const samples: number[] = [];
	for (let press = 0; press < times; press++) {
		await session.settled();
		const before = selectedName(session.screen());
		const done = expect(before);
		await session.press(key);
		// From the key's arrival: press() may first wait for the gap the harness keeps between keys.
		const started = session.lastKeySent;
		await session.waitForScreen((screen) => done(selectedName(screen)), {what: `${key} drawn`, timeout: 10_000});
		samples.push(performance.now() - started);
	}

	return samples;
}

const fmt = (value: number, unit = ' ms', digits = 0) => `${value.toFixed(digits)}${unit}`;

export async function benchBig(): Promise<void> {
	const {label, labelValue} = createFleet();
	const prefix = `b${labelValue}-`;
	const name = (index: number) => `${prefix}${String(index).padStart(4, '0')}`;
	const loadAtStart = loadavg();
	console.log(`Big bench: ${total} containers, ${running} of them running (label ${label})…`);
	const open = () => startDockpit({args: ['--filter', `label=${label}`], cols: 200, rows: 50});
	try {
		await inBatches(total, 8, async (index) => {
			const container = await docker.createContainer({
				name: name(index),
				Image: TEST_IMAGE,
				Cmd: ['sleep', '3600'],
				Labels: {'dockpit.bench': labelValue},
				StopTimeout: 1,
			});
			if (index % (total / running) === 0) await container.start();
		});
		// Figures are taken once the engine has finished making the fleet.
		console.log(`  machine before the first frames: ${await waitForQuiet()}`);
		const fleetMadeAt = Date.now();
		const firstFrames: number[] = [];
		for (let run = 0; run < 5; run++) {
			const started = performance.now();
			const session = await open();
			await session.waitForText(`(${total})`, {timeout: 30_000});
			firstFrames.push(performance.now() - started);
			await session.close();
		}

		const session = await open();
		try {
			await session.waitForText(`(${total})`, {timeout: 30_000});
			console.log(`  machine before the scroll keys: ${await waitForQuiet()}`);
			// Sorted by state: the running ones first, then the created ones, each by name.
			const down = await keyLatency(session, 'j', 20, (before) => (after) => after !== undefined && after !== before);
			const pageDown = await keyLatency(session, 'pagedown', 20, (before) => (after) => after !== undefined && after !== before);
			const ends: number[] = [];
			for (let round = 0; round < 5; round++) {
				ends.push(...(await keyLatency(session, 'G', 1, (before) => (after) => after !== undefined && after !== before)));
				ends.push(...(await keyLatency(session, 'g', 1, (before) => (after) => after !== undefined && after !== before)));
			}

			// Idle as side-by-side.ts measures it: containers 3 minutes old or more, after a minute of settling.
			await delay(Math.max(60_000, fleetMadeAt + 180_000 - Date.now()));
			const before = cpuSeconds(session.pid);
			const idleStart = performance.now();
			await delay(idleSeconds * 1000);
			const cpu = ((cpuSeconds(session.pid) - before) / ((performance.now() - idleStart) / 1000)) * 100;
			const rss = rssMegabytes(session.pid);

			// 100 created containers removed at once from outside; the screen must show 900 and none of them.
			const doomed: string[] = [];
			for (let index = total - 1; doomed.length < 100; index--) if (index % (total / running) !== 0) doomed.push(name(index));
			await session.press('G');
			await session.waitForScreen((screen) => selectedName(screen) === name(total - 1), {what: 'the last row', timeout: 10_000});
			await Promise.all(doomed.map(async (doomedName) => docker.getContainer(doomedName).remove({force: true})));
			const removedAt = performance.now();
			const left = total - doomed.length;
			await session.waitForScreen((screen) => screen.includes(`(${left})`) && !doomed.some((gone) => screen.includes(gone)), {
				what: `${left} containers and none of the removed`,
				timeout: 30_000,
			});
			const settle = performance.now() - removedAt;

			const scroll = [...down, ...pageDown, ...ends];
			const rows: Row[] = [
				{
					figure: `first frame, ${total} containers (median of 5)`,
					dockpit: fmt(median(firstFrames)),
					dockly: 'not run',
					floor: '',
					ratio: '',
					target: '≤ 1 s',
					met: median(firstFrames) <= 1000 ? 'yes' : 'no',
				},
				{
					figure: 'scroll key drawn, p95 (j ×20, PgDn ×20, G/g ×10)',
					dockpit: `${fmt(percentile(scroll, 95))} (j ${fmt(percentile(down, 95))}, PgDn ${fmt(percentile(pageDown, 95))}, G/g ${fmt(percentile(ends, 95))})`,
					dockly: 'not run',
					floor: '',
					ratio: '',
					target: '≤ 30 ms',
					met: percentile(scroll, 95) <= 30 ? 'yes' : 'no',
				},
				{
					figure: `CPU at idle over ${idleSeconds} s, containers 3 minutes old or more, CPU/MEM columns on`,
					dockpit: fmt(cpu, ' %', 2),
					dockly: 'not run',
					floor: '',
					ratio: '',
					target: '< 0.5 %',
					met: cpu < 0.5 ? 'yes' : 'no',
				},
				{
					figure: 'RSS at idle',
					dockpit: fmt(rss, ' MB'),
					dockly: 'not run',
					floor: '',
					ratio: '',
					target: '≤ 120 MB',
					met: rss <= 120 ? 'yes' : 'no',
				},
				{
					figure: `${doomed.length} removed from outside → screen correct`,
					dockpit: fmt(settle),
					dockly: 'not run',
					floor: '',
					ratio: '',
					target: '≤ 1 s',
					met: settle <= 1000 ? 'yes' : 'no',
				},
			];
			console.log('');
			printTable(rows, 'dockly is not run with 1,000 containers.', loadAtStart);
		} finally {
			await session.close();
		}
	} finally {
		await removeLabelled(label);
	}
}
