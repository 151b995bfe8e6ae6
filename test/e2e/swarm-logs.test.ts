// Swarm service logs (issue 17) end to end: the built CLI in a real pty, pointed with --host at the manager
// of a private two-node swarm (test/helpers/swarm.ts; never the shared engine). A service's tasks print
// their own slot and node id (swarm templates), so each line on screen can be checked against the prefix
// dockpit gives it: `l` on the service interleaves lines of tasks on both nodes, `/` finds a line, and `l`
// on a task in the tasks pane shows that task's lines only.
import assert from 'node:assert/strict';
import {after, before, engineSuite, it, waitFor, TEST_IMAGE} from '../helpers/engine.js';
import {startDockpit, type Session} from '../helpers/pty.js';
import {startSwarm, type PrivateSwarm} from '../helpers/swarm.js';

/** A log row of the service: its prefix (service.task@host:node) and what the task printed about itself. */
const logRow = /svclogs-e2e\.(\w+)@\w+:(\w{5})\s*│ slot=(\d+) node=(\w+) n=\d+/;

type Row = {readonly task: string; readonly prefixNode: string; readonly slot: string; readonly node: string};

const logRows = (screen: string): Row[] =>
	screen.split('\n').flatMap((line) => {
		const match = logRow.exec(line);
		return match ? [{task: match[1]!, prefixNode: match[2]!, slot: match[3]!, node: match[4]!}] : [];
	});

