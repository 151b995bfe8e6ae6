// npm run screenshots: runs the built CLI in a real pseudo-terminal against real engines, drives it with
// key presses as a user would, and writes what the terminal shows into screenshots/ as SVG (see
// terminal-svg.ts). Nothing is drawn by hand: every picture is the terminal's own cells. Each run brings
// up what it shows and takes it down again: the demo fleet on the local engine (fleet-shots.ts), a
// private two-node swarm (swarm-shots.ts), a private second engine beside the local one (engines-shots.ts).
// `--only fleet`, `--only swarm` or `--only engines` takes one run's shots.
import {chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';
import {REPO_ROOT} from '../test/helpers/pty.js';
import {enginesShots} from './engines-shots.js';
import {fleetShots} from './fleet-shots.js';
import {Camera} from './shot-tools.js';
import {swarmShots} from './swarm-shots.js';

type Run = {
	readonly name: string;
	readonly shoot: (camera: Camera, cli: string) => Promise<void>;
};

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const docker = new Docker();

const runs: Run[] = [
	{name: 'fleet', shoot: async (camera, cli) => fleetShots(docker, camera, cli, keep)},
	{name: 'swarm', shoot: swarmShots},
	{name: 'engines', shoot: enginesShots},
];

const chosen = only ? runs.filter((run) => run.name === only) : runs;
if (chosen.length === 0) {
	console.error(`npm run screenshots: no run named ${only ?? '(none)'}; runs: ${runs.map((run) => run.name).join(', ')}`);
	process.exit(2);
}

// A private copy of the build: another `npm run build` (which empties dist/) cannot pull the chunks
// out from under the running program. Inside node_modules, so the bundle's externals (ssh2) resolve.
const cacheDir = path.join(REPO_ROOT, 'node_modules', '.cache');
mkdirSync(cacheDir, {recursive: true});
const buildCopy = mkdtempSync(path.join(cacheDir, 'dockpit-screenshots-'));
cpSync(path.join(REPO_ROOT, 'dist'), buildCopy, {recursive: true});
const cli = path.join(buildCopy, 'cli.js');
// The built file runs itself, as the installed command does: its shebang carries the heap flags.
chmodSync(cli, 0o755);

const camera = new Camera();
const started = Date.now();
try {
	for (const run of chosen) {
		const runStarted = Date.now();
		await run.shoot(camera, cli);
		console.log(`The ${run.name} run took ${((Date.now() - runStarted) / 1000).toFixed(0)} s.\n`);
	}
} finally {
	rmSync(buildCopy, {recursive: true, force: true});
}

console.log(`${camera.written.length} screenshots in screenshots/ in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
process.exit(0);
