// The containers reducer: a snapshot, re-reads that must not lose exact times, removals, and the
// events that change a row before it is re-read.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	containersReducer,
	countContainers,
	initialContainers,
	type ContainersAction,
	type ContainersState,
} from '../../source/state/containers/containers.js';
import type {Container, ContainerEvent} from '../../source/state/core/model.js';
import {makeContainer, NOW} from '../helpers/fixtures.js';

const apply = (state: ContainersState, ...actions: ContainersAction[]) => actions.reduce(containersReducer, state);
const snapshot = (...containers: Container[]) => apply(initialContainers, {type: 'containers/snapshot', containers});
const event = (e: Partial<ContainerEvent> & {action: string; id: string}): ContainersAction => ({
	type: 'containers/event',
	event: {time: NOW, ...e},
});

describe('containersReducer', () => {
	it('starts unloaded and a snapshot loads exactly the listed containers', () => {
		assert.equal(initialContainers.loaded, false);
		const a = makeContainer({id: 'a'});
		const b = makeContainer({id: 'b'});
		const first = snapshot(a, b);
		assert.equal(first.loaded, true);
		assert.deepEqual(Object.keys(first.byId).sort(), ['a', 'b']);
		const second = containersReducer(first, {type: 'containers/snapshot', containers: [b]});
		assert.deepEqual(Object.keys(second.byId), ['b'], 'a container missing from a new snapshot is gone');
	});

	it('an empty snapshot still counts as loaded', () => {
		assert.equal(snapshot().loaded, true);
	});

	it('upsert adds a container and replaces one', () => {
		const state = snapshot(makeContainer({id: 'a', name: 'old'}));
		const added = containersReducer(state, {type: 'containers/upsert', container: makeContainer({id: 'b'})});
		assert.deepEqual(Object.keys(added.byId).sort(), ['a', 'b']);
		const replaced = containersReducer(added, {type: 'containers/upsert', container: makeContainer({id: 'a', name: 'new'})});
		assert.equal(replaced.byId['a']?.name, 'new');
	});

	it('upsert of estimated times keeps the exact times known for the same run', () => {
		const exact = makeContainer({id: 'a', state: 'running', startedAt: NOW - 123_456, timesExact: true});
		const estimate = makeContainer({id: 'a', state: 'running', startedAt: NOW - 120_000, timesExact: false, name: 'renamed'});
		const next = apply(snapshot(exact), {type: 'containers/upsert', container: estimate}).byId['a']!;
		assert.equal(next.startedAt, NOW - 123_456);
		assert.equal(next.timesExact, true);
		assert.equal(next.name, 'renamed', 'the rest of the re-read still applies');
	});

	it('a pause does not start a new run: exact times survive an estimated re-read of the paused container', () => {
		const exact = makeContainer({id: 'a', state: 'running', startedAt: NOW - 123_456, timesExact: true});
		const paused = makeContainer({id: 'a', state: 'paused', startedAt: NOW - 120_000, timesExact: false});
		assert.equal(apply(snapshot(exact), {type: 'containers/upsert', container: paused}).byId['a']?.startedAt, NOW - 123_456);
	});

	it('an estimated re-read of a different run replaces the old times', () => {
		const exact = makeContainer({id: 'a', state: 'running', startedAt: NOW - 123_456, timesExact: true});
		const exited = makeContainer({id: 'a', state: 'exited', exitCode: 3, finishedAt: NOW - 60_000, timesExact: false});
		const next = apply(snapshot(exact), {type: 'containers/upsert', container: exited}).byId['a']!;
		assert.equal(next.state, 'exited');
		assert.equal(next.finishedAt, NOW - 60_000);
		assert.equal(next.timesExact, false);
	});

	it('a snapshot also keeps exact times over estimates', () => {
		const exact = makeContainer({id: 'a', startedAt: NOW - 5555, timesExact: true});
		const estimate = makeContainer({id: 'a', startedAt: NOW - 5000, timesExact: false});
		assert.equal(apply(snapshot(exact), {type: 'containers/snapshot', containers: [estimate]}).byId['a']?.startedAt, NOW - 5555);
	});

	it('remove drops the container; removing an unknown id changes nothing', () => {
		const state = snapshot(makeContainer({id: 'a'}), makeContainer({id: 'b'}));
		assert.deepEqual(Object.keys(containersReducer(state, {type: 'containers/remove', id: 'a'}).byId), ['b']);
		assert.equal(containersReducer(state, {type: 'containers/remove', id: 'zzz'}), state);
	});

	it('times fills in exact times', () => {
		const state = snapshot(makeContainer({id: 'a', state: 'exited', finishedAt: NOW - 60_000, timesExact: false}));
		const next = containersReducer(state, {type: 'containers/times', times: [{id: 'a', finishedAt: NOW - 61_234, exitCode: 2}]});
		assert.deepEqual([next.byId['a']?.finishedAt, next.byId['a']?.exitCode, next.byId['a']?.timesExact], [NOW - 61_234, 2, true]);
	});

	it('one batch of times fills in many rows at once, skipping rows gone meanwhile', () => {
		const state = snapshot(
			makeContainer({id: 'a', state: 'running', startedAt: NOW - 60_000, timesExact: false}),
			makeContainer({id: 'b', state: 'exited', finishedAt: NOW - 60_000, timesExact: false}),
		);
		const next = containersReducer(state, {
			type: 'containers/times',
			times: [
				{id: 'a', startedAt: NOW - 61_000},
				{id: 'gone', startedAt: NOW},
				{id: 'b', finishedAt: NOW - 62_000, exitCode: 1},
			],
		});
		assert.deepEqual(Object.keys(next.byId).sort(), ['a', 'b']);
		assert.deepEqual([next.byId['a']?.startedAt, next.byId['a']?.timesExact], [NOW - 61_000, true]);
		assert.deepEqual([next.byId['b']?.finishedAt, next.byId['b']?.exitCode], [NOW - 62_000, 1]);
		assert.equal(containersReducer(state, {type: 'containers/times', times: [{id: 'gone', startedAt: NOW}]}), state);
	});
});

