// Issue 14, items 1–6 and 12, end to end: the built CLI in a real pty against the real engine. Each test
// does what the user did, reads the screen, and where the engine is involved checks what it holds.
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {contextId} from '../../source/docker/connect/endpoint.js';
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
import {startDockpit, type Session} from '../helpers/pty.js';
import {selectedName} from '../helpers/dashboard.js';

/** The screen line of the row whose name cell is `name` (mark gutter, selection marker, name). */
const rowLine = (screen: string, name: string): string =>
	screen.split('\n').find((line) => new RegExp(`^.[▶> ] ${name} `).test(line)) ?? '';

/** Shows only rows whose name contains `text`, and waits until the filter is applied. */
async function filterTo(session: Session, text: string, names: readonly string[]): Promise<string> {
	await session.press('/', 'ctrl+u');
	await session.type(text);
	await session.press('enter');
	return session.waitForScreen((s) => s.includes(`filter: ${text}`) && names.every((name) => rowLine(s, name) !== ''), {
		what: `the rows of ${names.join(', ')}`,
	});
}

/** Clears the filter, then the marks (Esc does one, then the other), whatever an earlier test left. */
async function clearFilterAndMarks(session: Session): Promise<void> {
	for (let presses = 0; presses < 3; presses++) {
		const screen = session.screen();
		if (!screen.includes('filter:') && !/\d+ marked/.test(screen)) return;
		await session.press('escape');
		await session.waitForScreen((s) => s !== screen, {what: 'Esc to clear the filter or the marks'});
	}
}

/** Moves the open details panel to `tab`. */
async function showTabOf(session: Session, tab: string): Promise<string> {
	let screen = await session.waitForText(/\[(Inspect|Env|Ports|Mounts|Top|Stats|Diff)\]/);
	for (let presses = 0; !screen.includes(`[${tab}]`); presses++) {
		assert.ok(presses < 7, `no ${tab} tab after a full turn`);
		const before = /\[(\w+)\]/.exec(screen)?.[1];
		await session.press('tab');
		screen = await session.waitForScreen((s) => /\[(\w+)\]/.exec(s)?.[1] !== before, {what: 'the next tab'});
	}

	return screen;
}

/** The name in a row line. */
const nameOf = (line: string): string => /^.[▶> ] (\S+)/.exec(line)?.[1] ?? '';

