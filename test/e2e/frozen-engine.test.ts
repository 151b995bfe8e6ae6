// An engine that stops answering without going away (SIGSTOP, a hung socket), through a proxy that holds
// every byte; and a burst of removals that must leave no row behind (issue 12, items 6 and 7).
import assert from 'node:assert/strict';
import {after, createContainer, containerState, docker, it, engineSuite, SCOPE_FILTER, uniqueName} from '../helpers/engine.js';
import {startDockpit} from '../helpers/pty.js';
import {startSocketProxy} from '../helpers/socket-proxy.js';
import {showTab} from '../helpers/dashboard.js';

engineSuite('frozen engine', () => {
	it('times out a start on a frozen engine, says so in the banner, and is right again after the thaw', async () => {
		const proxy = await startSocketProxy();
		after(() => proxy.close());
		const name = uniqueName('frozen');
		await createContainer({name, start: false});
		const session = await startDockpit({
			args: ['--filter', SCOPE_FILTER, '--filter', `name=${name}`],
			env: {DOCKER_HOST: `unix://${proxy.socketPath}`},
			cols: 160,
		});
		await session.waitForScreen((s) => s.includes(name) && s.includes('(1)'), {what: 'the stopped container listed'});

		proxy.freeze();
		const pressed = Date.now();
		await session.press('u');
		await session.waitForText(`Starting ${name}…`);
		const screen = await session.waitForScreen(
			(s) =>
				s.includes(`Starting ${name}… timed out after 10 s: the engine is not answering`) &&
				/Disconnected from .*the engine is not answering/.test(s),
			{what: 'the timeout and the banner', timeout: 25_000},
		);
		const took = Date.now() - pressed;
		assert.ok(took >= 9500 && took < 18_000, `the timeout showed ${took} ms after the key:\n${screen}`);

		proxy.thaw();
		// The held start reaches the engine on the thaw; dockpit resubscribes and lists again.
		await session.waitForScreen((s) => new RegExp(`${name}.*running`).test(s) && !s.includes('Disconnected'), {
			what: 'banner gone and the row running',
			timeout: 30_000,
		});
		const state = await containerState(name);
		assert.ok(state.exists && state.state.Running, 'the engine has it running');
		await session.press('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	it('times out opening logs, stats and a shell on a frozen engine instead of waiting for ever', {timeout: 180_000}, async () => {
		const proxy = await startSocketProxy();
		after(() => proxy.close());
		const name = uniqueName('frozen-streams');
		await createContainer({name, cmd: ['sh', '-c', 'while :; do echo tick; sleep 1; done']});
		const session = await startDockpit({
			args: ['--filter', SCOPE_FILTER, '--filter', `name=${name}`],
			env: {DOCKER_HOST: `unix://${proxy.socketPath}`},
			cols: 160,
			rows: 40,
		});
		await session.waitForScreen((s) => new RegExp(`${name}.*running`).test(s), {what: 'the running container listed'});
		proxy.freeze();

		// Logs: the pane says the engine is not answering, instead of "connecting…" for ever.
		await session.press('l');
		await session.waitForText(new RegExp(`Logs: ${name} · timed out after \\d+ s: the engine is not answering`), {
			timeout: 30_000,
		});
		await session.press('escape');

		// Stats: the tab says so too.
		await session.press('i');
		await showTab(session, 'Stats');
		await session.waitForText(/timed out after \d+ s: the engine is not answering/, {timeout: 30_000});
		await session.press('escape');
		await session.waitForScreen((s) => !s.includes('[Stats]'), {what: 'the details closed'});

		// A shell: the terminal comes back to the dashboard with why, instead of a blank screen for ever.
		await session.press('x');
		await session.waitForText(`Could not exec ${name}: timed out after 10 s: the engine is not answering`, {
			timeout: 40_000,
		});

		proxy.thaw();
		await session.waitForScreen((s) => !s.includes('Disconnected'), {what: 'the banner gone after the thaw', timeout: 30_000});
		await session.press('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	it('leaves no row behind after 30 containers are force-removed at once', async () => {
		const burst = uniqueName('burst');
		const created = await Promise.all(
			Array.from({length: 30}, (_, index) => createContainer({name: `${burst}-${index}`, labels: {'dockpit.burst': burst}})),
		);
		const session = await startDockpit({args: ['--filter', SCOPE_FILTER, '--filter', `label=dockpit.burst=${burst}`], cols: 160});
		await session.waitForText('(30)', {timeout: 30_000});

		await Promise.all(created.map(({container}) => container.remove({force: true})));
		const screen = await session.waitForScreen((s) => s.includes('(0)'), {
			what: 'every removed row gone',
			timeout: 30_000,
		});
		// The header names the scope, burst label included (issue 14 item 13): look for the rows' names.
		assert.ok(!screen.includes(`${burst}-`), `a removed row is still shown:\n${screen}`);
		const left = await docker.listContainers({all: true, filters: {label: [`dockpit.burst=${burst}`]}});
		assert.equal(left.length, 0);
		await session.press('q');
		assert.equal((await session.exited).exitCode, 0);
	});
});
