// The config file's timeFormat end to end: the built CLI, started with a config file in a temporary
// XDG_CONFIG_HOME, shows the engine's own moments in the containers list instead of "ago".
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, it} from 'node:test';
import {SCOPE_FILTER, containerState, createContainer, docker, engineSuite, uniqueName, waitFor} from '../helpers/engine.js';
import {startDockpit, type Session} from '../helpers/pty.js';
import {rowOf} from '../helpers/dashboard.js';

const isoSeconds = (at: number) => `${new Date(at).toISOString().slice(0, 19)}Z`;

engineSuite('timeFormat from the config file', () => {
	const config = mkdtempSync(path.join(os.tmpdir(), 'dockpit-time-'));
	const running = uniqueName('up');
	const finished = uniqueName('done');
	let session: Session | undefined;

	const start = async (timeFormat: string, env: Record<string, string> = {}) => {
		mkdirSync(path.join(config, 'dockpit'), {recursive: true});
		writeFileSync(path.join(config, 'dockpit', 'config.json'), JSON.stringify({timeFormat}));
		session = await startDockpit({
			args: ['--filter', SCOPE_FILTER],
			env: {XDG_CONFIG_HOME: config, ...env},
			cols: 140,
			rows: 20,
		});
		return session;
	};

	/** The engine's created, started and finished times, as epoch ms. */
	const engineTimes = async (name: string) => {
		const state = await containerState(name);
		assert.ok(state.exists);
		const [listed] = await docker.listContainers({all: true, filters: {name: [`^/${name}$`]}});
		return {
			created: listed!.Created * 1000,
			started: Date.parse(state.state.StartedAt),
			finished: Date.parse(state.state.FinishedAt),
		};
	};

	before(async () => {
		await createContainer({name: running});
		await createContainer({name: finished, cmd: ['true']});
		await waitFor(
			async () => {
				const state = await containerState(finished);
				return state.exists && state.state.Status === 'exited';
			},
			{what: `${finished} exited`},
		);
	});
	after(async () => {
		await session?.close();
		rmSync(config, {recursive: true, force: true});
	});

	it('"iso" shows ISO 8601 UTC moments in STATUS and CREATED, the engine’s own', async () => {
		const dockpit = await start('iso');
		const screen = await dockpit.waitForScreen(
			(s) => rowOf(s, running).includes('Up since') && /Exited \(0\) \d{4}-/.test(rowOf(s, finished)),
			{what: 'rows with ISO times'},
		);
		assert.doesNotMatch(screen, / ago\b/);
		const up = await engineTimes(running);
		const done = await engineTimes(finished);
		const upRow = rowOf(screen, running);
		const doneRow = rowOf(screen, finished);
		assert.ok(upRow.trimEnd().endsWith(isoSeconds(up.created)), `CREATED of ${upRow}`);
		assert.ok(doneRow.trimEnd().endsWith(isoSeconds(done.created)), `CREATED of ${doneRow}`);
		// The list gives whole seconds or the status wording; the exact times follow from inspect.
		const shown = (row: string, before: string) => Date.parse(new RegExp(`${before} (\\S+Z)`).exec(row)![1]!);
		assert.ok(Math.abs(shown(upRow, 'Up since') - up.started) <= 2000, `started ${upRow}`);
		assert.ok(Math.abs(shown(doneRow, 'Exited \\(0\\)') - done.finished) <= 2000, `finished ${doneRow}`);
		await dockpit.close();
	});

	it('"local" shows the date and minute in the time zone dockpit runs in', async () => {
		const dockpit = await start('local', {TZ: 'Asia/Kolkata'});
		const screen = await dockpit.waitForScreen((s) => rowOf(s, running).includes('Up since'), {what: 'rows with local times'});
		const {created} = await engineTimes(running);
		// Kolkata is UTC+05:30 all year.
		const local = new Date(created + 5.5 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
		assert.ok(rowOf(screen, running).trimEnd().endsWith(local), `CREATED of ${rowOf(screen, running)}`);
		await dockpit.close();
	});
});