engineSuite('issue 14, items 1–6 and 12 (pola)', () => {
	const marks = ['pola-mk-a', 'pola-mk-b', 'pola-mk-c'].map((prefix) => uniqueName(prefix));
	const stopped = ['pola-up-a', 'pola-up-b', 'pola-up-c'].map((prefix) => uniqueName(prefix));
	const focus = uniqueName('pola-fx');
	const secret = uniqueName('pola-sec');
	/** The exact values. */
	const secrets = {DB_PASSWORD: 'hunter2', API_TOKEN: 'abc123', MY_DSN: 'postgres://u:p@h/db'};
	let session: Session;

	before(async () => {
		await Promise.all([...marks, focus].map(async (name) => createContainer({name})));
		await Promise.all(stopped.map(async (name) => createContainer({name, start: false})));
		await createContainer({name: secret, env: secrets});
		session = await startDockpit({args: ['--filter', SCOPE_FILTER], cols: 120, rows: 36});
		await session.waitForText(stopped[2]!, {timeout: 20_000});
	});
	after(async () => session?.close());

	it('item 1: marked rows carry a ● in their gutter, unmarked rows none', async () => {
		await clearFilterAndMarks(session);
		await filterTo(session, 'pola-mk-', marks);
		await session.press('g', 'space');
		const screen = await session.waitForText('1 marked');
		const first = nameOf(screen.split('\n').find((line) => line.startsWith('●')) ?? '');
		assert.ok(marks.includes(first), `the marked row is one of the three:\n${screen}`);
		await session.press('down', 'down', 'space');
		const two = await session.waitForText('2 marked');
		const markedRows = two.split('\n').filter((line) => line.startsWith('●'));
		assert.equal(markedRows.length, 2, `two rows start with the mark:\n${two}`);
		assert.ok(
			markedRows.some((line) => nameOf(line) === first),
			'the first marked row is still marked',
		);
		assert.ok(
			markedRows.some((line) => line.startsWith('●▶ ')),
			'the selected row shows both the mark and the selection',
		);
		const unmarked = marks.filter((name) => !markedRows.some((line) => line.includes(` ${name} `)));
		assert.equal(unmarked.length, 1);
		assert.match(rowLine(two, unmarked[0]!), /^ {3}/, 'an unmarked row has a blank gutter');
		await clearFilterAndMarks(session);
	});

	it('item 1: under --ascii the mark is drawn as *', async () => {
		const ascii = await startDockpit({args: ['--filter', SCOPE_FILTER, '--ascii'], cols: 120, rows: 30});
		try {
			await ascii.waitForText(stopped[2]!, {timeout: 20_000});
			await filterTo(ascii, 'pola-mk-', marks);
			await ascii.press('g', 'space');
			const screen = await ascii.waitForText('1 marked');
			const row = screen.split('\n').find((line) => line.startsWith('*> ')) ?? '';
			assert.ok(
				marks.some((name) => row.includes(` ${name} `)),
				`the marked, selected row starts with "*> ":\n${screen}`,
			);
			assert.ok(!screen.includes('●'), 'nothing but ASCII');
		} finally {
			await ascii.close();
		}
	});

	it('item 4: u with marks starts every marked container, after a confirmation listing them', async () => {
		const [a, b, c] = stopped as [string, string, string];
		await clearFilterAndMarks(session);
		await filterTo(session, 'pola-up-', stopped);
		// Mark a and c, then leave the selection on b: u must act on the marks, not on the selected row.
		for (const name of [a, c]) {
			await filterTo(session, name, [name]);
			await session.press('space');
			await session.waitForScreen((s) => rowLine(s, name).startsWith('●'), {what: `${name} marked`});
		}

		await filterTo(session, b, [b]);
		const all = await filterTo(session, 'pola-up-', stopped);
		assert.equal(selectedName(all), b, 'the selection stays on b');
		assert.ok(rowLine(all, a).startsWith('●') && rowLine(all, c).startsWith('●') && rowLine(all, b).startsWith(' '));
		await session.press('u');
		const dialog = await session.waitForText('Start 2 marked containers?');
		assert.ok(dialog.includes(a) && dialog.includes(c), `both marked containers are listed:\n${dialog}`);
		await session.press('y');
		await waitFor(
			async () => {
				const [first, third] = await Promise.all([containerState(a), containerState(c)]);
				return first.exists && first.state.Running && third.exists && third.state.Running;
			},
			{what: 'both marked containers running', timeout: 20_000},
		);
		const middle = await containerState(b);
		assert.ok(middle.exists && !middle.state.Running, 'the selected, unmarked container was left stopped');
		await session.waitForText('Started 2 of 2', {timeout: 15_000});
		await session.press('enter');
		await session.waitForScreen((s) => !s.includes('Start 2 marked'), {what: 'the result closed'});
		await clearFilterAndMarks(session);
	});

	it('item 12: the details panel follows the selection when the filter hides its container, and keeps its tab', async () => {
		const [a, b] = marks as [string, string, string];
		await clearFilterAndMarks(session);
		await filterTo(session, a, [a]);
		await session.press('i');
		await session.waitForText(/\[(Inspect|Env|Ports|Mounts|Top|Stats|Diff)\]/);
		// Ports, not Env: on Env (and Inspect, Top, Diff) `/` now searches the panel's text (issue 16), while on
		// the table tabs it still filters the list.
		await session.press('tab', 'tab');
		const ports = await session.waitForText('[Ports]');
		assert.match(ports, new RegExp(`│ ${a} · .*\\[Ports\\]`), 'the panel shows a on Ports');
		// With the panel open, the filter now shows only b: the panel moves to b, on Ports.
		await filterTo(session, b, [b]);
		const moved = await session.waitForScreen((s) => new RegExp(`│ ${b} · .*\\[Ports\\]`).test(s), {
			what: 'the panel on b, Ports tab',
		});
		assert.ok(!moved.includes(a), `nothing of a is left on screen:\n${moved}`);
		await session.press('escape');
		await session.waitForScreen((s) => !s.includes('[Ports]'), {what: 'the panel closed'});
		await clearFilterAndMarks(session);
	});

	it('item 2: with the logs on screen but the list focused, s asks instead of stopping; s again stops', async () => {
		await clearFilterAndMarks(session);
		await filterTo(session, focus, [focus]);
		await session.press('l');
		await session.waitForText(`Logs: ${focus}`);
		await session.press('escape');
		const unfocused = await session.waitForText('l focuses the logs');
		assert.match(unfocused.trimEnd().split('\n').at(-1) ?? '', /\bs stop\b/, 'the footer offers the list’s keys');
		await session.press('s');
		const asked = await session.waitForText('press s again to stop');
		assert.match(asked, /in the logs pane it is "save"/);
		const still = await containerState(focus);
		assert.ok(still.exists && still.state.Running, 'the first s did not stop the container');
		await session.press('s');
		await waitFor(
			async () => {
				const now = await containerState(focus);
				return now.exists && !now.state.Running;
			},
			{what: `${focus} stopped by the second s`, timeout: 20_000},
		);
		await clearFilterAndMarks(session);
		await session.press('escape');
		await session.waitForScreen((s) => !s.includes(`Logs: ${focus}`), {what: 'the logs closed'});
	});

	it('item 5: switching to a context whose engine does not answer says so, and Enter goes back', async () => {
		// A port nothing listens on: the engine there refuses every connection.
		const port = await new Promise<number>((resolve, reject) => {
			const server = net.createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const {port} = server.address() as net.AddressInfo;
				server.close(() => resolve(port));
			});
		});
		const home = mkdtempSync(path.join(os.tmpdir(), 'pola-home-'));
		const meta = path.join(home, '.docker', 'contexts', 'meta', contextId('pola-dead'));
		mkdirSync(meta, {recursive: true});
		writeFileSync(
			path.join(meta, 'meta.json'),
			JSON.stringify({Name: 'pola-dead', Metadata: {}, Endpoints: {docker: {Host: `tcp://127.0.0.1:${port}`}}}),
		);
		const switcher = await startDockpit({
			args: ['--filter', SCOPE_FILTER],
			env: {HOME: home, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined},
			cols: 140,
			rows: 30,
		});
		try {
			await switcher.waitForText(marks[0]!, {timeout: 20_000});
			await switcher.press('c');
			await switcher.waitForText('Docker contexts');
			await switcher.press('j', 'enter');
			const failed = await switcher.waitForText('does not answer', {timeout: 30_000});
			assert.ok(!failed.includes('Now on context pola-dead'), `no success claimed:\n${failed}`);
			assert.match(failed, /The engine of context pola-dead \(tcp:\/\/127\.0\.0\.1:\d+\) does not answer/);
			assert.match(failed, /Enter: switch to default/, 'the way back is offered, highlighted');
			assert.match(failed, /▶ default /);
			await switcher.press('enter');
			const back = await switcher.waitForScreen((s) => s.includes('Now on context default') && s.includes(marks[0]!), {
				what: 'back on the local engine, its containers listed',
				timeout: 20_000,
			});
			assert.match(back.split('\n')[0] ?? '', /^dockpit unix:\/\/\/var\/run\/docker\.sock /);
		} finally {
			await switcher.close();
			rmSync(home, {recursive: true, force: true});
		}
	});

	it('item 6: X keeps the command’s output in a scrollable panel with the exit code, until closed', async () => {
		const runner = marks[2]!;
		await clearFilterAndMarks(session);
		await filterTo(session, runner, [runner]);
		await session.press('X');
		await session.waitForText(`Run in ${runner}:`);
		await session.type('ls -la /; echo done');
		await session.press('enter');
		const result = await session.waitForText(`${runner}: ls -la /; echo done — exited (code 0)`, {timeout: 20_000});
		assert.match(result, /^│ done\s+│$/m, `the output is on screen:\n${result}`);
		assert.match(result, /\bbin\b/, 'ls listed /bin');
		// It stays: a key that is not its own does nothing, Esc closes it.
		await session.press('j');
		assert.ok(session.screen().includes('— exited (code 0)'), 'still shown');
		await session.press('escape');
		await session.waitForScreen((s) => !s.includes('— exited (code 0)'), {what: 'the result closed'});
		// A long output scrolls, and a failing command shows its code.
		await session.press('X');
		await session.waitForText(`Run in ${runner}:`);
		await session.type('seq 1 200; exit 3');
		await session.press('enter');
		const long = await session.waitForText('— exited (code 3)', {timeout: 20_000});
		assert.match(long, /lines 1–\d+ of 200/);
		assert.ok(!/^│ 200\s+│$/m.test(long), 'the last line is below the panel at first');
		await session.press('G');
		await session.waitForScreen((s) => /^│ 200\s+│$/m.test(s), {what: 'scrolled to the last line'});
		await session.press('enter');
		await session.waitForScreen((s) => !s.includes('— exited (code 3)'), {what: 'the result closed'});
		await clearFilterAndMarks(session);
	});

	it('item 3: Env, the raw JSON and X’s output mask the issue’s secrets until v', async () => {
		const leaked = (screen: string) => ['hunter2', 'abc123', 'u:p@h'].filter((value) => screen.includes(value));
		await clearFilterAndMarks(session);
		await filterTo(session, secret, [secret]);
		await session.press('i');
		const env = await showTabOf(session, 'Env');
		assert.deepEqual(leaked(await session.waitForText('DB_PASSWORD=••••••••')), [], env);
		const masked = session.screen();
		assert.ok(masked.includes('API_TOKEN=••••••••') && masked.includes('MY_DSN=••••••••'), masked);
		await session.press('left');
		await session.waitForText('[Inspect]');
		await session.press('J');
		let screen = await session.waitForText('"Id":');
		for (let pages = 0; !screen.includes('"DB_PASSWORD='); pages++) {
			assert.ok(pages < 30, 'the Env array is somewhere in the raw JSON');
			const before = screen;
			await session.press('pagedown');
			screen = await session.waitForScreen((s) => s !== before, {what: 'the raw JSON to scroll'});
		}

		assert.ok(screen.includes('"DB_PASSWORD=••••••••"') && screen.includes('"API_TOKEN=••••••••"'), screen);
		assert.ok(screen.includes('"MY_DSN=••••••••"'), screen);
		assert.deepEqual(leaked(screen), [], 'no secret in the raw JSON');
		await session.press('v');
		await session.waitForText('"DB_PASSWORD=hunter2"');
		await session.press('v', 'J', 'escape');
		await session.waitForScreen((s) => !s.includes('[Inspect]'), {what: 'the panel closed'});
		// What a command prints is masked the same way in X's result panel.
		await session.press('X');
		await session.waitForText(`Run in ${secret}:`);
		await session.type('env | sort; echo url=postgres://u:p@h/db');
		await session.press('enter');
		const output = await session.waitForText('— exited (code 0)', {timeout: 20_000});
		assert.ok(output.includes('DB_PASSWORD=••••••••') && output.includes('API_TOKEN=••••••••'), output);
		assert.ok(output.includes('url=postgres://u:••••••••@h/db'), output);
		assert.deepEqual(leaked(output), [], 'no secret in the output');
		await session.press('v');
		await session.waitForText('DB_PASSWORD=hunter2');
		await session.press('escape');
		await session.waitForScreen((s) => !s.includes('— exited (code 0)'), {what: 'the result closed'});
		await clearFilterAndMarks(session);
	});
});
