// The logs pane end to end: the built CLI in a real pty against the real engine. Each test starts
// dockpit scoped to one labelled container, opens its logs, and reads what the screen shows.
import assert from 'node:assert/strict';
import {readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe} from 'node:test';
import {
	after,
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
import {startDockpit, type Session} from '../helpers/pty.js';

const sessions: Session[] = [];
after(async () => Promise.all(sessions.map(async (session) => session.close())));

/** dockpit showing only `name`, with its logs open and focused. */
async function openLogs(name: string, extra: readonly string[] = []): Promise<Session> {
	const session = await startDockpit({
		args: ['--filter', SCOPE_FILTER, '--filter', `name=${name}`, ...extra],
		cols: 110,
		rows: 32,
	});
	sessions.push(session);
	await session.waitForText(`▶ ${name}`, {timeout: 20_000});
	await session.press('l');
	await session.waitForText(`Logs: ${name}`, {timeout: 20_000});
	return session;
}

const logRows = (screen: string) => {
	const rows = screen.split('\n');
	const start = rows.findIndex((row) => row.startsWith('Logs: '));
	return start < 0 ? [] : rows.slice(start + 1);
};

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

engineSuite('logs pane', () => {
	it('shows known lines in order, with stderr marked, and saves them to a file', async () => {
		const name = uniqueName('known');
		await createContainer({
			name,
			cmd: ['sh', '-c', 'for i in 1 2 3 4 5 6; do echo "known-$i"; done; sleep 1; echo "oops-err" >&2; sleep 3600'],
		});
		const session = await openLogs(name);
		const screen = await session.waitForText('oops-err');
		const rows = logRows(screen);
		const known = rows.filter((row) => row.includes('known-'));
		assert.deepEqual(
			known.map((row) => row.trim()),
			['known-1', 'known-2', 'known-3', 'known-4', 'known-5', 'known-6'],
		);
		assert.ok(
			known.every((row) => row.startsWith(' known-')),
			'stdout rows have a blank gutter',
		);
		assert.equal(
			rows.find((row) => row.includes('oops-err')),
			'▌oops-err',
			'stderr rows are marked',
		);
		assert.match(screen, /following/);

		// s saves the buffer: the prompt proposes ./<name>-<time>.log; save elsewhere instead.
		await session.press('s');
		await session.waitForText(`Save to: ./${name}-`);
		const file = path.join(os.tmpdir(), `${name}.log`);
		await session.press('ctrl+u');
		await session.type(file);
		await session.press('enter');
		await session.waitForText('Saved 7 lines');
		const saved = readFileSync(file, 'utf8').trimEnd().split('\n');
		rmSync(file);
		assert.deepEqual(
			saved.map((row) => row.replace(/^\S+Z /, '')),
			['known-1', 'known-2', 'known-3', 'known-4', 'known-5', 'known-6', '[stderr] oops-err'],
		);
	});

	it('reads a TTY container raw, without stray \\r or header bytes', async () => {
		const name = uniqueName('tty');
		await createContainer({name, tty: true, cmd: ['sh', '-c', 'echo tty-hello; echo "tty-second line"; sleep 3600']});
		const session = await openLogs(name);
		const screen = await session.waitForText('tty-second line');
		const rows = logRows(screen).filter((row) => row.includes('tty-'));
		assert.deepEqual(rows, [' tty-hello', ' tty-second line']);
	});

	it('searches with / and lands on the right line with n', async () => {
		const name = uniqueName('search');
		const script =
			'i=1; while [ $i -le 30 ]; do case $i in 5) echo "needle-A $i";; 15) echo "needle-B $i";; 25) echo "needle-C $i";; *) echo "hay $i";; esac; i=$((i+1)); done; sleep 3600';
		await createContainer({name, cmd: ['sh', '-c', script]});
		const session = await openLogs(name);
		await session.waitForText('hay 30');
		await session.press('/');
		await session.type('needle');
		await session.press('enter');
		let screen = await session.waitForText('/needle 3/3');
		assert.match(logRows(screen).find((row) => row.startsWith('▶')) ?? '', /needle-C 25/);
		await session.press('n');
		screen = await session.waitForText('/needle 1/3');
		assert.match(logRows(screen).find((row) => row.startsWith('▶')) ?? '', /needle-A 5/);
		await session.press('n');
		screen = await session.waitForText('/needle 2/3');
		assert.match(logRows(screen).find((row) => row.startsWith('▶')) ?? '', /needle-B 15/);
	});

	it('holds a 1 MB line capped, and searches over it leave dockpit alive and answering', async () => {
		const name = uniqueName('megaline');
		await createContainer({
			name,
			cmd: ['sh', '-c', String.raw`head -c 1048576 /dev/zero | tr "\0" x; echo; echo after-mega; sleep 3600`],
		});
		const session = await openLogs(name);
		await session.waitForText('after-mega', {timeout: 30_000});
		// The report: a plain search for "x" (a match per character), then the regex x+.
		await session.press('/');
		await session.type('x');
		await session.press('enter');
		await session.waitForText(/\/x 1\/1/, {timeout: 30_000});
		await session.press('x');
		await session.waitForText('re/x 1/1', {timeout: 30_000});
		await session.press('/');
		await session.press('ctrl+u');
		await session.type('x+');
		await session.press('enter');
		const screen = await session.waitForText('re/x+ 1/1', {timeout: 30_000});
		assert.match(logRows(screen)[0] ?? '', /^▶x{100}/, 'the long line is the match');
		await session.press('?');
		await session.waitForText('? or Esc closes', {timeout: 30_000});
		assert.ok(rssMb(session.pid) < 250, `dockpit's memory reached ${rssMb(session.pid).toFixed(0)} MB`);
	});

	it('reattaches when the container restarts', async () => {
		const name = uniqueName('restart');
		const {container} = await createContainer({
			name,
			cmd: ['sh', '-c', 'echo "boot $(cat /proc/sys/kernel/random/uuid)"; sleep 3600'],
		});
		const session = await openLogs(name);
		await session.waitForText('boot ');
		const before = await container.inspect();
		// r is not a logs key, so it reaches the containers pane: restart the container being watched.
		await session.press('r');
		await waitFor(async () => (await container.inspect()).State.StartedAt !== before.State.StartedAt, {
			what: `${name} restarted`,
			timeout: 30_000,
		});
		const screen = await session.waitForScreen((s) => logRows(s).filter((row) => row.includes('boot ')).length === 2, {
			what: 'the boot line of the second run',
			timeout: 30_000,
		});
		const boots = logRows(screen).filter((row) => row.includes('boot '));
		assert.notEqual(boots[0], boots[1], 'two different runs, not the same line twice');
		assert.match(screen, /following/);
	});

	it('says the container was removed', async () => {
		const name = uniqueName('gone');
		const {container} = await createContainer({name, cmd: ['sh', '-c', 'echo "last words"; sleep 3600']});
		const session = await openLogs(name);
		await session.waitForText('last words');
		await container.remove({force: true});
		const screen = await session.waitForText('container removed');
		assert.match(screen, /last words/, 'what was read stays on screen');
		assert.deepEqual(await containerState(name), {exists: false});
	});

	it('stays responsive and bounded while a container floods its log', async () => {
		const name = uniqueName('flood');
		const created = await docker.createContainer({
			name,
			Image: TEST_IMAGE,
			Cmd: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "flood-line $i the quick brown fox jumps over the lazy dog"; done'],
			Labels: {[RUN_LABEL.key]: RUN_LABEL.value},
			StopTimeout: 1,
			// Keep the engine's own log file small: the flood would otherwise fill the disk.
			HostConfig: {LogConfig: {Type: 'json-file', Config: {'max-size': '20m', 'max-file': '1'}}},
		});
		await created.start();
		const session = await openLogs(name, ['--log-lines', '5000']);
		await session.waitForText('flood-line');
		const started = Date.now();
		let presses = 0;
		let worst = 0;
		let maxRss = 0;
		// Several seconds of flood, toggling timestamps all along: each press must show on screen promptly.
		while (Date.now() - started < 6000) {
			const shownAt = Date.now();
			await session.press('t');
			await session.waitForScreen((s) => /\d\d:\d\d:\d\d\.\d{3} flood-line/.test(s), {what: 'timestamps on', timeout: 3000});
			await session.press('t');
			await session.waitForScreen((s) => !/\d\d:\d\d:\d\d\.\d{3} flood-line/.test(s) && s.includes('flood-line'), {
				what: 'timestamps off',
				timeout: 3000,
			});
			worst = Math.max(worst, (Date.now() - shownAt) / 2);
			maxRss = Math.max(maxRss, rssMb(session.pid));
			presses += 2;
		}

		assert.ok(presses >= 6, `only ${presses} key presses were answered in 6 s`);
		assert.ok(maxRss < 150, `dockpit's memory reached ${maxRss.toFixed(0)} MB`);
		assert.ok(worst < 3000, `a key took ${worst} ms to show`);
		await created.remove({force: true});
	});
});

describe('logs pane e2e helpers', () => {
	it('find the rows under the pane title', () => {
		assert.deepEqual(logRows('list\nLogs: x · following\n a\n▌b'), [' a', '▌b']);
	});
});
