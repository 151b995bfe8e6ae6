// npm run demo: puts the labelled demo fleet on the local engine (or whatever DOCKER_HOST names) so
// dockpit has something to show; `npm run demo -- --down` removes exactly what it created.
import Docker from 'dockerode';
import {DEMO_FILTER, demoDown, demoUp} from './demo-fleet.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
	console.log(`Usage: npm run demo            create the demo fleet (replacing an earlier one)
       npm run demo -- --down  remove everything labelled ${DEMO_FILTER.slice('label='.length)}`);
	process.exit(0);
}

const unknown = args.filter((arg) => arg !== '--down');
if (unknown.length > 0) {
	console.error(`npm run demo: unknown argument ${unknown.join(' ')} (try --help)`);
	process.exit(2);
}

const docker = new Docker();
try {
	if (args.includes('--down')) {
		console.log(`Removing everything labelled ${DEMO_FILTER.slice('label='.length)}:`);
		const removed = await demoDown(docker);
		console.log(removed === 0 ? 'Nothing to remove: no demo fleet on this engine.' : `Done: ${removed} removed.`);
	} else {
		await demoUp(docker);
		console.log(`
Everything carries the label ${DEMO_FILTER.slice('label='.length)}. See it in dockpit:

  dockpit --filter ${DEMO_FILTER}        (from a clone: node dist/cli.js --filter ${DEMO_FILTER})

Remove it all again:

  npm run demo -- --down`);
	}
} catch (error) {
	const message = error instanceof Error ? error.message : String(error);
	console.error(`npm run demo: ${message}`);
	if (/ENOENT|EACCES|ECONNREFUSED/.test(message)) {
		console.error('Is a Docker engine running, and may you use its socket? See Troubleshooting in README.md.');
	}

	process.exit(1);
}
