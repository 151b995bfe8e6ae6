// Swarm (issue 17) end to end: the built CLI in a real pty, pointed with --host at the manager of a
// private two-node swarm (test/helpers/swarm.ts; never the shared engine). Services are listed with their
// replicas, tasks run on both nodes, a force update replaces every task, scale 3 → 6 is seen live, a
// drained node's tasks move to the other, and --read-only refuses to scale. Each is checked on the engine.
import assert from 'node:assert/strict';
import {after, before, engineSuite, it, waitFor, TEST_IMAGE} from '../helpers/engine.js';
import {startDockpit, type Session} from '../helpers/pty.js';
import {startSwarm, type PrivateSwarm} from '../helpers/swarm.js';

/** The screen row of a service, task or node that holds `text`. */
const rowWith = (screen: string, text: string): string => screen.split('\n').find((line) => line.includes(text)) ?? '';

type TaskLine = {id: string; node: string; desired: string; state: string};

async function tasksOf(swarm: PrivateSwarm, service: string): Promise<TaskLine[]> {
	const out = await swarm.docker([
		'service',
		'ps',
		'--no-trunc',
		'--format',
		'{{.ID}} {{.Node}} {{.DesiredState}} {{.CurrentState}}',
		service,
	]);
	// Both nodes report the same hostname here: the task's node id comes from inspect instead.
	const lines = out.split('\n').filter(Boolean);
	const ids = lines.map((line) => line.split(' ')[0]!);
	const nodes = ids.length > 0 ? (await swarm.docker(['inspect', '--format', '{{.NodeID}}', ...ids])).split('\n') : [];
	return lines.map((line, index) => {
		const [id, , desired, state] = line.split(' ');
		return {id: id!, node: nodes[index] ?? '', desired: desired!, state: state!.toLowerCase()};
	});
}

const runningTasks = async (swarm: PrivateSwarm, service: string) =>
	(await tasksOf(swarm, service)).filter((task) => task.desired === 'Running' && task.state === 'running');

