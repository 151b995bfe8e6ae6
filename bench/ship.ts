// npm run bench ship: start to first frame of the three ways dockpit is run — the clone's dist/, the
// package installed from its tarball, and the single executable — on the same labelled fleet, with the
// sizes of each. The installed package and the executable are built here, as a user would get them.
import {execFile} from 'node:child_process';
import {mkdtemp, rm, stat} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {fileURLToPath} from 'node:url';
import {mebibytes, packAndInstall} from '../scripts/package-install.js';
import {startDockpit} from '../test/helpers/pty.js';
import {createFleet, docker} from './fleet.js';
import {median, ms} from './stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = 7;
const count = 20;

async function firstFrames(command: string, label: string): Promise<number[]> {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		const session = await startDockpit({command: [command], args: ['--filter', `label=${label}`], cols: 140, rows: 40});
		await session.waitForScreen((screen) => screen.includes(`(${count})`), {what: 'the list', timeout: 15_000});
		times.push(performance.now() - started);
		await session.close();
	}

	return times;
}

export async function benchShip(): Promise<void> {
	const {label, labelValue, createRunning} = createFleet();
	const folder = await mkdtemp(path.join(os.tmpdir(), 'dockpit-bench-ship-'));
	try {
		console.log(`Packing and installing the tarball, building the single executable, ${count} containers (label ${label})…`);
		for (let index = 0; index < count; index++) await createRunning(`ship-${index}-${labelValue}`);
		const installed = await packAndInstall(root, folder);
		await promisify(execFile)(process.execPath, ['scripts/build-sea.mjs'], {cwd: root});
		const sea = path.join(root, 'dist-sea', 'dockpit');
		const forms = [
			[
				'node dist/cli.js (a clone)',
				path.join(root, 'dist', 'cli.js'),
				`${mebibytes((await stat(path.join(root, 'dist', 'cli.js'))).size)} entry`,
			],
			['npm install -g of the tarball', installed.bin, `${mebibytes(installed.installedBytes)} installed`],
			['single executable', sea, `${mebibytes((await stat(sea)).size)} file`],
		] as const;
		console.log('');
		console.log(`Start to the first frame listing ${count} containers, median of ${runs} (load ${os.loadavg()[0]!.toFixed(2)}):`);
		for (const [name, command, size] of forms) {
			const times = await firstFrames(command, label);
			console.log(`  ${name.padEnd(32)} ${ms(median(times)).padStart(7)}  (min ${ms(Math.min(...times))})  ${size}`);
		}

		console.log(
			`  load average at the end: ${os
				.loadavg()
				.map((load) => load.toFixed(2))
				.join(' ')}`,
		);
	} finally {
		const rows = await docker.listContainers({all: true, filters: {label: [label]}});
		for (const row of rows) await docker.getContainer(row.Id).remove({force: true});
		await rm(folder, {recursive: true, force: true});
	}
}
