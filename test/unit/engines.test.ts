// Several engines in one view (issue 17): rows keyed by engine and id, one engine's list merged without
// touching the others, the ENGINE column, sort and filter across engines, per-engine connection states and
// banners, the feed's news qualified, and the command line's several --host/--context (and the config's contexts).
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {appReducer, visibleRows, type AppState} from '../../source/state/core/app.js';
import {
	engineBanners,
	engineColumnWidth,
	engineIdOf,
	qualifyNews,
	rowKey,
	splitRowKey,
	type EngineEntry,
} from '../../source/state/core/engines.js';
import {containerColumns} from '../../source/state/containers/columns.js';
import {engineFeedActions} from '../../source/session/feed-actions.js';
import {contextId, EndpointError, selectEngines, type Environment} from '../../source/docker/connect/endpoint.js';
import {missingValues, configReport} from '../../source/state/settings/command-line.js';
import {validateConfig, defaultConfig} from '../../source/state/settings/config.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';
import {initialAppState} from '../../source/state/core/app.js';

const idA = 'a'.repeat(64);
const idB = 'b'.repeat(64);

const entries: EngineEntry[] = [
	{key: '0', name: 'local', endpoint: 'unix:///var/run/docker.sock', connection: 'connected'},
	{key: '1', name: 'build-box', endpoint: 'ssh://me@build-box', connection: 'connected'},
];

/** An app state showing two engines, each with its snapshot applied through the feed's actions. */
function twoEngines(): AppState {
	let state: AppState = {
		...initialAppState({endpoint: 'unix:///var/run/docker.sock', scope: [], engines: entries}),
	};
	const apply = (engine: EngineEntry, news: Parameters<ReturnType<typeof engineFeedActions>>[0]) => {
		for (const action of engineFeedActions(engine)(news)) state = appReducer(state, action);
	};

	// The same id on both engines: two rows, not one.
	apply(entries[0]!, {
		type: 'snapshot',
		containers: [makeContainer({id: idA, name: 'web'}), makeContainer({id: idB, name: 'db', state: 'exited'})],
	});
	apply(entries[1]!, {type: 'snapshot', containers: [makeContainer({id: idA, name: 'api'})]});
	return state;
}

describe('row keys', () => {
	it('qualify an id by its engine, and take it apart again; one engine leaves the id as it is', () => {
		assert.equal(rowKey('1', idA), `1:${idA}`);
		assert.deepEqual(splitRowKey(`1:${idA}`), {engine: '1', id: idA});
		assert.deepEqual(splitRowKey(idA), {id: idA});
		assert.equal(rowKey(undefined, idA), idA);
		assert.equal(engineIdOf(`12:${idA}`), idA);
	});

	it('qualify every id in an engine’s news and label its containers', () => {
		const engine = {key: '1', name: 'build-box'};
		const snapshot = qualifyNews({type: 'snapshot', containers: [makeContainer({id: idA})]}, engine);
		assert.equal(snapshot.type === 'snapshot' && snapshot.engine, '1');
		assert.equal(snapshot.type === 'snapshot' && snapshot.containers[0]!.id, `1:${idA}`);
		assert.equal(snapshot.type === 'snapshot' && snapshot.containers[0]!.engine, 'build-box');
		assert.deepEqual(qualifyNews({type: 'remove', id: idA}, engine), {type: 'remove', id: `1:${idA}`});
		const event = qualifyNews({type: 'event', event: {action: 'die', id: idA, time: 1}}, engine);
		assert.equal(event.type === 'event' && event.event.id, `1:${idA}`);
		const times = qualifyNews({type: 'times', times: [{id: idA, startedAt: 5}]}, engine);
		assert.deepEqual(times, {type: 'times', times: [{id: `1:${idA}`, startedAt: 5}]});
	});
});

