// The containers list's CPU % and MEM / LIMIT columns (issue 16) and small screens (issue 14, item 13), in a
// real terminal against the real engine.
import assert from 'node:assert/strict';
import {after, before, createContainer, it, engineSuite, SCOPE_FILTER, uniqueName} from '../helpers/engine.js';
import {startDockpit, type Session} from '../helpers/pty.js';
import {rowOf} from '../helpers/dashboard.js';

/** The CPU figure on a row ("12.3%"), or undefined while it shows "—" or nothing. */
const cpuOf = (screen: string, name: string): number | undefined => {
	const figure = /\s(\d+(?:\.\d)?)%\s/.exec(rowOf(screen, name));
	return figure ? Number(figure[1]) : undefined;
};

engineSuite('CPU and memory columns', () => {
	let session: Session;
	const busy = uniqueName('cols-busy');
	const idle = uniqueName('cols-idle');

	before(async () => {
		await createContainer({name: busy, cmd: ['sh', '-c', 'while :; do :; done']});
		await createContainer({name: idle});
		session = await startDockpit({args: ['--filter', SCOPE_FILTER], cols: 140, rows: 24});
		await session.waitForText(idle);
	});
	after(async () => session?.close());

	it('a busy loop shows CPU above 20 % and an idle container under 1 %, with its memory and limit', async () => {
		const screen = await session.waitForScreen(
			(s) => s.includes('CPU %') && (cpuOf(s, busy) ?? 0) > 20 && cpuOf(s, idle) !== undefined,
			{what: 'a CPU figure on both rows, the busy one above 20 %', timeout: 30_000},
		);
		assert.ok(cpuOf(screen, idle)! < 1, rowOf(screen, idle));
		assert.match(screen, /NAME\s+IMAGE\s+STATE\s+STATUS\s+CPU %\s+MEM \/ LIMIT\s+PORTS\s+CREATED/);
		assert.match(rowOf(screen, idle), /\d(\.\d+)?(B|KiB|MiB) \/ \d+(\.\d+)?(MiB|GiB|TiB)\s+\S+ ago\s*$/);
	});

	it('sorts by CPU, busiest first', async () => {
		// Each press moves the sort one step: wait for the sort's name to change, not for any change of the screen
		// (a stats batch redraws it too, and a press counted on one overshot CPU in CI).
		const sortOf = (s: string) => /sort: (\w+)/.exec(s)?.[1];
		let screen = session.screen();
		for (let presses = 0; sortOf(screen) !== 'cpu'; presses++) {
			assert.ok(presses < 6, 'no cpu sort after a full turn');
			const before = sortOf(screen);
			await session.press('o');
			screen = await session.waitForScreen((s) => sortOf(s) !== before, {what: 'the next sort'});
		}

		screen = await session.waitForScreen((s) => s.indexOf(` ${busy} `) >= 0 && s.indexOf(` ${idle} `) >= 0, {
			what: 'both rows',
		});
		assert.ok(screen.indexOf(` ${busy} `) < screen.indexOf(` ${idle} `), screen);
	});

	it('M hides the columns and shows them again', async () => {
		await session.press('M');
		let screen = await session.waitForScreen((s) => !s.includes('MEM / LIMIT') && !s.includes('CPU %'), {
			what: 'the columns hidden',
		});
		assert.equal(cpuOf(screen, busy), undefined, rowOf(screen, busy));
		await session.press('M');
		screen = await session.waitForScreen((s) => s.includes('MEM / LIMIT') && cpuOf(s, busy) !== undefined, {
			what: 'the columns back, with a figure',
			timeout: 15_000,
		});
		assert.ok(rowOf(screen, busy).includes(busy));
	});
});

engineSuite('small screens', () => {
	let session: Session;
	const long = uniqueName('cols-longer-name-web');
	const done = uniqueName('cols-done');

	before(async () => {
		await createContainer({name: long});
		await createContainer({name: done, cmd: ['true']});
		session = await startDockpit({args: ['--read-only', '--filter', SCOPE_FILTER], cols: 60, rows: 12});
		await session.waitForText(done);
	});
	after(async () => session?.close());

	const header = (screen: string) => screen.split('\n')[0] ?? '';

	it('60×12: the whole name, the state in the status column, the scope and READ-ONLY in the header', async () => {
		const screen = await session.waitForScreen((s) => rowOf(s, long) !== '' && /Up /.test(rowOf(s, long)), {
			what: `the whole of ${long} with its status`,
		});
		assert.match(rowOf(screen, done), /Exited \(0\)/);
		assert.ok(header(screen).includes(SCOPE_FILTER), header(screen));
		assert.match(header(screen), /READ-ONLY/);
	});

	for (const [cols, rows] of [
		[80, 24],
		[100, 30],
	] as const) {
		it(`${cols}×${rows}: the whole name, STATE and STATUS, the scope and READ-ONLY`, async () => {
			session.resize(cols, rows);
			const screen = await session.waitForScreen((s) => /STATE\s+STATUS/.test(s) && /running\s+Up /.test(rowOf(s, long)), {
				what: `the list at ${cols} columns`,
			});
			assert.match(rowOf(screen, done), /exited\s+Exited \(0\)/);
			assert.ok(header(screen).includes(SCOPE_FILTER), header(screen));
			assert.match(header(screen), /READ-ONLY/);
		});
	}
});
