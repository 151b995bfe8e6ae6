// What the side-by-side and big benchmarks share: batches of engine calls, the fleet's cleanup, and the
// one table they print, with the machine's load average so a figure is read with its conditions.
import {loadavg} from 'node:os';
import {docker} from './fleet.js';

export type Row = {
	readonly figure: string;
	readonly dockpit: string;
	readonly dockly: string;
	readonly floor: string;
	readonly ratio: string;
	readonly target: string;
	readonly met: string;
};

export async function inBatches(count: number, width: number, work: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({length: width}, async () => {
			for (let index = next++; index < count; index = next++) await work(index);
		}),
	);
}

/** Removes every container with the label, whatever state it is in. */
export async function removeLabelled(label: string): Promise<void> {
	const rows = await docker.listContainers({all: true, filters: {label: [label]}});
	await inBatches(rows.length, 8, async (index) => {
		await docker
			.getContainer(rows[index]!.Id)
			.remove({force: true})
			.catch(() => undefined);
	});
}

const load = (values: readonly number[]) => values.map((value) => value.toFixed(2)).join(', ');

/** A Markdown table, ready to paste into README, with the load average at the start and end of the run. */
export function printTable(rows: readonly Row[], note: string | undefined, loadAtStart: readonly number[]): void {
	const header: Row = {
		figure: 'Figure',
		dockpit: 'dockpit',
		dockly: 'dockly',
		floor: 'floor',
		ratio: 'ratio',
		target: 'target',
		met: 'met?',
	};
	const columns = Object.keys(header) as Array<keyof Row>;
	const line = (row: Row) => `| ${columns.map((column) => row[column]).join(' | ')} |`;
	console.log(line(header));
	console.log(`| ${columns.map(() => '---').join(' | ')} |`);
	for (const row of rows) console.log(line(row));
	console.log('');
	console.log(`Load average (1, 5, 15 min): ${load(loadAtStart)} at the start, ${load(loadavg())} at the end; 2-core machine.`);
	if (note) console.log(note);
}
