// P1–P3: start-up with 100 running containers, idle CPU, and how fast an external `docker run` shows up.
import {setTimeout as delay} from 'node:timers/promises';
import {createFleet, docker} from './fleet.js';
import {startDockpit, type Session} from '../test/helpers/pty.js';
import {cpuSeconds, median, ms, percentile, timeCommand} from './stats.js';

const {label, labelValue, createRunning} = createFleet();

async function inBatches(count: number, width: number, work: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({length: width}, async () => {
			for (let index = next++; index < count; index = next++) await work(index);
		}),
	);
}

async function cleanup(): Promise<void> {
	const rows = await docker.listContainers({all: true, filters: {label: [label]}});
	await inBatches(rows.length, 8, async (index) => {
		await docker.getContainer(rows[index]!.Id).remove({force: true});
	});
}

const open = (rows = 40) => startDockpit({args: ['--filter', `label=${label}`], cols: 140, rows});

export async function benchContainers(): Promise<void> {
	const count = 100;
	console.log(`Creating ${count} running containers (label ${label})…`);
	await inBatches(count, 6, (index) => createRunning(`bench-${String(index).padStart(3, '0')}-${labelValue}`));
	try {
		// Reference points, measured in the same run.
		const nodeStart = timeCommand(process.execPath, ['-e', ''], 10);
		const dockerPs = timeCommand('docker', ['ps', '-a', '--filter', `label=${label}`], 10);

		// P1: process start to the first frame that lists them.
		const firstFrames: number[] = [];
		for (let run = 0; run < 11; run++) {
			const started = performance.now();
			const session = await open();
			await session.waitForScreen((screen) => screen.includes(`(${count})`) && screen.includes('bench-000'), {
				what: 'the list',
				timeout: 15_000,
			});
			firstFrames.push(performance.now() - started);
			await session.close();
		}

		// P2: CPU over 30 idle seconds, after the exact times are read and the first ticks are past.
		const idle = await open();
		await idle.waitForText(`(${count})`);
		await delay(3000);
		const cpuBefore = cpuSeconds(idle.pid);
		const idleStart = performance.now();
		await delay(30_000);
		const idlePercent = ((cpuSeconds(idle.pid) - cpuBefore) / ((performance.now() - idleStart) / 1000)) * 100;

		// P3: an external run to its row on screen; the names sort first so the row is in the window.
		const latencies: number[] = [];
		for (let run = 0; run < 20; run++) {
			const name = `aaa-p3-${String(run).padStart(2, '0')}-${labelValue}`;
			const started = performance.now();
			await createRunning(name);
			await waitRow(idle, name);
			latencies.push(performance.now() - started);
		}

		await idle.close();
		console.log('');
		console.log(`Containers pane, ${count} running containers (2-core machine):`);
		console.log(
			`  P1 start to first frame listing them   median ${ms(median(firstFrames))}  (min ${ms(Math.min(...firstFrames))}, max ${ms(Math.max(...firstFrames))}, 11 runs)`,
		);
		console.log(`  P2 CPU while idle for 30 s              ${idlePercent.toFixed(2)} % of one core`);
		console.log(
			`  P3 external docker run to row on screen median ${ms(median(latencies))}, p95 ${ms(percentile(latencies, 95))} (20 runs; includes the create+start calls)`,
		);
		console.log(`  reference: node -e ''                   median ${ms(nodeStart)}`);
		console.log(`  reference: docker ps -a                 median ${ms(dockerPs)}`);
	} finally {
		await cleanup();
	}
}

async function waitRow(session: Session, name: string): Promise<void> {
	await session.waitForScreen((screen) => screen.includes(name), {what: name, timeout: 10_000});
}
