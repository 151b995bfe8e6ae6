// Exec and attach end to end: the built CLI in a real pty hands the terminal to a process in a real
// container and takes it back. Each test types into the process, reads the screen, then checks the engine.
import assert from 'node:assert/strict';
import {
	after,
	before,
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
import {isAlternateScreen, startDockpit, type Session} from '../helpers/pty.js';
import {selectContainer, selectedName} from '../helpers/dashboard.js';

/** Busybox sh's prompt at the start of a line. */
const prompt = /^\/ # /m;

/** Where each session's output stood when the last line was typed into a shell. */
const typedAt = new WeakMap<Session, number>();

/**
 * Waits for a shell prompt printed since the last line was typed. Busybox then asks the terminal where
 * the cursor is (CSI 6n) unless input is already waiting; keys typed just before that question would
 * meet its answer in the middle of them, so give the question a moment to come if it is going to.
 */
async function shellReady(session: Session): Promise<void> {
	const since = typedAt.get(session) ?? 0;
	const after = () => session.raw().slice(since);
	await waitFor(() => after().includes('/ # '), {what: 'a shell prompt'});
	const asked = () => {
		const raw = after();
		return raw.indexOf('\u001B[6n', raw.lastIndexOf('/ # ')) >= 0;
	};

	await waitFor(asked, {what: 'the shell’s cursor-position question', timeout: 1500}).catch(() => {
		// It did not ask: nothing will answer in the middle of the next line.
	});
}

/** Types a line into the shell once it is ready for one. */
async function typeLine(session: Session, line: string): Promise<void> {
	await shellReady(session);
	typedAt.set(session, session.raw().length);
	await session.type(`${line}\r`);
}

engineSuite('exec and attach', () => {
	let session: Session;
	const shell = uniqueName('shell');
	const stopped = uniqueName('stopped');
	const attached = uniqueName('attached');

	before(async () => {
		await createContainer({name: shell});
		await createContainer({name: stopped, start: false});
		// A main process with a TTY and an open stdin, which Ctrl-C would end (its trap exits with 3).
		const container = await docker.createContainer({
			name: attached,
			Image: TEST_IMAGE,
			Cmd: ['sh', '-c', "trap 'exit 3' INT; i=0; while :; do i=$((i+1)); echo tick $i; sleep 1; done"],
			Tty: true,
			OpenStdin: true,
			Labels: {[RUN_LABEL.key]: RUN_LABEL.value},
			StopTimeout: 1,
		});
		await container.start();
		session = await startDockpit({args: ['--filter', SCOPE_FILTER], cols: 100, rows: 30});
		await session.waitForText(stopped);
	});
	after(async () => session?.close());

	it('opens a shell, runs a command in it, and brings the dashboard back with the exit code', async () => {
		await selectContainer(session, shell);
		await session.press('x');
		await session.waitForText(`a shell in ${shell}`);
		await shellReady(session);
		assert.ok(!isAlternateScreen(session), 'the shell runs on the normal screen');
		await typeLine(session, 'echo $((6*7))');
		await session.waitForText(/^42\s*$/m);
		await typeLine(session, 'exit');
		const screen = await session.waitForText('exec exited (code 0)');
		assert.ok(isAlternateScreen(session), 'the dashboard is back on the alternate screen');
		assert.equal(selectedName(screen), shell, 'the selection is where it was');
		assert.match(screen, new RegExp(`filter: ${shell}`), 'the filter is still applied');
		// The dashboard reads keys again: the help overlay opens and closes.
		await session.press('?');
		await session.waitForText('? or Esc closes');
		await session.press('escape');
		await session.waitForScreen((s) => !s.includes('? or Esc closes'), {what: 'help closed'});
		const after = await containerState(shell);
		assert.ok(after.exists && after.state.Running, 'the container still runs');
	});

	it('forwards a resize to the shell mid-session', async () => {
		await session.press('x');
		await typeLine(session, 'stty size');
		await session.waitForText(/^30 100\s*$/m);
		session.resize(90, 26);
		// The resize reaches the exec's TTY asynchronously (SIGWINCH, then a request to the engine), as
		// with docker's own CLI: ask again until it has landed, a few times at most.
		for (let attempt = 1; ; attempt++) {
			await typeLine(session, 'clear; stty size');
			try {
				await session.waitForText(/^26 90\s*$/m, {timeout: 2000});
				break;
			} catch (error) {
				if (attempt === 5) throw error;
			}
		}

		await typeLine(session, 'exit 3');
		await session.waitForText('exec exited (code 3)');
		session.resize(100, 30);
	});

	it('sends Ctrl-C to the program in the shell, and runs full-screen programs', async () => {
		await session.press('x');
		await typeLine(session, 'sleep 300; echo slept');
		// Only once the sleep runs: a Ctrl-C before the shell has started it reaches the shell alone (seen under load).
		await waitFor(
			async () =>
				((await docker.getContainer(shell).top()).Processes as string[][] | undefined)?.some((row) =>
					row.join(' ').includes('sleep 300'),
				),
			{what: 'the sleep to run'},
		);
		await session.press('ctrl+c');
		// The prompt is back at once, without "slept": Ctrl-C stopped sleep, not the shell or dockpit.
		await shellReady(session);
		assert.doesNotMatch(session.screen(), /^slept\s*$/m);
		await typeLine(session, 'top');
		await session.waitForText(/PID\s+PPID\s+USER/);
		await session.press('q');
		await typeLine(session, 'exit');
		await session.waitForText('exec exited (code 0)');
	});

	it('runs a typed command and reports its exit code', async () => {
		await session.press('X');
		await session.waitForText(`Run in ${shell}:`);
		await session.type('test -d /proc; exit 5');
		await session.press('enter');
		await session.waitForText('exec exited (code 5)');
		// Its result panel (issue 14, item 6) stays until closed.
		await session.waitForText('test -d /proc; exit 5 — exited (code 5)');
		await session.press('escape');
		await session.waitForScreen((screen) => !screen.includes('— exited (code 5)'), {what: 'the result panel closed'});
	});

	it('refuses exec and attach on a stopped container, saying why', async () => {
		await selectContainer(session, stopped);
		await session.press('x');
		await session.waitForText(`${stopped} is not running: exec needs a running container`);
		await session.press('A');
		await session.waitForText(`${stopped} is not running: attach needs a running container`);
	});

	it('ends the shell cleanly when the container stops under it', async () => {
		const doomed = uniqueName('doomed');
		const {container} = await createContainer({name: doomed});
		await selectContainer(session, doomed);
		await session.press('x');
		await shellReady(session);
		await container.kill();
		const screen = await session.waitForText(`exec ended: ${doomed} stopped`);
		assert.ok(isAlternateScreen(session));
		assert.match(screen, /exited\s+Exited \(137\)/);
	});

	it('attaches to the main process with a TTY, detaches leaving it running, and passes Ctrl-C to it', async () => {
		await selectContainer(session, attached);
		await session.press('A');
		await session.waitForText('detach with Ctrl-P Ctrl-Q');
		await session.waitForText(/tick \d+/);
		await session.press('ctrl+p', 'ctrl+q');
		await session.waitForText(`Detached from ${attached}; it is still running`);
		assert.ok(isAlternateScreen(session));
		let state = await containerState(attached);
		assert.ok(state.exists && state.state.Running, 'the container still runs after the detach');
		// With a TTY, Ctrl-C is the interrupt key of the terminal in the container, as with `docker attach`:
		// the process's INT trap runs (issue 14, item 8).
		await session.press('A');
		await session.waitForText(/tick \d+/);
		await session.press('ctrl+c');
		await session.waitForText(`attach ended: ${attached} stopped (code 3)`);
		state = await containerState(attached);
		assert.ok(state.exists && !state.state.Running && state.state.ExitCode === 3, 'the trap ended it');
	});

	it('attaches to a main process without a TTY or stdin, holds back Ctrl-C, and detaches from it too', async () => {
		const plain = uniqueName('plain');
		await createContainer({name: plain, cmd: ['sh', '-c', 'i=0; while :; do i=$((i+1)); echo plain tick $i; sleep 1; done']});
		await selectContainer(session, plain);
		await session.press('A');
		await session.waitForText(/plain tick \d+/);
		await session.press('ctrl+c');
		await session.waitForText('Ctrl-C is not sent without a TTY');
		await session.press('ctrl+p', 'ctrl+q');
		await session.waitForText(`Detached from ${plain}; it is still running`);
		const state = await containerState(plain);
		assert.ok(state.exists && state.state.Running);
	});

	it('gives the terminal back on SIGTERM in the middle of a shell', async () => {
		const other = await startDockpit({args: ['--filter', SCOPE_FILTER], cols: 100, rows: 30});
		await other.waitForText(shell);
		await selectContainer(other, shell);
		await other.press('x');
		await other.waitForText(prompt);
		other.kill('SIGTERM');
		const {exitCode} = await other.exited;
		assert.equal(exitCode, 143);
		assert.ok(!isAlternateScreen(other));
		const running = await containerState(shell);
		assert.ok(running.exists && running.state.Running, 'the container is untouched');
	});
});