describe('merging engines', () => {
	it('keeps one row per engine and id, even when two engines report the same id', () => {
		const state = twoEngines();
		assert.deepEqual(Object.keys(state.containers.byId).sort(), [`0:${idA}`, `0:${idB}`, `1:${idA}`]);
		assert.equal(state.containers.byId[`1:${idA}`]!.name, 'api');
		assert.equal(state.containers.byId[`0:${idA}`]!.engine, 'local');
	});

	it('a new list from one engine replaces only its rows', () => {
		let state = twoEngines();
		for (const action of engineFeedActions(entries[0]!)({type: 'snapshot', containers: [makeContainer({id: idB, name: 'db'})]})) {
			state = appReducer(state, action);
		}

		assert.deepEqual(Object.keys(state.containers.byId).sort(), [`0:${idB}`, `1:${idA}`]);
	});

	it('an event or removal from one engine touches only its own row', () => {
		let state = twoEngines();
		for (const action of engineFeedActions(entries[1]!)({
			type: 'event',
			event: {action: 'die', id: idA, time: 10, exitCode: 3},
		})) {
			state = appReducer(state, action);
		}

		assert.equal(state.containers.byId[`1:${idA}`]!.state, 'exited');
		assert.equal(state.containers.byId[`0:${idA}`]!.state, 'running');
		for (const action of engineFeedActions(entries[1]!)({type: 'remove', id: idA})) state = appReducer(state, action);
		assert.equal(state.containers.byId[`1:${idA}`], undefined);
		assert.ok(state.containers.byId[`0:${idA}`]);
	});

	it('an engine’s container events in the events pane point at its rows', () => {
		const [action] = engineFeedActions(entries[1]!)({
			type: 'activity',
			event: {key: 'k', time: 1, type: 'container', action: 'start', id: idA, name: 'api', details: []},
		});
		assert.equal(action?.type === 'events/add' && action.events[0]!.id, `1:${idA}`);
	});
});

describe('sort and filter across engines', () => {
	it('sorts by engine, then state, then name; o reaches the engine only with several engines', () => {
		let state = twoEngines();
		const seen: string[] = [];
		for (let step = 0; step < 7; step++) {
			state = appReducer(state, {type: 'ui/sortNext', severalEngines: true});
			seen.push(state.ui.sort.key);
		}

		assert.deepEqual(seen, ['name', 'image', 'created', 'cpu', 'memory', 'engine', 'state']);
		for (let step = 0; step < 6; step++) state = appReducer(state, {type: 'ui/sortNext', severalEngines: true});
		assert.equal(state.ui.sort.key, 'engine');
		assert.deepEqual(
			visibleRows(state).map((row) => `${row.engine}/${row.name}`),
			['build-box/api', 'local/web', 'local/db'],
		);
		let one = stateWith([makeContainer()]);
		const oneSeen: string[] = [];
		for (let step = 0; step < 6; step++) {
			one = appReducer(one, {type: 'ui/sortNext'});
			oneSeen.push(one.ui.sort.key);
		}

		assert.deepEqual(oneSeen, ['name', 'image', 'created', 'cpu', 'memory', 'state']);
	});

	it('the text filter matches the engine’s name too', () => {
		const state = appReducer(twoEngines(), {type: 'ui/filterStart'});
		const filtered = [...'build'].reduce(
			(current, character) =>
				appReducer(current, {
					type: 'ui/filterEdit',
					key: {name: character, text: character},
				}),
			state,
		);
		assert.deepEqual(
			visibleRows(filtered).map((row) => row.name),
			['api'],
		);
	});
});

