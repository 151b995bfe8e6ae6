// The Services pane on a real swarm: a private two-node swarm (test/helpers/swarm.ts: two extra dockerd
// with their own bridges; the shared engine's swarm state is never touched), a small stack of services
// with tasks on both nodes, and dockpit pointed at its manager. The swarm is always taken down again.
import {startDockpit, type Session} from '../test/helpers/pty.js';
import {TEST_IMAGE} from '../test/helpers/engine-status.js';
import {startSwarm, type PrivateSwarm} from '../test/helpers/swarm.js';
import {waitFor} from '../test/helpers/wait.js';
import {COLS, ROWS, rowWith, select, steady, type Camera} from './shot-tools.js';

const STACK = 'shop';

type ServiceSpec = {
	readonly name: string;
	/** A replica count, or 'global' (one task on every node). */
	readonly replicas: number | 'global';
	readonly cmd: string;
};

/** Long-running tasks that end at once on SIGTERM (a shell as PID 1 ignores it unless it traps it). */
const idle = (line: string) => `trap 'exit 0' TERM; echo "${line}"; while :; do sleep 5 & wait $!; done`;

const services: readonly ServiceSpec[] = [
	{name: `${STACK}_web`, replicas: 4, cmd: 'exec httpd -f -v -p 80 -h /'},
	{name: `${STACK}_api`, replicas: 2, cmd: 'exec httpd -f -v -p 8080 -h /'},
	{name: `${STACK}_worker`, replicas: 1, cmd: idle('waiting for orders')},
	{name: 'monitoring_exporter', replicas: 'global', cmd: idle('exporting node metrics')},
];

const desired = (spec: ServiceSpec) => (spec.replicas === 'global' ? 2 : spec.replicas);

async function createServices(swarm: PrivateSwarm): Promise<void> {
	for (const spec of services) {
		// Labelled as `docker stack deploy` labels them: the stack is the name's part before the underscore.
		const namespace = `com.docker.stack.namespace=${spec.name.split('_')[0]}`;
		const stack = ['--label', namespace, '--container-label', namespace];
		const mode = spec.replicas === 'global' ? ['--mode', 'global'] : ['--replicas', String(spec.replicas)];
		await swarm.docker([
			'service',
			'create',
			'--detach',
			'--no-resolve-image',
			'--name',
			spec.name,
			...mode,
			...stack,
			'--label',
			'dockpit.helper=shots',
			'--stop-grace-period',
			'2s',
			TEST_IMAGE,
			'sh',
			'-c',
			spec.cmd,
		]);
	}

	// Every replica running, and the replicated web service spread over both nodes.
	await waitFor(
		async () => {
			const out = await swarm.docker(['service', 'ls', '--format', '{{.Name}} {{.Replicas}}']);
			return services.every((spec) => out.split('\n').includes(`${spec.name} ${desired(spec)}/${desired(spec)}`));
		},
		{timeout: 180_000, interval: 1000, what: 'every service at its replica count'},
	);
	const nodes = await swarm.docker(['service', 'ps', '--filter', 'desired-state=running', '--format', '{{.ID}}', `${STACK}_web`]);
	const placed = await swarm.docker(['inspect', '--format', '{{.NodeID}}', ...nodes.split('\n').filter(Boolean)]);
	const spread = new Set(placed.split('\n')).size;
	if (spread < 2) throw new Error(`the tasks of ${STACK}_web run on ${spread} node(s), not both`);
}

const converged = (screen: string) =>
	services.every((spec) => rowWith(screen, ` ${spec.name} `).includes(`${desired(spec)}/${desired(spec)}`));

async function servicesPane(session: Session, camera: Camera): Promise<void> {
	// The swarm tabs appear once dockpit has read /info and knows it talks to a manager.
	await session.waitForText('6 Services', {timeout: 30_000});
	await session.press('6');
	await session.waitForScreen(converged, {timeout: 60_000, what: 'every service listed at its replica count'});
	await select(session, `${STACK}_web`, (line) => line.includes(` ${STACK}_web `));
	await steady(session);
	camera.shoot(session, 'services', 'dockpit — swarm services on a two-node swarm');
}

async function tasksPane(session: Session, camera: Camera): Promise<void> {
	// Enter on the selected service lists its tasks: the four replicas, on both nodes.
	await session.press('enter');
	await session.waitForScreen(
		(screen) =>
			screen.split('\n').filter((line) => new RegExp(`${STACK}_web\\.\\d\\s.*running\\s+running`).test(line)).length === 4,
		{timeout: 30_000, what: `the four running tasks of ${STACK}_web`},
	);
	await steady(session);
	camera.shoot(session, 'tasks', `dockpit — the tasks of ${STACK}_web on both nodes`);
}

/** Starts the private swarm, creates the services, shoots the Services pane with the CLI at `cli`, tears down. */
export async function swarmShots(camera: Camera, cli: string): Promise<void> {
	console.log('\nStarting a private two-node swarm (test/helpers/swarm.ts):');
	let swarm: PrivateSwarm | undefined;
	let session: Session | undefined;
	try {
		swarm = await startSwarm();
		console.log(`  manager ${swarm.manager}, worker ${swarm.worker}`);
		await createServices(swarm);
		console.log(`  services: ${services.map((spec) => spec.name).join(', ')}`);
		console.log(`Running dockpit --host ${swarm.manager} at ${COLS}x${ROWS}:`);
		session = await startDockpit({command: [cli], args: ['--host', swarm.manager], cols: COLS, rows: ROWS, keyGap: 60});
		await session.waitForText('Containers', {timeout: 30_000});
		await servicesPane(session, camera);
		await tasksPane(session, camera);
		await session.press('q');
		await session.exited;
	} finally {
		await session?.close();
		console.log('Taking the private swarm down.');
		await swarm?.stop();
	}
}