engineSuite('swarm panes against a private two-node swarm', () => {
	let swarm: PrivateSwarm | undefined;
	let session: Session;
	const service = 'swarm-e2e-web';

	before(
		async () => {
			swarm = await startSwarm();
			await swarm.docker([
				'service',
				'create',
				'--detach',
				'--no-resolve-image',
				'--name',
				service,
				'--replicas',
				'3',
				'--label',
				'dockpit.helper=swarm',
				'--update-parallelism',
				'3',
				TEST_IMAGE,
				'sh',
				'-c',
				'i=0; while true; do echo "line $i from $(hostname)"; i=$((i+1)); sleep 1; done',
			]);
			await waitFor(async () => (await runningTasks(swarm!, service)).length === 3, {
				timeout: 120_000,
				interval: 1000,
				what: 'three running tasks',
			});
			session = await startDockpit({args: ['--host', swarm.manager], cols: 150, rows: 32});
			await session.waitForText('Containers', {timeout: 30_000});
		},
		{timeout: 300_000},
	);

	after(
		async () => {
			await session?.close();
			await swarm?.stop();
		},
		{timeout: 180_000},
	);

	it('lists the service with its replicas, and its tasks on both nodes', {timeout: 120_000}, async () => {
		await waitFor(
			async () => {
				await session.press('6');
				return session.screen().includes(' Services ') && rowWith(session.screen(), service).includes('3/3');
			},
			{timeout: 60_000, interval: 2000, what: 'the services pane with the service at 3/3'},
		);
		const row = rowWith(session.screen(), service);
		assert.match(row, /replicated\s+3\/3\s+dockpit-test\/busybox/);
		await session.press('enter');
		const screen = await session.waitForScreen(
			(s) =>
				s.includes(`service ${service}`) &&
				s.split('\n').filter((line) => /swarm-e2e-web\.\d\s.*running\s+running/.test(line)).length === 3,
			{timeout: 30_000, what: 'the three running tasks of the service'},
		);
		const nodes = new Set(
			screen
				.split('\n')
				.filter((line) => /swarm-e2e-web\.\d\s.*running\s+running/.test(line))
				.map((line) => /swarm-e2e-web\.\d\s+(\S+)/.exec(line)?.[1]),
		);
		assert.equal(nodes.size, 2, `the tasks run on both nodes, told apart by node id: ${[...nodes].join(', ')}`);
		const engineNodes = new Set((await runningTasks(swarm!, service)).map((task) => task.node));
		assert.equal(engineNodes.size, 2, 'the engine agrees: both nodes run tasks');
	});

	it('a force update (r) replaces every task', {timeout: 180_000}, async () => {
		const old = new Set((await runningTasks(swarm!, service)).map((task) => task.id));
		await session.press('6');
		await session.waitForScreen((s) => rowWith(s, service).includes('3/3'), {timeout: 30_000, what: 'the service at 3/3'});
		await session.press('r');
		await session.waitForScreen((s) => /restarting|updating/.test(s), {timeout: 30_000, what: 'the restart under way'});
		const fresh = await waitFor(
			async () => {
				const running = await runningTasks(swarm!, service);
				return running.length === 3 && running.every((task) => !old.has(task.id)) ? running : undefined;
			},
			{timeout: 150_000, interval: 1000, what: 'three new running tasks, none of the old ones'},
		);
		assert.equal(fresh.length, 3);
	});

	it('scale 3 → 6 (s, typed) is seen live in the replicas column', {timeout: 180_000}, async () => {
		await session.press('6');
		await session.waitForScreen((s) => rowWith(s, service).includes('/3'), {timeout: 30_000, what: 'the service at 3'});
		await session.press('s');
		await session.waitForText('Scale swarm-e2e-web', {timeout: 10_000});
		await session.press('ctrl+u');
		await session.type('6');
		await session.press('enter');
		await session.waitForScreen((s) => rowWith(s, service).includes('/6'), {timeout: 30_000, what: 'six desired'});
		assert.equal(await swarm!.docker(['service', 'inspect', '--format', '{{.Spec.Mode.Replicated.Replicas}}', service]), '6');
		await session.waitForScreen((s) => rowWith(s, service).includes('6/6'), {timeout: 150_000, what: '6/6 running, live'});
		assert.equal((await runningTasks(swarm!, service)).length, 6);
	});

	it('draining the worker (d, asks) moves its tasks to the manager', {timeout: 240_000}, async () => {
		const worker = swarm!.workerNodeId;
		await session.press('8');
		await session.waitForScreen((s) => s.includes(worker.slice(0, 12)), {timeout: 30_000, what: 'the worker in the nodes pane'});
		await session.press('/');
		await session.type('worker');
		await session.press('enter');
		await session.waitForScreen((s) => s.includes('filter: worker') && s.includes(`▶ `) && rowWith(s, '▶').includes('worker'), {
			timeout: 10_000,
			what: 'the worker selected',
		});
		await session.press('d');
		await session.waitForText('Drain node', {timeout: 10_000});
		assert.equal(
			await swarm!.docker(['node', 'inspect', '--format', '{{.Spec.Availability}}', worker]),
			'active',
			'nothing changes before y',
		);
		await session.press('y');
		await waitFor(
			async () => {
				const running = await runningTasks(swarm!, service);
				return running.length === 6 && running.every((task) => task.node === swarm!.managerNodeId);
			},
			{timeout: 200_000, interval: 1000, what: 'all six tasks running on the manager'},
		);
		await session.waitForScreen((s) => /worker\s+drain\s+ready\s+\S*\s*\S+\s+0\b/.test(rowWith(s, worker.slice(0, 12))), {
			timeout: 30_000,
			what: 'the worker drained, with no tasks',
		});
	});

	it('--read-only refuses to scale, and the engine keeps its replicas', {timeout: 60_000}, async () => {
		const readOnly = await startDockpit({args: ['--host', swarm!.manager, '--read-only'], cols: 150, rows: 32});
		try {
			await readOnly.waitForText('Containers', {timeout: 30_000});
			await waitFor(
				async () => {
					await readOnly.press('6');
					return rowWith(readOnly.screen(), service).includes('/6');
				},
				{timeout: 30_000, interval: 2000, what: 'the services pane'},
			);
			await readOnly.press('s');
			await readOnly.waitForText(/Read-only mode: "scale" is disabled/, {timeout: 10_000});
			assert.ok(!readOnly.screen().includes('Scale swarm-e2e-web'), 'no scale prompt opened');
			assert.equal(await swarm!.docker(['service', 'inspect', '--format', '{{.Spec.Mode.Replicated.Replicas}}', service]), '6');
		} finally {
			await readOnly.close();
		}
	});
});