engineSuite('swarm service logs against a private two-node swarm', () => {
	let swarm: PrivateSwarm | undefined;
	let session: Session;
	const service = 'svclogs-e2e';

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
				'4',
				'--label',
				'dockpit.helper=svclogs',
				'--env',
				'SLOT={{.Task.Slot}}',
				'--env',
				'NODE={{.Node.ID}}',
				TEST_IMAGE,
				'sh',
				'-c',
				'i=0; while true; do echo "slot=$SLOT node=$NODE n=$i"; i=$((i+1)); sleep 1; done',
			]);
			await waitFor(
				async () => {
					const out = await swarm!.docker([
						'service',
						'ps',
						'--filter',
						'desired-state=running',
						'--format',
						'{{.CurrentState}}',
						service,
					]);
					const states = out.split('\n').filter(Boolean);
					if (states.length !== 4 || !states.every((state) => state.startsWith('Running'))) return false;
					// Tasks spread over both nodes.
					const ids = (await swarm!.docker(['service', 'ps', '-q', '--filter', 'desired-state=running', service])).split('\n');
					const nodes = new Set((await swarm!.docker(['inspect', '--format', '{{.NodeID}}', ...ids])).split('\n'));
					return nodes.size === 2;
				},
				{timeout: 120_000, interval: 1000, what: 'four running tasks on both nodes'},
			);
			session = await startDockpit({args: ['--host', swarm.manager], cols: 160, rows: 40});
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

	it('l on the service interleaves lines of tasks on both nodes, each with its task and node', {timeout: 120_000}, async () => {
		await waitFor(
			async () => {
				await session.press('6');
				return session
					.screen()
					.split('\n')
					.some((line) => line.includes(service) && line.includes('4/4'));
			},
			{timeout: 60_000, interval: 2000, what: 'the services pane with the service at 4/4'},
		);
		await session.press('l');
		const screen = await session.waitForScreen(
			(s) => {
				const rows = logRows(s);
				// Both nodes, and every task named by its slot (the tasks are read once their lines name them).
				return new Set(rows.map((row) => row.node)).size === 2 && rows.length >= 8 && rows.every((row) => row.task === row.slot);
			},
			{timeout: 60_000, what: 'log lines of tasks on both nodes, prefixed service.slot@node'},
		);
		assert.match(screen, /Logs: service svclogs-e2e/);
		const rows = logRows(screen);
		for (const row of rows) {
			assert.equal(row.task, row.slot, `the prefix names the slot the task printed: ${JSON.stringify(row)}`);
			assert.equal(row.prefixNode, row.node.slice(0, 5), `the prefix names the node the task printed: ${JSON.stringify(row)}`);
		}

		assert.deepEqual(
			new Set(rows.map((row) => row.node)),
			new Set([swarm!.managerNodeId, swarm!.workerNodeId]),
			'lines come from the manager and from the worker',
		);
	});

	it('/ finds a line of one task, and f shows only the matching lines', {timeout: 60_000}, async () => {
		// Scrolled up one line, the pane stops following, so the match found stays on screen.
		await session.press('k');
		await session.waitForText(/paused — \d+ new line/, {timeout: 10_000});
		await session.press('/');
		await session.type('slot=3 node');
		await session.press('enter');
		const found = await session.waitForScreen((s) => /\/slot=3 node [1-9]\d*\/\d+/.test(s) && /▶.*│ slot=3 node=/.test(s), {
			timeout: 20_000,
			what: 'a match of "slot=3 node" marked, and counted in the title',
		});
		const marked = found.split('\n').find((line) => line.includes('▶') && line.includes('│'))!;
		assert.match(marked, /svclogs-e2e\.3@\w+:\w{5}\s*│ slot=3 node=/, 'the match is a line of task 3, so prefixed');
		await session.press('f');
		const filtered = await session.waitForScreen((s) => / · filter/.test(s) && logRows(s).length > 0, {
			timeout: 20_000,
			what: 'only the matching lines',
		});
		assert.ok(
			logRows(filtered).every((row) => row.slot === '3'),
			'every line shown is slot 3’s',
		);
		// The search and the filter stay with the pane; the next tests want every line.
		await session.press('f', '/', 'escape');
		await session.waitForScreen((s) => !s.includes('/slot=3 node'), {timeout: 10_000, what: 'the search cleared'});
	});

	it('l on a task in the tasks pane shows that task’s lines only', {timeout: 60_000}, async () => {
		// Out of the logs pane (its search, its focus), then closed.
		await waitFor(
			async () => {
				if (!session.screen().includes('Logs: ')) return true;
				await session.press('escape');
				return false;
			},
			{timeout: 20_000, interval: 1000, what: 'the logs pane closed'},
		);
		await session.press('7');
		await session.waitForScreen((s) => /svclogs-e2e\.\d\s/.test(s), {timeout: 30_000, what: 'the tasks pane'});
		await session.press('/');
		await session.type('svclogs-e2e.2');
		await session.press('enter');
		await session.waitForScreen((s) => s.split('\n').some((line) => line.includes('▶') && line.includes('svclogs-e2e.2')), {
			timeout: 20_000,
			what: 'task 2 selected',
		});
		await session.press('l');
		const screen = await session.waitForScreen((s) => s.includes('Logs: task svclogs-e2e.2') && logRows(s).length >= 3, {
			timeout: 30_000,
			what: 'the logs of task 2',
		});
		const rows = logRows(screen);
		assert.ok(
			rows.every((row) => row.slot === '2' && row.task === '2'),
			`only task 2's lines: ${JSON.stringify(rows)}`,
		);
	});
	it('says "service removed" when the service it follows is removed, and keeps its lines', {timeout: 60_000}, async () => {
		await waitFor(
			async () => {
				if (!session.screen().includes('Logs: ')) return true;
				await session.press('escape');
				return false;
			},
			{timeout: 20_000, interval: 1000, what: 'the logs pane closed'},
		);
		await session.press('6');
		await session.waitForScreen((s) => s.includes(' Services ') && s.includes(service), {
			timeout: 20_000,
			what: 'the services pane',
		});
		await session.press('l');
		await session.waitForScreen((s) => s.includes('Logs: service svclogs-e2e') && logRows(s).length >= 4, {
			timeout: 30_000,
			what: 'the service’s logs',
		});
		await swarm!.docker(['service', 'rm', service]);
		const screen = await session.waitForScreen((s) => s.includes('service removed'), {
			timeout: 30_000,
			what: 'the title saying the service was removed',
		});
		assert.ok(logRows(screen).length >= 4, `the lines read stay on screen, with their names:\n${screen}`);
		assert.equal(
			await swarm!.docker(['service', 'ls', '-q', '--filter', `name=${service}`]),
			'',
			'the engine has no such service',
		);
	});
});
