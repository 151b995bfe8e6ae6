// Proves the test harness on its own, before any dockpit code is involved: a tiny full-screen
// program in a real pty, and a labelled container on the real engine.
import assert from 'node:assert/strict';
import {describe} from 'node:test';
import {
	after,
	cleanupRun,
	containerState,
	createContainer,
	docker,
	it,
	engineSuite,
	RUN_LABEL,
	SCOPE_FILTER,
	TEST_IMAGE,
	uniqueName,
	waitFor,
} from '../helpers/engine.js';
import {isAlternateScreen, isCursorHidden, startDockpit, type Session} from '../helpers/pty.js';

// Enters the alternate screen, hides the cursor, echoes each chunk of input as JSON, prints its
// size on SIGWINCH, and on "q" restores the terminal and exits with 3.
const fixture = String.raw`
const out = process.stdout;
out.write('\x1b[?1049h\x1b[?25l\x1b[H');
process.stdin.setRawMode(true);
process.stdin.on('data', (chunk) => {
	const input = chunk.toString('utf8');
	if (input === 'q') {
		out.write('\x1b[?25h\x1b[?1049l');
		process.exit(3);
	}
	out.write('key ' + JSON.stringify(input) + '\r\n');
});
// Ready only once keys are read raw: a key sent before that would be taken by the line discipline.
out.write('harness ready ' + out.columns + 'x' + out.rows + '\r\n');
out.on('resize', () => out.write('size ' + out.columns + 'x' + out.rows + '\r\n'));
`;

async function startFixture(): Promise<Session> {
	return startDockpit({command: [process.execPath, '--input-type=module', '-e', fixture], cols: 80, rows: 24});
}

describe('pty harness', () => {
	let session: Session;
	after(async () => session?.close());

	it('shows what the program draws, on the alternate screen', async () => {
		session = await startFixture();
		const screen = await session.waitForText('harness ready 80x24');
		assert.equal(screen.split('\n').length, 24);
		assert.ok(isAlternateScreen(session));
		assert.ok(isCursorHidden(session));
	});

	it('sends named keys as terminal sequences, one read each', async () => {
		await session.press('j', 'up', 'escape', 'k', 'enter', 'ctrl+c', 'pagedown');
		await session.type('hello');
		const screen = await session.waitForText('key "hello"');
		const keys = screen.split('\n').filter((line) => line.startsWith('key '));
		assert.deepEqual(keys, [
			'key "j"',
			String.raw`key "\u001b[A"`,
			String.raw`key "\u001b"`,
			'key "k"',
			String.raw`key "\r"`,
			String.raw`key "\u0003"`,
			String.raw`key "\u001b[6~"`,
			'key "hello"',
		]);
	});

	it('resizes the pty and the screen together', async () => {
		session.resize(60, 20);
		const screen = await session.waitForText('size 60x20');
		assert.equal(screen.split('\n').length, 20);
	});

	it('reports the last screen when a wait times out', async () => {
		await assert.rejects(session.waitForText('never shown', {timeout: 150}), (error: Error) => {
			assert.match(error.message, /timed out after 150 ms waiting for text "never shown"/);
			assert.match(error.message, /harness ready 80x24/);
			return true;
		});
	});

	it('reports the exit code and leaves the terminal restored', async () => {
		await session.press('q');
		assert.equal((await session.exited).exitCode, 3);
		assert.ok(!isAlternateScreen(session));
		assert.ok(!isCursorHidden(session));
		await assert.rejects(session.waitForText('never shown'), /the program exited \(code 3\) before showing/);
	});
});

describe('waitFor', () => {
	it('names what it waited for and the last value', async () => {
		let probes = 0;
		await assert.rejects(
			waitFor(() => (++probes > 1000 ? 'late' : false), {timeout: 100, interval: 10, what: 'the impossible'}),
			/timed out after 100 ms waiting for the impossible; last value: false/,
		);
		assert.equal(await waitFor(() => (++probes > 2 ? 'soon' : undefined), {what: 'a third probe'}), 'soon');
	});
});

engineSuite('engine helpers', () => {
	it('creates a running container carrying the run label', async () => {
		const {name} = await createContainer({name: uniqueName('harness')});
		const state = await containerState(name);
		assert.ok(state.exists);
		assert.equal(state.name, name);
		assert.equal(state.state.Status, 'running');
		assert.equal(state.labels[RUN_LABEL.key], RUN_LABEL.value);

		const scoped = await docker.listContainers({all: true, filters: {label: [SCOPE_FILTER.replace(/^label=/, '')]}});
		assert.deepEqual(
			scoped.map((container) => container.Names[0]),
			[`/${name}`],
		);
	});

	it('runs the given command', async () => {
		const {id} = await createContainer({cmd: ['sh', '-c', 'exit 7']});
		const exited = await waitFor(
			async () => {
				const state = await containerState(id);
				return state.exists && state.state.Status === 'exited' && state.state;
			},
			{what: 'the container to exit'},
		);
		assert.equal(exited.ExitCode, 7);
	});

	it('cleanupRun removes this run’s containers and no others', async () => {
		const mine = await createContainer({start: false});
		const other = await docker.createContainer({
			name: uniqueName('other-run'),
			Image: TEST_IMAGE,
			Labels: {[RUN_LABEL.key]: `not-${RUN_LABEL.value}`},
		});
		try {
			await Promise.all([cleanupRun(), cleanupRun()]);
			await cleanupRun();
			assert.deepEqual(await containerState(mine.id), {exists: false});
			assert.ok((await containerState(other.id)).exists);
		} finally {
			await other.remove({force: true});
		}
	});
});
