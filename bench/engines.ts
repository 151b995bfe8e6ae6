// Several engines (issue 17): process start to the first frame listing two engines of 50 running containers
// each (the shared engine and a private second dockerd), against one engine of the same 50 in the same run.
import os from 'node:os';
import Docker from 'dockerode';
import {createFleet, docker} from './fleet.js';
import {startDockpit} from '../test/helpers/pty.js';
import {TEST_IMAGE} from '../test/helpers/engine-status.js';
import {secondEngineUnavailable, startSecondEngine} from '../test/helpers/second-engine.js';
import {median, ms} from './stats.js';

const perEngine = 50;
const runs = 7;

async function inBatches(count: number, width: number, work: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({length: width}, async () => {
			for (let index = next++; index < count; index = next++) await work(index);
		}),
	);
}

const load = () =>
	os
		.loadavg()
		.map((value) => value.toFixed(2))
		.join(', ');

export async function benchEngines(): Promise<void> {
	const unavailable = secondEngineUnavailable();
	if (unavailable) {
		console.error(`several engines: ${unavailable}`);
		return;
	}

	const {label, labelValue, createRunning} = createFleet();
	const second = await startSecondEngine('multibench', 'dpmulti2');
	const secondDocker = new Docker({socketPath: second.host.replace('unix://', '')});
	try {
		console.log(`Creating ${perEngine} running containers on each engine (label ${label})…`);
		await inBatches(perEngine, 6, (index) => createRunning(`bench-main-${String(index).padStart(2, '0')}-${labelValue}`));
		await inBatches(perEngine, 6, async (index) => {
			const container = await secondDocker.createContainer({
				name: `bench-second-${String(index).padStart(2, '0')}-${labelValue}`,
				Image: TEST_IMAGE,
				Cmd: ['sleep', '3600'],
				Labels: {'dockpit.bench': labelValue},
			});
			await container.start();
		});

		const firstFrame = async (hosts: readonly string[], count: number): Promise<number> => {
			const started = performance.now();
			const session = await startDockpit({
				args: [...hosts.flatMap((host) => ['--host', host]), '--filter', `label=${label}`],
				cols: 140,
				rows: 30,
			});
			await session.waitForScreen((screen) => screen.includes(`(${count})`), {what: `${count} rows`, timeout: 30_000});
			const took = performance.now() - started;
			await session.close();
			return took;
		};

		const two: number[] = [];
		const one: number[] = [];
		for (let run = 0; run < runs; run++) {
			one.push(await firstFrame(['unix:///var/run/docker.sock'], perEngine));
			two.push(await firstFrame(['unix:///var/run/docker.sock', second.host], perEngine * 2));
		}

		const spread = (values: number[]) => `(min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))}, ${runs} runs)`;
		console.log('');
		console.log(`Several engines, ${perEngine} running containers on each (load average ${load()}, ${os.cpus().length} cores):`);
		console.log(`  start to first frame, two engines (${perEngine * 2} rows)  median ${ms(median(two))}  ${spread(two)}`);
		console.log(`  start to first frame, one engine (${perEngine} rows)    median ${ms(median(one))}  ${spread(one)}`);
	} finally {
		const rows = await docker.listContainers({all: true, filters: {label: [label]}});
		await inBatches(rows.length, 6, async (index) => {
			await docker.getContainer(rows[index]!.Id).remove({force: true});
		});
		await second.stop();
	}
}
