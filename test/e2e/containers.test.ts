// The containers pane end to end: the built CLI in a real pty against the real engine. Each test types
// keys, waits for the screen, then checks what the engine holds.
import assert from 'node:assert/strict';
import {describe} from 'node:test';
import {
	after,
	before,
	containerState,
	createContainer,
	it,
	engineSuite,
	SCOPE_FILTER,
	uniqueName,
	waitFor,
} from '../helpers/engine.js';
import {CLI_PATH, isAlternateScreen, startDockpit, type Session} from '../helpers/pty.js';
import {rowOf, selectContainer} from '../helpers/dashboard.js';

engineSuite('containers pane', () => {
	let session: Session;
	const web = uniqueName('web');
	const idle = uniqueName('idle');
	const stopped = uniqueName('stopped');

	before(async () => {
		await createContainer({name: web});
		await createContainer({name: idle});
		await createContainer({name: stopped, start: false});
		session = await startDockpit({args: ['--filter', SCOPE_FILTER], cols: 120, rows: 30});
		await session.waitForText(stopped);
	});
	after(async () => session?.close());

	it('lists every container in scope with state and status, in the alternate screen', async () => {
		const screen = await session.waitForScreen((s) => rowOf(s, web).includes('Up ') && rowOf(s, stopped).includes('Created'), {
			what: 'rows with status',
		});
		assert.match(rowOf(screen, web), /running\s+Up (Less than a second|\d+ seconds?)/);
		assert.match(rowOf(screen, stopped), /created\s+Created/);
		assert.match(screen, /● 2 running ◐ 0 paused ○ 1 stopped/);
		assert.ok(isAlternateScreen(session));
	});

	it('stops and starts the selected container', async () => {
		await selectContainer(session, idle);
		await session.press('s');
		await session.waitForText(`Stopped ${idle}`);
		await waitFor(
			async () => {
				const state = await containerState(idle);
				return state.exists && !state.state.Running;
			},
			{what: `${idle} stopped on the engine`},
		);
		await session.waitForScreen((s) => /exited\s+Exited \(\d+\)/.test(rowOf(s, idle)), {what: 'exited row'});
		await session.press('u');
		await session.waitForText(`Started ${idle}`);
		const state = await containerState(idle);
		assert.ok(state.exists && state.state.Running);
		await session.waitForScreen((s) => /running\s+Up/.test(rowOf(s, idle)), {what: 'running row'});
	});

	it('pauses, unpauses and restarts', async () => {
		await selectContainer(session, idle);
		await session.press('p');
		await session.waitForScreen((s) => /paused\s+Up .*\(Paused\)/.test(rowOf(s, idle)), {what: 'paused row'});
		let state = await containerState(idle);
		assert.ok(state.exists && state.state.Paused);
		await session.press('p');
		await session.waitForText(`Unpaused ${idle}`);
		state = await containerState(idle);
		assert.ok(state.exists && !state.state.Paused && state.state.Running);
		const startedBefore = state.exists ? state.state.StartedAt : '';
		await session.press('r');
		// A restart is a stop (1 s timeout) and a start; on a loaded 2-core machine the engine's start alone
		// was seen to take over 10 s, so give the engine room here (what is asserted does not change).
		await session.waitForText(`Restarted ${idle}`, {timeout: 30_000});
		state = await containerState(idle);
		assert.ok(state.exists && state.state.Running && state.state.StartedAt !== startedBefore);
	});

	it('asks before kill; "no" changes nothing, "yes" kills', async () => {
		await selectContainer(session, web);
		await session.press('K');
		const dialog = await session.waitForText(`Kill ${web}?`);
		assert.match(dialog, /SIGKILL/);
		await session.press('n');
		await session.waitForText('Cancelled');
		let state = await containerState(web);
		assert.ok(state.exists && state.state.Running, 'still running after "no"');
		await session.press('K');
		await session.waitForText(`Kill ${web}?`);
		await session.press('y');
		await session.waitForText(`Killed ${web}`);
		state = await containerState(web);
		assert.ok(state.exists && !state.state.Running && state.state.ExitCode === 137);
		await session.waitForScreen((s) => rowOf(s, web).includes('Exited (137)'), {what: 'Exited (137) row'});
	});

	it('renames inline; an invalid name shows the daemon error and changes nothing', async () => {
		await selectContainer(session, stopped);
		await session.press('R');
		await session.waitForText(`Rename ${stopped} to: ${stopped}`);
		await session.press('ctrl+u');
		await session.type('bad name!');
		await session.press('enter');
		const screen = await session.waitForText('Could not rename');
		assert.match(screen, /Invalid container name/);
		assert.ok((await containerState(stopped)).exists, 'old name still resolves');

		const renamed = uniqueName('renamed');
		await session.press('R');
		await session.waitForText(`Rename ${stopped} to:`);
		await session.press('ctrl+u');
		await session.type(renamed);
		await session.press('enter');
		await session.waitForText(`Renamed ${stopped} to ${renamed}`);
		const state = await containerState(renamed);
		assert.ok(state.exists && state.name === renamed);
		assert.equal((await containerState(stopped)).exists, false);
		await session.press('escape');
		await session.waitForScreen((s) => rowOf(s, renamed) !== '', {what: 'renamed row'});
	});

	it('removes after confirmation; a running container needs force', async () => {
		await selectContainer(session, idle);
		await session.press('d');
		await session.waitForText(`Remove ${idle}? It is running`);
		await session.press('y');
		await session.waitForText('press f to force');
		assert.ok((await containerState(idle)).exists, 'plain "y" does not remove a running container');
		await session.press('f');
		await session.waitForText(`Removed ${idle}`);
		assert.equal((await containerState(idle)).exists, false);
		await session.waitForScreen((s) => rowOf(s, idle) === '', {what: 'row gone'});
	});

	it('shows containers created and removed from another shell, live', async () => {
		await session.press('escape');
		const outside = uniqueName('outside');
		const created = await createContainer({name: outside});
		await session.waitForScreen((s) => /running\s+Up/.test(rowOf(s, outside)), {
			what: 'external container appears',
			timeout: 5000,
		});
		await created.container.remove({force: true});
		await session.waitForScreen((s) => rowOf(s, outside) === '', {what: 'external container disappears', timeout: 5000});
	});

	it('never reports success for a container removed behind its back', async () => {
		const ghost = uniqueName('ghost');
		const created = await createContainer({name: ghost, start: false});
		await session.waitForText(ghost);
		await selectContainer(session, ghost);
		// Remove it, then press start at once: whether or not the engine's destroy event has reached the list
		// by then, the outcome must be an error in the daemon's words or an emptied selection, never "Started".
		await created.container.remove({force: true});
		await session.press('u');
		const screen = await session.waitForScreen((s) => /Could not start|Started|No container selected/.test(s), {
			what: 'result of start',
		});
		assert.doesNotMatch(screen, new RegExp(`Started ${ghost}`), 'reported success for a container that was removed');
		assert.match(screen, /No such container|marked for removal|No container selected/);
		assert.equal((await containerState(ghost)).exists, false);
	});

	it('quits with q and restores the terminal', async () => {
		await session.press('q');
		const status = await session.exited;
		assert.equal(status.exitCode, 0);
		assert.equal(isAlternateScreen(session), false);
		assert.match(session.raw(), /\u001B\[\?25h/);
	});
});

describe('start-up without an engine', () => {
	it('explains an unreachable socket in one paragraph and exits 1', async () => {
		const session = await startDockpit({env: {DOCKER_HOST: 'unix:///tmp/dockpit-no-engine.sock'}});
		const status = await session.exited;
		assert.equal(status.exitCode, 1);
		const screen = session.screen();
		assert.match(screen, /could not reach the Docker engine at unix:\/\/\/tmp\/dockpit-no-engine\.sock/);
		assert.match(screen, /ENOENT/);
		assert.doesNotMatch(session.raw(), /\n\s+at /, 'no stack trace');
	});

	it('explains a forbidden socket (permission denied) and exits 1', async (t) => {
		if (process.getuid?.() !== 0) {
			t.skip('needs root to run dockpit as the unprivileged user "nobody"');
			return;
		}

		// As nobody, the engine's socket (root:docker, 0660) refuses the connection.
		const session = await startDockpit({
			command: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI_PATH],
			env: {DOCKER_HOST: 'unix:///var/run/docker.sock', HOME: '/tmp'},
		});
		const status = await session.exited;
		assert.equal(status.exitCode, 1);
		const screen = session.screen();
		assert.match(screen, /EACCES: permission denied/);
		assert.match(screen, /usermod -aG docker/);
		assert.doesNotMatch(session.raw(), /\n\s+at /, 'no stack trace');
	});

	it('rejects a malformed --filter as bad usage (exit 2)', async () => {
		const session = await startDockpit({args: ['--filter', 'nonsense']});
		const status = await session.exited;
		assert.equal(status.exitCode, 2);
		assert.match(session.screen(), /expected key=value/);
	});
});
