// The details panel end to end: the built CLI in a real pty against the real engine. Each test opens a
// tab for a container the test made, reads the screen, and compares it with what the engine holds.
import assert from 'node:assert/strict';
import {after, before, createContainer, docker, it, engineSuite, SCOPE_FILTER, uniqueName, waitFor} from '../helpers/engine.js';
import {startDockpit, type Session} from '../helpers/pty.js';
import {closePanel, openTab, selectContainer} from '../helpers/dashboard.js';

engineSuite('details panel', () => {
	let session: Session;
	const sleeper = uniqueName('sleeper');
	const secret = uniqueName('secret');
	const busy = uniqueName('busy');

	before(async () => {
		await createContainer({name: sleeper, cmd: ['sleep', '4242']});
		await createContainer({name: secret, env: {DB_PASSWORD: 'hunter2-sesame', APP_MODE: 'demo'}});
		await createContainer({name: busy, cmd: ['sh', '-c', 'while :; do :; done']});
		session = await startDockpit({args: ['--filter', SCOPE_FILTER], cols: 110, rows: 34});
		await session.waitForText(busy);
	});
	after(async () => session?.close());

	it('shows inspect as readable sections, with the raw JSON a key away', async () => {
		await selectContainer(session, sleeper);
		await openTab(session, 'Inspect');
		const screen = await session.waitForText('Command');
		assert.match(screen, /Command\s+sleep 4242/);
		assert.match(screen, /Status\s+running/);
		await session.press('J');
		const raw = await session.waitForText('"Id":');
		const {Id} = await docker.getContainer(sleeper).inspect();
		assert.ok(raw.includes(`"Id": "${Id}"`), 'the raw JSON is the engine’s own answer');
		await session.press('J');
		await session.waitForText('Command');
		await closePanel(session);
	});

	it('lists the container’s processes in Top', async () => {
		await selectContainer(session, sleeper);
		const screen = await openTab(session, 'Top');
		const top = await session.waitForText('sleep 4242');
		assert.ok(screen.includes('[Top]'));
		assert.match(top, /UID\s+PID\s+PPID/);
		const {Processes} = await docker.getContainer(sleeper).top();
		const pid = Processes[0]?.[1];
		assert.ok(pid && top.includes(pid), `the engine's PID ${pid} is on screen`);
		await closePanel(session);
	});

	it('shows a file the test created in Diff', async () => {
		const exec = await docker.getContainer(sleeper).exec({Cmd: ['touch', '/dockpit-diff-marker'], AttachStdout: true});
		const stream = await exec.start({});
		stream.resume();
		const done = await waitFor(
			async () => {
				const info = await exec.inspect();
				return !info.Running && info;
			},
			{what: 'touch to finish'},
		);
		assert.equal(done.ExitCode, 0, 'the file was created');
		await selectContainer(session, sleeper);
		await openTab(session, 'Diff');
		await session.waitForText('A /dockpit-diff-marker');
		await closePanel(session);
	});

	it('masks DB_PASSWORD in Env until revealed', async () => {
		await selectContainer(session, secret);
		await openTab(session, 'Env');
		const masked = await session.waitForText('DB_PASSWORD=••••••••');
		assert.ok(!masked.includes('hunter2-sesame'), 'the password is not on screen');
		assert.ok(masked.includes('APP_MODE=demo'), 'ordinary values are shown');
		await session.press('v');
		await session.waitForText('DB_PASSWORD=hunter2-sesame');
		await session.press('v');
		const again = await session.waitForText('DB_PASSWORD=••••••••');
		assert.ok(!again.includes('hunter2-sesame'));
		await closePanel(session);
	});

	it('masks DB_PASSWORD in the raw JSON too, until revealed', async () => {
		await selectContainer(session, secret);
		await openTab(session, 'Inspect');
		await session.press('J');
		let screen = await session.waitForText('"Id":');
		for (let pages = 0; !screen.includes('"DB_PASSWORD='); pages++) {
			assert.ok(pages < 30, 'the Env array is somewhere in the raw JSON');
			const before = screen;
			await session.press('pagedown');
			screen = await session.waitForScreen((s) => s !== before, {what: 'the raw JSON to scroll'});
		}

		assert.ok(screen.includes('"DB_PASSWORD=••••••••"'), 'masked in the raw JSON');
		assert.ok(!screen.includes('hunter2-sesame'), 'the password is not on screen');
		await session.press('v');
		await session.waitForText('"DB_PASSWORD=hunter2-sesame"');
		await session.press('v');
		await session.waitForText('"DB_PASSWORD=••••••••"');
		await session.press('J');
		await session.waitForText('Command');
		await closePanel(session);
	});

	it('shows a non-zero CPU for a busy loop in Stats, and ends cleanly when the container stops', async () => {
		await selectContainer(session, busy);
		await openTab(session, 'Stats');
		const screen = await session.waitForScreen(
			(s) => {
				const cpu = /CPU\s+(\d+\.\d+)%/.exec(s)?.[1];
				return cpu !== undefined && Number(cpu) > 1;
			},
			{what: 'a CPU reading above 1 %', timeout: 15_000},
		);
		assert.match(screen, /Memory\s+\d/);
		await docker.getContainer(busy).kill();
		await session.waitForText(`Stats stopped: ${busy} is not running`);
		await closePanel(session);
	});
});