describe('the ENGINE column', () => {
	it('comes first only with several engines, as wide as the longest name within bounds', () => {
		assert.equal(engineColumnWidth(undefined), 0);
		assert.equal(engineColumnWidth(entries), 'build-box'.length);
		assert.equal(engineColumnWidth([{...entries[0]!, name: 'x'}]), 'ENGINE'.length);
		assert.equal(engineColumnWidth([{...entries[0]!, name: 'x'.repeat(40)}]), 20);
		const one = containerColumns(120);
		assert.ok(!one.some((column) => column.key === 'engine'));
		const several = containerColumns(120, 'relative', {engineWidth: 9});
		assert.deepEqual(several[0], {key: 'engine', title: 'ENGINE', width: 9});
		const total = (columns: typeof one) => columns.reduce((sum, column) => sum + column.width + 1, 0);
		assert.equal(total(several), total(one));
	});

	it('is one more optional column in the plan: it goes after MEM, CPU, PORTS and CREATED, before STATE merges', () => {
		const keys = (width: number) =>
			containerColumns(width, 'relative', {nameWidth: 12, usage: true, engineWidth: 9}).map((column) => column.key);
		assert.deepEqual(keys(120), ['engine', 'name', 'image', 'state', 'status', 'cpu', 'memory', 'ports', 'created']);
		assert.deepEqual(keys(100), ['engine', 'name', 'image', 'state', 'status', 'cpu', 'ports', 'created']);
		assert.deepEqual(keys(90), ['engine', 'name', 'image', 'state', 'status', 'ports', 'created']);
		assert.deepEqual(keys(80), ['engine', 'name', 'image', 'state', 'status', 'created']);
		assert.deepEqual(keys(70), ['engine', 'name', 'image', 'state', 'status']);
		assert.deepEqual(keys(60), ['name', 'image', 'state', 'status']);
		for (const width of [60, 70, 80, 90, 100, 120]) {
			const columns = containerColumns(width, 'relative', {nameWidth: 12, usage: true, engineWidth: 9});
			assert.ok(columns.reduce((sum, column) => sum + column.width + 1, 0) <= width, `${width}`);
		}
	});
});

describe('engine states', () => {
	it('one engine lost: only its entry changes, and one banner names it', () => {
		let state = twoEngines();
		state = appReducer(state, {type: 'engine/disconnected', error: 'connect ECONNREFUSED', engine: '1'});
		assert.deepEqual(
			state.engine.engines!.map((entry) => entry.connection),
			['connected', 'reconnecting'],
		);
		assert.equal(state.engine.connection, 'connected');
		const banners = engineBanners(state.engine);
		assert.equal(banners.length, 1);
		assert.match(banners[0]!, /Engine build-box: lost ssh:\/\/me@build-box \(connect ECONNREFUSED\) — reconnecting/);
		state = appReducer(state, {type: 'engine/connected', version: '20.10.24', engine: '1'});
		assert.deepEqual(engineBanners(state.engine), []);
		assert.equal(state.engine.engines![1]!.version, '20.10.24');
	});

	it('an engine that never answered stays unreachable until it does', () => {
		let state = appReducer(twoEngines(), {type: 'engine/disconnected', error: 'x', engine: '1'});
		state = {
			...state,
			engine: {
				...state.engine,
				engines: state.engine.engines!.map((entry) => ({
					...entry,
					connection: entry.key === '1' ? 'unreachable' : entry.connection,
				})),
			},
		};
		state = appReducer(state, {type: 'engine/disconnected', error: 'ENOENT', engine: '1'});
		assert.equal(state.engine.engines![1]!.connection, 'unreachable');
		assert.match(engineBanners(state.engine)[0]!, /Engine build-box unreachable at ssh:\/\/me@build-box \(ENOENT\)/);
	});

	it('one engine: the banner of old, unchanged', () => {
		const banners = engineBanners({endpoint: 'unix:///x.sock', connection: 'disconnected', error: 'gone'});
		assert.deepEqual(banners, [' Disconnected from unix:///x.sock (gone) — retrying… ']);
		assert.deepEqual(engineBanners({endpoint: 'unix:///x.sock', connection: 'connected'}), []);
	});
});

