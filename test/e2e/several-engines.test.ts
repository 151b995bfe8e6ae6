// Several engines in one view (issue 17), against two real daemons: the shared engine and a private second
// dockerd (test/helpers/second-engine.ts) reached through a docker context. Both engines' containers in one
// list with an ENGINE column; the CPU and MEM columns fed by each engine's stats; an action on each checked on
// the right daemon; a prune across both; the second daemon stopped while the first stays live, then started
// again and resynchronised.
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {contextId} from '../../source/docker/connect/endpoint.js';
import {
	after,
	before,
	containerState,
	createContainer,
	engineSuite,
	it,
	RUN_LABEL,
	SCOPE_FILTER,
	TEST_IMAGE,
	uniqueName,
	waitFor,
} from '../helpers/engine.js';
import {startDockpit, type Session} from '../helpers/pty.js';
import {rowOf} from '../helpers/dashboard.js';
import {secondEngineUnavailable, startSecondEngine, type SecondEngine} from '../helpers/second-engine.js';

const mainSocket = '/var/run/docker.sock';
const unavailable = secondEngineUnavailable();

engineSuite('several engines in one view', () => {
	let second: SecondEngine | undefined;
	let home: string;
	let session: Session;
	const onMain = uniqueName('multi-main');
	const onSecond = uniqueName('multi-second');
	const talker = uniqueName('multi-talker');

	/** The second daemon's view of a container: running or not, or absent. */
	const secondRunning = (name: string): boolean | undefined => {
		try {
			return second!.docker('inspect', '-f', '{{.State.Running}}', name) === 'true';
		} catch {
			return undefined;
		}
	};

	const runOnSecond = (name: string, cmd: readonly string[] = ['sleep', '3600']) =>
		second!.docker(
			'run',
			'-d',
			'--name',
			name,
			'--stop-timeout',
			'1',
			'--label',
			`${RUN_LABEL.key}=${RUN_LABEL.value}`,
			TEST_IMAGE,
			...cmd,
		);

	/** Selects a row by filtering on its name (the ENGINE column comes before the name, so the ▶ row is matched whole). */
	async function select(name: string): Promise<void> {
		await session.press('/', 'ctrl+u');
		await session.type(name);
		await session.press('enter');
		await session.waitForScreen((s) => s.includes(`filter: ${name}\n`) && /▶/.test(rowOf(s, name)), {what: `${name} selected`});
	}

	async function clearFilter(): Promise<void> {
		await session.press('escape');
		await session.waitForScreen((s) => !s.includes('filter: '), {what: 'the filter cleared'});
	}

	before(async () => {
		if (unavailable) return;
		second = await startSecondEngine('multi', 'dpmulti0');
		home = mkdtempSync(path.join(os.tmpdir(), 'dockpit-multi-home-'));
		const meta = path.join(home, '.docker', 'contexts', 'meta', contextId('second'));
		mkdirSync(meta, {recursive: true});
		writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({Name: 'second', Endpoints: {docker: {Host: second.host}}}));
		await createContainer({name: onMain});
		runOnSecond(onSecond);
		runOnSecond(talker, ['sh', '-c', 'echo hello-from-the-second-engine; sleep 3600']);
		session = await startDockpit({
			args: ['--host', `unix://${mainSocket}`, '--context', 'second', '--filter', SCOPE_FILTER],
			env: {HOME: home, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, DOCKER_CONFIG: undefined},
			cols: 140,
			rows: 24,
		});
	});

	// Even when a test fails: the daemon stops, its bridge and folders go, and docker0 is checked (stop() throws if it was lost).
	after(async () => {
		await session?.close();
		if (home) rmSync(home, {recursive: true, force: true});
		await second?.stop();
	});

	it(
		'lists both engines’ containers in one list with an ENGINE column, and each engine’s state in the header',
		{skip: unavailable},
		async () => {
			const screen = await session.waitForScreen((s) => s.includes(onMain) && s.includes(onSecond), {
				what: 'the containers of both engines',
				timeout: 20_000,
			});
			assert.match(screen, /ENGINE\s+NAME\s+IMAGE/);
			assert.match(rowOf(screen, onMain), new RegExp(`${mainSocket}\\s+${onMain}\\s.*running`));
			assert.match(rowOf(screen, onSecond), new RegExp(`second\\s+${onSecond}\\s.*running`));
			assert.match(screen.split('\n')[0]!, /\/var\/run\/docker\.sock ● · second ● · scope/);
		},
	);

	it('CPU and MEM of each engine’s container come from its own engine’s stats stream', {skip: unavailable}, async () => {
		// A stream opened on the wrong engine fails (no such container there) and the cell stays '—'.
		const figures = /\d+\.\d%\s+\S+ \/ \S+/;
		const screen = await session.waitForScreen((s) => figures.test(rowOf(s, onMain)) && figures.test(rowOf(s, onSecond)), {
			what: 'CPU and MEM figures on both engines’ rows',
			timeout: 20_000,
		});
		assert.match(screen, /ENGINE\s+NAME\s+IMAGE\s+STATE\s+STATUS\s+CPU %\s+MEM \/ LIMIT/);
	});

	it('stops and starts a container on each engine, on the right daemon', {skip: unavailable}, async () => {
		await select(onSecond);
		await session.press('s');
		await waitFor(() => secondRunning(onSecond) === false || undefined, {
			what: `${onSecond} stopped on the second daemon`,
			timeout: 20_000,
		});
		await session.waitForScreen((s) => /exited/.test(rowOf(s, onSecond)), {what: `${onSecond} exited on screen`});
		const main = await containerState(onMain);
		assert.ok(main.exists && main.state.Running, 'the main engine’s container was not touched');
		await session.press('u');
		await waitFor(() => secondRunning(onSecond) === true || undefined, {what: `${onSecond} running again`, timeout: 20_000});

		await select(onMain);
		await session.press('s');
		await waitFor(
			async () => {
				const state = await containerState(onMain);
				return (state.exists && !state.state.Running) || undefined;
			},
			{what: `${onMain} stopped on the main engine`, timeout: 20_000},
		);
		assert.equal(secondRunning(onSecond), true, 'the second daemon’s container was not touched');
		await session.press('u');
		await waitFor(
			async () => {
				const state = await containerState(onMain);
				return (state.exists && state.state.Running) || undefined;
			},
			{what: `${onMain} running again`, timeout: 20_000},
		);
		await clearFilter();
		await session.waitForScreen((s) => /running/.test(rowOf(s, onMain)) && /running/.test(rowOf(s, onSecond)), {
			what: 'both running on screen',
		});
	});

	it('shows the logs of a container on the second engine, read from that engine', {skip: unavailable}, async () => {
		await select(talker);
		await session.press('l');
		await session.waitForText('hello-from-the-second-engine', {timeout: 20_000});
		// Focused, the logs pane gives the keys back to the list with Esc; then the filter is emptied in its
		// editor, and Esc closes the logs.
		if (session.screen().includes('Esc list')) {
			await session.press('escape');
			await session.waitForScreen((s) => !s.includes('Esc list'), {what: 'the keys back on the list'});
		}

		await session.press('/', 'ctrl+u', 'enter');
		await session.waitForScreen((s) => !s.includes('filter: '), {what: 'the filter cleared'});
		await session.press('escape');
		await session.waitForScreen((s) => !s.includes('hello-from-the-second-engine'), {what: 'the logs closed'});
	});

	it(
		'prune reads and prunes every engine: each one’s stopped containers listed with their engine, removed from their own daemon',
		{skip: unavailable},
		async () => {
			const pruneMain = uniqueName('multi-prune-main');
			const pruneSecond = uniqueName('multi-prune-second');
			await createContainer({name: pruneMain, start: false});
			second!.docker('create', '--name', pruneSecond, '--label', `${RUN_LABEL.key}=${RUN_LABEL.value}`, TEST_IMAGE, 'true');
			await session.waitForScreen((s) => s.includes(pruneMain) && s.includes(pruneSecond), {
				what: 'both stopped containers listed',
			});
			await session.press('P');
			const preview = await session.waitForScreen((s) => s.includes('Will remove 2 items') && s.includes('[y] prune 2'), {
				what: 'the preview of both engines',
				timeout: 20_000,
			});
			assert.ok(preview.includes(`${pruneSecond} (on second)`), preview);
			assert.ok(preview.includes(`${pruneMain} (on `), preview);
			assert.doesNotMatch(preview, /first one named/);
			await session.press('y');
			await session.waitForScreen((s) => s.includes('Removed 2 of 2') && s.includes('[Enter] close'), {
				what: 'both pruned',
				timeout: 20_000,
			});
			assert.equal((await containerState(pruneMain)).exists, false, 'gone from the main engine');
			assert.equal(secondRunning(pruneSecond), undefined, 'gone from the second daemon');
			assert.equal(secondRunning(onSecond), true, 'the running container on the second daemon stays');
			await session.press('enter');
			await session.waitForScreen((s) => !s.includes('Removed 2 of 2'), {what: 'the result closed'});
		},
	);

	it(
		'one engine stopped: a banner for it only, the other stays live; started again, it is resynchronised',
		{skip: unavailable, timeout: 120_000},
		async () => {
			await second!.halt();
			await session.waitForScreen((s) => /Engine second: lost/.test(s) && /second ◐ reconnecting/.test(s.split('\n')[0]!), {
				what: 'the banner and the header for the second engine',
				timeout: 20_000,
			});
			const lostScreen = session.screen();
			assert.doesNotMatch(lostScreen, /Disconnected from|\/var\/run\/docker\.sock: lost/, 'no banner for the main engine');

			// The main engine's list still follows its events.
			const late = uniqueName('multi-late');
			await createContainer({name: late});
			await session.waitForScreen((s) => new RegExp(`${mainSocket}\\s+${late}\\s`).test(rowOf(s, late)), {
				what: 'a new container on the main engine listed while the second is down',
				timeout: 20_000,
			});

			await second!.restart();
			// The daemon stopped its container on the way down: the resynchronised list says so.
			await session.waitForScreen((s) => !/Engine second/.test(s) && /exited/.test(rowOf(s, onSecond)), {
				what: 'the banner gone and the second engine’s container exited',
				timeout: 30_000,
			});
			assert.match(session.screen().split('\n')[0]!, /second ● · scope/);
			const again = uniqueName('multi-again');
			runOnSecond(again);
			await session.waitForScreen((s) => new RegExp(`second\\s+${again}\\s.*running`).test(rowOf(s, again)), {
				what: 'a new container on the second engine listed live',
				timeout: 20_000,
			});
		},
	);
});
