// `npm run bench -- frame`: CPU for Ink to turn one 200×50 dashboard-like frame into text, when one row in
// seven changed since the last frame, with Ink as dockpit bundles it (scripts/ink-output-cache.mjs) and Ink
// unpatched; both bundled here side by side from node_modules. No engine needed.
import {mkdtempSync, rmSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import path from 'node:path';
import type {Plugin} from 'esbuild';
import {inkOutputCache} from '../scripts/ink-output-cache.mjs';
import {bundleAndImport} from '../test/helpers/bundle.js';

type OutputClass = new (options: {width: number; height: number}) => {
	write(x: number, y: number, text: string, options: {transformers: never[]}): void;
	get(): {output: string};
};

const frames = 300;

async function bundled(folder: string, name: string, plugins: Plugin[]): Promise<OutputClass> {
	const inkOutput = path.resolve('node_modules/ink/build/output.js');
	return (
		await bundleAndImport<{default: OutputClass}>(folder, name, `export {default} from ${JSON.stringify(inkOutput)};`, plugins)
	).default;
}

/** A containers-table row, with colours; one row in seven gets a new status text each frame. */
const row = (y: number, frame: number) =>
	`\u001B[1m▶\u001B[0m prof-f0${String(y).padStart(2, '0')}   \u001B[36mdockpit-test/busybox:latest\u001B[0m   \u001B[32mrunning\u001B[0m   Up ${y % 7 === frame % 7 ? frame : 3} minutes   0.0.0.0:8080->80/tcp   3m ago`.padEnd(
		190,
		' ',
	);

function cpuPerFrame(Output: OutputClass): number {
	const start = process.cpuUsage();
	for (let frame = 0; frame < frames; frame++) {
		const output = new Output({width: 200, height: 50});
		for (let y = 0; y < 50; y++) output.write(0, y, row(y, frame), {transformers: []});
		output.get();
	}

	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000 / frames;
}

export async function benchFrameCost(): Promise<void> {
	const folder = mkdtempSync(path.join(tmpdir(), 'dockpit-bench-frame-'));
	try {
		const [plain, patched] = await Promise.all([bundled(folder, 'plain', []), bundled(folder, 'patched', [inkOutputCache])]);
		// Warm both up, then measure each twice, alternating.
		cpuPerFrame(plain);
		cpuPerFrame(patched);
		const figures = {plain: [cpuPerFrame(plain), cpuPerFrame(plain)], patched: [cpuPerFrame(patched), cpuPerFrame(patched)]};
		const best = (values: number[]) => Math.min(...values).toFixed(2);
		console.log(`Ink frame to text, 200×50, one row in 7 changed, CPU per frame (best of 2 × ${frames} frames):`);
		console.log(`  as dockpit bundles it: ${best(figures.patched)} ms`);
		console.log(`  Ink unpatched:         ${best(figures.plain)} ms`);
		console.log(
			`Load average (1, 5, 15 min): ${loadavg()
				.map((value) => value.toFixed(2))
				.join(', ')}; 2-core machine.`,
		);
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
}