describe('several --host and --context', () => {
	let home: string;
	let environment: Environment;
	before(() => {
		home = mkdtempSync(path.join(os.tmpdir(), 'dockpit-engines-'));
		for (const [name, host] of [
			['staging', 'tcp://staging.example:2375'],
			['prod', 'ssh://deploy@prod.example'],
		] as const) {
			const meta = path.join(home, '.docker', 'contexts', 'meta', contextId(name));
			mkdirSync(meta, {recursive: true});
			writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({Name: name, Endpoints: {docker: {Host: host}}}));
		}

		environment = {env: {}, home};
	});
	after(() => rmSync(home, {recursive: true, force: true}));

	it('several --host: each one, named by its address', () => {
		const engines = selectEngines({hosts: ['unix:///var/run/docker.sock', 'tcp://10.0.0.2:2375']}, environment);
		assert.deepEqual(
			engines.map((engine) => [engine.name, engine.endpoint.url, engine.source]),
			[
				['/var/run/docker.sock', 'unix:///var/run/docker.sock', 'flag --host'],
				['10.0.0.2:2375', 'tcp://10.0.0.2:2375', 'flag --host'],
			],
		);
	});

	it('--host with --context: the hosts, then the contexts, each context named by its name', () => {
		const engines = selectEngines({hosts: ['unix:///var/run/docker.sock'], contexts: ['staging', 'prod']}, environment);
		assert.deepEqual(
			engines.map((engine) => [engine.name, engine.endpoint.url, engine.context]),
			[
				['/var/run/docker.sock', 'unix:///var/run/docker.sock', undefined],
				['staging', 'tcp://staging.example:2375', 'staging'],
				['prod', 'ssh://deploy@prod.example', 'prod'],
			],
		);
	});

	it('one flag: exactly the single engine of old, named', () => {
		const [engine, ...rest] = selectEngines({contexts: ['staging']}, environment);
		assert.equal(rest.length, 0);
		assert.equal(engine!.endpoint.url, 'tcp://staging.example:2375');
		assert.equal(engine!.source, 'flag --context');
		assert.equal(engine!.name, 'staging');
		assert.equal(selectEngines({}, environment)[0]!.endpoint.url, 'unix:///var/run/docker.sock');
	});

	it('the config file’s contexts apply only when no flag names an engine', () => {
		const fromConfig = selectEngines({configContexts: ['staging', 'prod']}, environment);
		assert.deepEqual(
			fromConfig.map((engine) => [engine.name, engine.source]),
			[
				['staging', 'config file contexts'],
				['prod', 'config file contexts'],
			],
		);
		const flagged = selectEngines({hosts: ['tcp://a:2375'], configContexts: ['staging', 'prod']}, environment);
		assert.deepEqual(
			flagged.map((engine) => engine.endpoint.url),
			['tcp://a:2375'],
		);
	});

	it('the same engine twice is a usage error naming both', () => {
		assert.throws(
			() => selectEngines({hosts: ['tcp://staging.example:2375'], contexts: ['staging']}, environment),
			(error: unknown) =>
				error instanceof EndpointError && /staging\.example:2375 and staging are the same engine/.test(error.message),
		);
	});

	it('an empty repeated flag is missing its value', () => {
		assert.equal(missingValues({host: ['unix:///a', '']}, ['host']), '--host needs a value');
		assert.equal(missingValues({host: ['unix:///a']}, ['host']), undefined);
	});

	it('--print-config lists every engine', () => {
		const report = configReport({config: defaultConfig, sources: {}, file: '/c.json', fileFound: false}, [
			{url: 'unix:///a.sock', source: 'flag --host'},
			{url: 'tcp://b:2375', context: 'b', source: 'flag --context'},
		]);
		assert.match(report, /engine\s+unix:\/\/\/a\.sock\s+\(flag --host\)/);
		assert.match(report, /engine\s+tcp:\/\/b:2375 \(context b\)\s+\(flag --context\)/);
	});

	it('the config file’s contexts must be a list of names', () => {
		assert.deepEqual(validateConfig({contexts: ['a', ' b ']}, 'c.json'), {contexts: ['a', 'b']});
		assert.throws(() => validateConfig({contexts: 'a'}, 'c.json'), /"contexts" must be a list of docker context names/);
		assert.throws(() => validateConfig({contexts: ['']}, 'c.json'), /"contexts" must be a list/);
	});
});
