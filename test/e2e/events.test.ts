// The events pane (issue 16) end to end: the built CLI in a real pty against the real engine. An outside
// `docker run --rm` (labelled so the scope keeps it) shows create, start, die with its exit code, and destroy,
// though they happened before the pane was opened; the filter and Enter work on them.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {
	after,
	before,
	createContainer,
	it,
	engineSuite,
	RUN_LABEL,
	SCOPE_FILTER,
	TEST_IMAGE,
	uniqueName,
} from '../helpers/engine.js';
import {startDockpit, type Session} from '../helpers/pty.js';
import {selectedName} from '../helpers/dashboard.js';

const run = promisify(execFile);

/** The event rows (they start with a time of day) that name `name`. */
const eventLines = (screen: string, name: string): string[] =>
	screen.split('\n').filter((line) => /^\W*\d\d:\d\d:\d\d /.test(line) && line.includes(` ${name} `));

engineSuite('events pane', () => {
	let session: Session;
	const job = uniqueName('view-job');
	const loose = uniqueName('view-loose');

	before(async () => {
		session = await startDockpit({args: ['--filter', SCOPE_FILTER], cols: 140, rows: 34});
		await session.waitForText('Containers');
	});
	after(async () => session?.close());

	it('shows create, start, die (exit code 3) and destroy of an outside docker run --rm, newest first', async () => {
		// Outside dockpit, before the pane is open: the events are read all along and kept.
		const label = `${RUN_LABEL.key}=${RUN_LABEL.value}`;
		const outside = await run('docker', ['run', '--rm', '--name', job, '--label', label, TEST_IMAGE, 'sh', '-c', 'exit 3']).catch(
			(error: {code?: number}) => error,
		);
		assert.equal((outside as {code?: number}).code, 3, 'docker run ends with the exit code of its command');
		await session.press('5');
		const screen = await session.waitForScreen((s) => eventLines(s, job).some((line) => /\bdestroy\b/.test(line)), {
			what: 'the destroy event of the job',
		});
		const actions = eventLines(screen, job).map((line) => /container\s+(\S+)\s/.exec(line)?.[1]);
		assert.deepEqual(
			actions.filter((action) => ['create', 'start', 'die', 'destroy'].includes(action ?? '')),
			['destroy', 'die', 'start', 'create'],
		);
		const die = eventLines(screen, job).find((line) => /\bdie\b/.test(line)) ?? '';
		assert.match(die, /exit code 3/);
		assert.match(die, /^\W*\d\d:\d\d:\d\d\s+container\s+die\s+/);
	});

	it('filters as you type, and Esc shows every event again', async () => {
		await session.press('/');
		await session.type(`${job} die`);
		await session.press('enter');
		const screen = await session.waitForScreen((s) => s.includes(`filter: ${job} die`) && eventLines(s, job).length === 1, {
			what: 'only the die event',
		});
		assert.match(eventLines(screen, job)[0]!, /die.*exit code 3/);
		await session.press('escape');
		await session.waitForScreen((s) => eventLines(s, job).length >= 4, {what: 'every event again'});
	});

	it('Enter on a container event shows that container selected in the containers pane', async () => {
		await createContainer({name: loose});
		await session.waitForScreen((s) => eventLines(s, loose).some((line) => /\bstart\b/.test(line)), {what: 'its start event'});
		await session.press('/');
		await session.type(`${loose} start`);
		await session.press('enter', 'enter');
		const screen = await session.waitForScreen((s) => selectedName(s) === loose, {what: `${loose} selected in the list`});
		assert.match(screen, /Containers/);
		assert.match(screen, /STATE|NAME/);
	});
});
