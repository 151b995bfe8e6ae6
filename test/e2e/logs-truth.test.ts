// The logs pane against `docker logs` (issue 11): a dying container's last words, the engine's own order
// of stdout and stderr, nothing lost from a quiet container on a busy machine, and two containers
// interleaved in order. Each test reads what the engine holds through dockerode and compares line by line.
import assert from 'node:assert/strict';
import {existsSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {after, createContainer, it, engineSuite, SCOPE_FILTER, uniqueName, waitFor} from '../helpers/engine.js';
import {engineLines, fullTs, savedLines, type EngineLine} from '../helpers/engine-logs.js';
import {startDockpit, type Session} from '../helpers/pty.js';
import {startSocketProxy} from '../helpers/socket-proxy.js';

const sessions: Session[] = [];
after(async () => Promise.all(sessions.map(async (session) => session.close())));

async function start(filter: string, cols = 120, extra: readonly string[] = []): Promise<Session> {
	const session = await startDockpit({args: ['--filter', SCOPE_FILTER, '--filter', `name=${filter}`, ...extra], cols, rows: 40});
	sessions.push(session);
	return session;
}

/** dockpit showing only `name`, with its logs open, focused and zoomed. */
async function openLogs(name: string, extra: readonly string[] = []): Promise<Session> {
	const session = await start(name, 120, extra);
	await session.waitForText(`▶ ${name}`, {timeout: 30_000});
	await session.press('l');
	await session.waitForText(`Logs: ${name}`, {timeout: 30_000});
	await session.press('z');
	return session;
}

/** The text of each log row under the pane's title (the gutter cut off). */
const logRows = (screen: string): string[] => {
	const rows = screen.split('\n');
	const start = rows.findIndex((row) => row.startsWith('Logs: '));
	return start < 0
		? []
		: rows
				.slice(start + 1)
				.filter((row) => !/ q quit$/.test(row))
				.map((row) => row.slice(1).trimEnd())
				.filter((row) => row !== '');
};

/** Stops dockpit for a while, as a machine too loaded to give it any CPU would. */
async function starve(session: Session, ms: number): Promise<void> {
	process.kill(session.pid, 'SIGSTOP');
	await waitFor(() => /^State:\s+T/m.test(readFileSync(`/proc/${session.pid}/status`, 'utf8')), {what: 'dockpit stopped'});
	await delay(ms);
	process.kill(session.pid, 'SIGCONT');
}

/**
 * Checks a saved file against the engine's lines: every line in the engine's order, and each gap line
 * standing for exactly the engine lines missing there (or, if its count is not known, for some).
 * Returns how many gaps the file has.
 */
function assertSavedMatches(text: string, engine: readonly EngineLine[]): number {
	const key = (ts: string, line: string) => `${fullTs(ts)} ${line}`;
	const index = new Map(engine.map((line, at) => [key(line.ts, line.text), at]));
	let next: number | undefined;
	let gap: number | 'unknown' | undefined;
	let gaps = 0;
	for (const row of text.split('\n').filter((row) => row !== '')) {
		if (row.startsWith('# gap: ')) {
			gaps++;
			const exact = /^# gap: ([\d,]+) lines? skipped/.exec(row);
			gap = exact ? Number(exact[1]!.replaceAll(',', '')) : 'unknown';
			continue;
		}

		const space = row.indexOf(' ');
		const at = index.get(key(row.slice(0, space), row.slice(space + 1)));
		assert.ok(at !== undefined, `saved line not in the engine's log: ${row}`);
		if (next !== undefined) {
			const expected = gap === 'unknown' ? at : next + (gap ?? 0);
			assert.equal(at, expected, `after engine line ${next - 1}${gap === undefined ? '' : ` and a gap of ${gap}`}: ${row}`);
			assert.ok(gap !== 'unknown' || at >= next);
		}

		next = at + 1;
		gap = undefined;
	}

	return gaps;
}

/** Saves the pane's buffer with `s` and returns the file's text. */
async function save(session: Session, name: string): Promise<string> {
	const file = path.join(os.tmpdir(), `${name}-${Date.now()}.log`);
	await session.press('s');
	await session.waitForText('Save to: ');
	await session.press('ctrl+u');
	await session.type(file);
	await session.press('enter');
	// The file itself, not the status line: an earlier save's "Saved N lines" may still be on screen.
	await waitFor(() => existsSync(file) || undefined, {what: `${file} written`, timeout: 20_000, interval: 50});
	await session.waitForText(/Saved \d+ lines/, {timeout: 20_000});
	const text = readFileSync(file, 'utf8');
	rmSync(file);
	return text;
}

engineSuite('logs pane tells the whole truth', () => {
	it("shows a dying container's last words within seconds of its exit, as docker logs --tail does", async () => {
		const name = uniqueName('dying');
		const script =
			'sleep 3; i=0; while [ $i -lt 300000 ]; do i=$((i+1)); echo "work $i"; done; echo "FATAL: out of cheese"; exit 1';
		const {container, id} = await createContainer({name, cmd: ['sh', '-c', script]});
		const session = await openLogs(name);
		const finished = await waitFor(
			async () => {
				const {State} = await container.inspect();
				return !State.Running && State.FinishedAt.startsWith('2') ? Date.parse(State.FinishedAt) : undefined;
			},
			{what: `${name} exited`, timeout: 180_000, interval: 100},
		);
		const screen = await session.waitForText('FATAL: out of cheese', {timeout: 30_000});
		const late = Date.now() - finished;
		console.log(`# the last line showed ${late} ms after the exit`);
		assert.ok(late < 10_000, `the last line showed ${late} ms after the exit`);
		const rows = logRows(screen).slice(-8);
		const engine = await engineLines(id, {tail: rows.length});
		assert.deepEqual(
			rows,
			engine.map((line) => line.text),
		);
		// G after a pause shows the same end.
		await session.press('k', 'G');
		const again = await session.waitForText('following');
		assert.deepEqual(logRows(again).slice(-8), rows);
	});

	it('keeps the engine order of stdout and stderr lines written in the same moment', async () => {
		const name = uniqueName('order');
		const {id} = await createContainer({name, cmd: ['sh', '-c', 'echo OUT-1; echo ERR >&2; echo OUT-2; sleep 3600']});
		const session = await openLogs(name);
		const screen = await session.waitForScreen((s) => s.includes('OUT-2') && s.includes('ERR') && s.includes('OUT-1'), {
			what: 'all three lines',
			timeout: 30_000,
		});
		const engine = await engineLines(id);
		assert.deepEqual(
			logRows(screen).filter((row) => /^(OUT-\d|ERR)$/.test(row)),
			engine.map((line) => line.text),
		);
	});

	it('holds every line of a mixed stdout/stderr burst in the engine order', async () => {
		const name = uniqueName('mixed');
		const script =
			'i=0; while [ $i -lt 300 ]; do i=$((i+1)); echo "out $i"; [ $((i % 60)) -eq 0 ] && echo "err $i" >&2; done; echo ERR-LAST >&2; sleep 3600';
		const {id} = await createContainer({name, cmd: ['sh', '-c', script]});
		const session = await openLogs(name);
		// The engine may well hold the stderr lines before the stdout ones: its order is the one to show.
		await session.waitForText('out 300', {timeout: 30_000});
		const saved = savedLines(await save(session, name), false);
		const engine = await engineLines(id);
		assert.deepEqual(
			saved.map((line) => `${line.stream} ${line.text}`),
			engine.map((line) => `${line.stream} ${line.text}`),
		);
		assert.deepEqual(
			saved.map((line) => fullTs(line.ts)),
			engine.map((line) => fullTs(line.ts)),
		);
	});

	it('loses nothing from a slow writer while CPU hogs run beside it', async () => {
		const name = uniqueName('slow');
		await createContainer({name: uniqueName('hog'), cmd: ['sh', '-c', 'while :; do :; done']});
		await createContainer({name: uniqueName('hog'), cmd: ['sh', '-c', 'while :; do :; done']});
		const {id} = await createContainer({
			name,
			cmd: ['sh', '-c', 'i=0; while :; do i=$((i+1)); echo "INFO line $i ok"; sleep 1; done'],
		});
		const session = await openLogs(name);
		await session.waitForText('INFO line 3 ok', {timeout: 30_000});
		// A machine so loaded that dockpit gets no CPU for seconds at a time: a line waits unread meanwhile.
		for (const line of [6, 12]) {
			await session.waitForText(`INFO line ${line} ok`, {timeout: 30_000});
			await starve(session, 2500);
		}

		const screen = await session.waitForText('INFO line 22 ok', {timeout: 90_000});
		assert.doesNotMatch(screen, /skipped/);
		const saved = savedLines(await save(session, name), false);
		const engine = await engineLines(id);
		assert.ok(saved.length >= 22, `only ${saved.length} lines saved`);
		assert.deepEqual(
			saved.map((line) => line.text),
			engine.slice(0, saved.length).map((line) => line.text),
		);
	});

	it('shows two interleaved containers each in its own order, every line held', async () => {
		const token = uniqueName('pair');
		const writer = (tag: string) => `i=0; while [ $i -lt 3000 ]; do i=$((i+1)); echo "${tag} $i"; done; sleep 3600`;
		// Created stopped, so the pane is open before either writes: every line must reach it live.
		const a = await createContainer({name: `${token}-a`, cmd: ['sh', '-c', writer('A')], start: false});
		const b = await createContainer({name: `${token}-b`, cmd: ['sh', '-c', writer('B')], start: false});
		const session = await start(token, 200);
		await session.waitForText(`▶ ${a.name}`, {timeout: 30_000});
		await session.press('space', 'down', 'space', 'l');
		await session.waitForText(/Logs: .*-a, .*-b|Logs: .*-b, .*-a/, {timeout: 30_000});
		await session.press('z');
		await session.waitForScreen((s) => s.split('stopped — reattaches when it starts').length === 3, {
			what: 'both streams waiting',
			timeout: 30_000,
		});
		await Promise.all([a.container.start(), b.container.start()]);
		await session.waitForScreen((s) => s.includes('A 3000') || s.includes('B 3000'), {what: 'a last line', timeout: 60_000});
		const saved = await waitFor(
			async () => {
				const lines = savedLines(await save(session, token), true);
				return lines.filter((line) => line.text === 'A 3000' || line.text === 'B 3000').length === 2 ? lines : undefined;
			},
			{what: 'both last lines saved', timeout: 60_000, interval: 500},
		);
		for (const [tag, {id, name}] of [
			['A', a],
			['B', b],
		] as const) {
			const mine = saved.filter((line) => line.name === name);
			const engine = await engineLines(id);
			assert.deepEqual(
				mine.map((line) => line.text),
				engine.map((line) => line.text),
				`${tag}'s lines`,
			);
		}

		// Across the two containers the merge is by timestamp within a bounded hold (250 ms, README): when one
		// stream reopens later than that (each reattaches on its own container's start), a few lines can land
		// before older ones of the other. Reported, not asserted; the merge itself is unit tested.
		const times = saved.map((line) => fullTs(line.ts));
		const outOfOrder = times.filter((ts, index) => index > 0 && ts < times[index - 1]!).length;
		console.log(`# ${outOfOrder} of ${times.length} merged lines came before an older line of the other container`);
	});

	it('leaves a gap row where a flood was passed over, and F fills it from the engine', async () => {
		const name = uniqueName('flood-gap');
		const script =
			'while [ ! -e /go ]; do sleep 1; done; i=0; while [ $i -lt 300000 ]; do i=$((i+1)); echo "flood $i"; done; echo "END $i"; sleep 3600';
		const {container, id} = await createContainer({name, cmd: ['sh', '-c', script]});
		const session = await openLogs(name, ['--log-lines', '20000']);
		await session.waitForText('following', {timeout: 30_000});
		const exec = await container.exec({Cmd: ['touch', '/go']});
		await exec.start({Detach: true});
		await session.waitForText(/ flood \d+/, {timeout: 30_000});
		// Starved through the whole flood, the stream trails for real once it runs again: it jumps ahead,
		// leaving a gap row above the last lines.
		process.kill(session.pid, 'SIGSTOP');
		await waitFor(async () => (await engineLines(id, {tail: 1})).at(-1)?.text.startsWith('END'), {
			what: 'the flood over',
			timeout: 120_000,
			interval: 500,
		});
		process.kill(session.pid, 'SIGCONT');
		await session.waitForText(/ END \d+/, {timeout: 60_000});
		await session.waitForText(/\d+ gaps? \(F fetches\)/, {timeout: 30_000});
		const engine = await engineLines(id);
		const before = await save(session, name);
		assert.ok(assertSavedMatches(before, engine) > 0, 'the saved file names the missing range');
		const pressed = Date.now();
		await session.press('F');
		const fetched = await session.waitForText(/Fetched \d+ lines into the gap/, {timeout: 180_000});
		console.log(`# F filled the gap in ${Date.now() - pressed} ms`);
		const count = Number(/Fetched (\d+) lines/.exec(fetched)![1]);
		assert.ok(count > 0, 'lines were fetched');
		const after = await save(session, name);
		assertSavedMatches(after, engine);
		// The buffer was full: the fetched lines took the place of older ones, and the newest gap shrank.
		const sinceLastGap = (text: string) => text.split('\n# gap: ').at(-1)!.split('\n').length;
		assert.ok(sinceLastGap(after) > sinceLastGap(before) + 1000, 'the lines below the newest gap are many more');
		assert.match(after, /^# gap: [\d,]+ lines? skipped/m, 'what is still missing is counted exactly');
	});

	it('resumes after the last line shown when the engine comes back, losing nothing and calling nothing skipped', async () => {
		const proxy = await startSocketProxy();
		after(async () => proxy.close());
		const name = uniqueName('away');
		const {id} = await createContainer({
			name,
			cmd: ['sh', '-c', 'i=0; while :; do i=$((i+1)); echo "INFO line $i ok"; sleep 1; done'],
		});
		const session = await startDockpit({
			args: ['--filter', SCOPE_FILTER, '--filter', `name=${name}`],
			env: {DOCKER_HOST: `unix://${proxy.socketPath}`},
			cols: 120,
			rows: 40,
		});
		sessions.push(session);
		await session.waitForText(`▶ ${name}`, {timeout: 30_000});
		await session.press('l', 'z');
		await session.waitForText('INFO line 3 ok', {timeout: 30_000});
		await proxy.cut();
		await session.waitForText('Disconnected from', {timeout: 30_000});
		const cutAt = (await engineLines(id)).length;
		await waitFor(async () => (await engineLines(id)).length >= cutAt + 5, {what: 'lines written while away', timeout: 30_000});
		await proxy.restore();
		const last = (await engineLines(id)).length + 2;
		const screen = await session.waitForText(`INFO line ${last} ok`, {timeout: 60_000});
		assert.doesNotMatch(screen, /skipped|gap/);
		const saved = savedLines(await save(session, name), false);
		const engine = await engineLines(id);
		assert.deepEqual(
			saved.map((line) => line.text),
			engine.slice(0, saved.length).map((line) => line.text),
		);
	});
});
