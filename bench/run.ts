// npm run bench [containers|logs|ssh|ship]: each benchmark prints its own figures.
import {benchContainers} from './containers.js';
import {benchLogs} from './logs.js';
import {benchShip} from './ship.js';
import {benchSsh} from './ssh.js';

const benchmarks: Readonly<Record<string, () => Promise<void>>> = {
	containers: benchContainers,
	logs: benchLogs,
	ssh: benchSsh,
	ship: benchShip,
};
const only = process.argv[2];
if (only !== undefined && !(only in benchmarks)) {
	console.error(`unknown benchmark "${only}"; choose from ${Object.keys(benchmarks).join(', ')}`);
	process.exit(2);
}

for (const [name, run] of Object.entries(benchmarks)) {
	if (only && only !== name) continue;
	await run();
	console.log('');
}

process.exit(0);
