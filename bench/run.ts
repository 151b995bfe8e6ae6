// npm run bench: dockpit and dockly side by side, one table (side-by-side.ts). `-- big`: 1,000 containers,
// dockpit alone. `-- containers`, `-- logs` or `-- ssh`: the older single-figure benchmarks;
// `-- ship`: start-up of the clone, the installed package and the single executable; `-- frame`: CPU of one
// frame's text with Ink as bundled and unpatched; `-- usage`: the CPU and MEM columns' cost with 45 running
// containers on screen; `-- swarm`: a service scaled 1 → 50 on a private two-node swarm; `-- engines`: two
// engines of 50 containers each in one view.
import {benchBig} from './big.js';
import {benchContainers} from './containers.js';
import {benchEngines} from './engines.js';
import {benchFrameCost} from './frame-cost.js';
import {benchLogs} from './logs.js';
import {benchShip} from './ship.js';
import {benchSideBySide} from './side-by-side.js';
import {benchSsh} from './ssh.js';
import {benchUsage} from './usage.js';
import {benchSwarmScale} from './swarm-scale.js';

const benchmarks: Readonly<Record<string, () => Promise<void>>> = {
	'side-by-side': benchSideBySide,
	big: benchBig,
	containers: benchContainers,
	logs: benchLogs,
	ssh: benchSsh,
	ship: benchShip,
	frame: benchFrameCost,
	engines: benchEngines,
	usage: benchUsage,
	swarm: benchSwarmScale,
};
const chosen = process.argv[2] ?? 'side-by-side';
const run = benchmarks[chosen];
if (!run) {
	console.error(`unknown benchmark "${chosen}"; choose from ${Object.keys(benchmarks).join(', ')}`);
	process.exit(2);
}

await run();
process.exit(0);