describe('containersReducer events', () => {
	const stopped = () =>
		snapshot(makeContainer({id: 'a', state: 'exited', exitCode: 1, finishedAt: NOW - 1e6, health: undefined}));
	const running = () => snapshot(makeContainer({id: 'a', state: 'running', startedAt: NOW - 1e6, health: 'healthy'}));

	it('start: running since the event time, health forgotten', () => {
		const next = apply(stopped(), event({action: 'start', id: 'a', time: NOW + 5})).byId['a']!;
		assert.equal(next.state, 'running');
		assert.equal(next.startedAt, NOW + 5);
		assert.equal(next.timesExact, true);
	});

	it('die: exited at the event time with the exit code', () => {
		const next = apply(running(), event({action: 'die', id: 'a', exitCode: 137, time: NOW + 7})).byId['a']!;
		assert.equal(next.state, 'exited');
		assert.equal(next.finishedAt, NOW + 7);
		assert.equal(next.exitCode, 137);
		assert.equal(next.health, undefined);
	});

	it('pause and unpause', () => {
		const paused = apply(running(), event({action: 'pause', id: 'a'}));
		assert.equal(paused.byId['a']?.state, 'paused');
		assert.equal(paused.byId['a']?.startedAt, NOW - 1e6, 'a pause keeps the run');
		assert.equal(apply(paused, event({action: 'unpause', id: 'a'})).byId['a']?.state, 'running');
	});

	it('rename takes the new name; a rename without a name changes nothing', () => {
		assert.equal(apply(running(), event({action: 'rename', id: 'a', name: 'fresh'})).byId['a']?.name, 'fresh');
		const state = running();
		assert.equal(containersReducer(state, event({action: 'rename', id: 'a'})), state);
	});

	it('health_status events set the health', () => {
		const state = running();
		assert.equal(apply(state, event({action: 'health_status: unhealthy', id: 'a'})).byId['a']?.health, 'unhealthy');
		assert.equal(apply(state, event({action: 'health_status: starting', id: 'a'})).byId['a']?.health, 'starting');
		const sick = apply(state, event({action: 'health_status: unhealthy', id: 'a'}));
		assert.equal(apply(sick, event({action: 'health_status: healthy', id: 'a'})).byId['a']?.health, 'healthy');
	});

	it('destroy removes the container', () => {
		assert.deepEqual(apply(running(), event({action: 'destroy', id: 'a'})).byId, {});
	});

	it('events for unknown ids, and actions it does not model, leave the state as it was', () => {
		const state = running();
		for (const action of ['start', 'die', 'pause', 'rename', 'destroy', 'health_status: healthy']) {
			assert.equal(containersReducer(state, event({action, id: 'unknown', name: 'x'})), state, action);
		}

		assert.equal(containersReducer(state, event({action: 'exec_create: sh', id: 'a'})), state);
	});
});

describe('countContainers', () => {
	it('counts running (and restarting), paused and stopped', () => {
		const state = snapshot(
			makeContainer({state: 'running'}),
			makeContainer({state: 'running'}),
			makeContainer({state: 'restarting'}),
			makeContainer({state: 'paused'}),
			makeContainer({state: 'exited'}),
			makeContainer({state: 'created'}),
			makeContainer({state: 'dead'}),
		);
		assert.deepEqual(countContainers(state), {running: 3, paused: 1, stopped: 3});
		assert.deepEqual(countContainers(initialContainers), {running: 0, paused: 0, stopped: 0});
	});
});
