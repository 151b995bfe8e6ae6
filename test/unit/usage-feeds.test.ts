// The list's stats streams (session/usage-feeds.ts): one per running row on screen, opened and closed as
// rows scroll and containers stop, and their samples batched into at most one store update a second.
import assert from 'node:assert/strict';
import {setImmediate as nextTurn} from 'node:timers/promises';
import {describe, it} from 'node:test';
import {appReducer, initialAppState, type AppAction, type AppState} from '../../source/state/core/app.js';
import {createStore, type Store} from '../../source/session/store.js';
import {createUsageFeeds, type Clock} from '../../source/session/usage-feeds.js';
import {cpuCell, memoryCell, toUsage} from '../../source/state/containers/usage.js';
import type {StatsSample} from '../../source/state/details/stats.js';
import type {Container} from '../../source/state/core/model.js';
import {makeContainer} from '../helpers/fixtures.js';
import {busyLoopSamples} from '../helpers/stats-samples.js';

/** A clock the test moves by hand. */
function fakeClock() {
	let now = 0;
	const timers: Array<{at: number; run: () => void; id: number}> = [];
	let serial = 0;
	const clock: Clock = {
		now: () => now,
		setTimeout(run, ms) {
			const id = ++serial;
			timers.push({at: now + ms, run, id});
			return id;
		},
		clearTimeout(id) {
			const index = timers.findIndex((timer) => timer.id === id);
			if (index >= 0) timers.splice(index, 1);
		},
	};
	const advance = (ms: number) => {
		now += ms;
		for (const timer of timers.filter((t) => t.at <= now)) {
			timers.splice(timers.indexOf(timer), 1);
			timer.run();
		}
	};
	return {clock, advance, pending: () => timers.length};
}

/** Stats streams that the test feeds by hand. */
function fakeStreams() {
	const open = new Map<string, {send: (sample: StatsSample) => void; end: (why: string) => void}>();
	const opened: string[] = [];
	const closed: string[] = [];
	return {
		open,
		opened,
		closed,
		async openStats(id: string, onSample: (sample: StatsSample) => void) {
			opened.push(id);
			let end!: (why: string) => void;
			const ended = new Promise<string>((resolve) => (end = resolve));
			open.set(id, {send: onSample, end: (why) => (open.delete(id), end(why))});
			return {
				close() {
					closed.push(id);
					open.delete(id);
				},
				ended,
			};
		},
	};
}

function setup(containers: readonly Container[], pageSize = 10, paces: number[] = []) {
	const store: Store<AppState, AppAction> = createStore(appReducer, initialAppState({endpoint: 'unix:///x', scope: []}));
	store.dispatch({type: 'containers/snapshot', containers});
	store.dispatch({type: 'ui/viewport', pageSize});
	let updates = 0;
	const counting: Store<AppState, AppAction> = {
		...store,
		dispatch(action) {
			if (action.type === 'containers/usage') updates++;
			store.dispatch(action);
		},
	};
	const time = fakeClock();
	const streams = fakeStreams();
	const feeds = createUsageFeeds({
		store: counting,
		openStats: streams.openStats,
		clock: time.clock,
		pace: (periodMs) => paces.push(periodMs),
	});
	feeds.start();
	return {store, feeds, time, streams, updates: () => updates};
}

const settle = async () => {
	for (let i = 0; i < 3; i++) await nextTurn();
};

describe('usage feeds', () => {
	const a = makeContainer({id: 'a', state: 'running'});
	const b = makeContainer({id: 'b', state: 'running'});
	const c = makeContainer({id: 'c', state: 'exited'});
	const d = makeContainer({id: 'd', state: 'running'});

	it('opens one stream per running row on screen, and closes those that scroll out', async () => {
		const {feeds, streams} = setup([a, b, c, d]);
		feeds.show(['a', 'b', 'c']);
		await settle();
		assert.deepEqual(streams.opened, ['a', 'b']);
		feeds.show(['b', 'c', 'd']);
		await settle();
		assert.deepEqual(streams.opened, ['a', 'b', 'd']);
		assert.deepEqual(streams.closed, ['a']);
		assert.deepEqual([...feeds.streaming()].sort(), ['b', 'd']);
		feeds.show([]);
		await settle();
		assert.deepEqual(feeds.streaming(), []);
	});

	it('many samples from many rows reach the store as one update a second', async () => {
		const {store, feeds, streams, time, updates} = setup([a, b, d]);
		feeds.show(['a', 'b', 'd']);
		await settle();
		for (const id of ['a', 'b', 'd']) streams.open.get(id)!.send(busyLoopSamples[0]!);
		time.advance(0);
		assert.equal(updates(), 1, 'the first batch goes at once');
		for (let second = 0; second < 3; second++) {
			for (let sample = 0; sample < 5; sample++) {
				for (const id of ['a', 'b', 'd']) streams.open.get(id)!.send(busyLoopSamples[1]!);
				time.advance(100);
			}

			time.advance(500);
		}

		assert.equal(updates(), 4, 'one update per second after the first');
		assert.ok(store.getState().containers.usage!['d']!.cpu! > 50);
		time.advance(5000);
		assert.equal(updates(), 4, 'no samples, no updates, and no timer left running');
		assert.equal(time.pending(), 0);
	});

	it('asks for the streams to be read less often while their batches change no text, and at once again when one does', async () => {
		const paces: number[] = [];
		const {store, feeds, streams, time} = setup([a, b, d], 10, paces);
		feeds.show(['a', 'b']);
		await settle();
		const batch = (sample: StatsSample) => {
			for (const id of ['a', 'b']) streams.open.get(id)!.send(sample);
			time.advance(1000);
		};

		batch(busyLoopSamples[1]!);
		const held = store.getState().containers.usage;
		for (let still = 1; still <= 3; still++) batch(busyLoopSamples[1]!);
		assert.equal(store.getState().containers.usage, held, 'the same figures change nothing');
		assert.deepEqual(paces, [2000], 'every 2 s after 3 still batches');
		for (let still = 4; still <= 6; still++) batch(busyLoopSamples[1]!);
		assert.deepEqual(paces, [2000, 4000], 'every 4 s after 6');
		for (let still = 7; still <= 17; still++) batch(busyLoopSamples[1]!);
		assert.deepEqual(paces, [2000, 4000], 'still every 4 s within the first minute');
		batch(busyLoopSamples[1]!);
		assert.deepEqual(paces, [2000, 4000, 8000], 'every 8 s after 18 (a minute at these periods)');
		for (let still = 19; still <= 60; still++) batch(busyLoopSamples[1]!);
		assert.deepEqual(paces, [2000, 4000, 8000], 'never slower than that');

		const shown = (sample: StatsSample) => cpuCell(toUsage(sample), 'running') + memoryCell(toUsage(sample), 'running');
		const moved = busyLoopSamples.find(
			(sample) => toUsage(sample).cpu !== undefined && shown(sample) !== shown(busyLoopSamples[1]!),
		);
		batch(moved!);
		assert.notEqual(store.getState().containers.usage, held, 'a figure moved');
		assert.deepEqual(paces, [2000, 4000, 8000, 1000], 'back to every second when a figure moves');

		for (let still = 1; still <= 6; still++) batch(moved!);
		assert.deepEqual(paces.at(-1), 4000);
		feeds.show(['a', 'b', 'd']);
		await settle();
		assert.deepEqual(paces.at(-1), 1000, "a new row's stream is read within a second");
	});

	it('a container that stops loses its stream and its figures; started again, it gets a new stream', async () => {
		const {store, feeds, streams, time} = setup([a, b]);
		feeds.show(['a', 'b']);
		await settle();
		streams.open.get('a')!.send(busyLoopSamples[1]!);
		time.advance(0);
		assert.ok(store.getState().containers.usage!['a']);
		// The engine ends the stream before the die event arrives: no reopening while the row still says running.
		streams.open.get('a')!.end('the engine ended the stats stream');
		await settle();
		assert.deepEqual(streams.opened, ['a', 'b']);
		store.dispatch({type: 'containers/event', event: {action: 'die', id: 'a', time: 1, exitCode: 0}});
		await settle();
		time.advance(1000);
		assert.equal(store.getState().containers.usage!['a'], undefined);
		store.dispatch({type: 'containers/event', event: {action: 'start', id: 'a', time: 2}});
		await settle();
		assert.deepEqual(streams.opened, ['a', 'b', 'a']);
	});

	it('opens nothing while the columns are off, or past the row limit in auto mode', async () => {
		const {store, feeds, streams} = setup([a, b], 10);
		store.dispatch({type: 'ui/usageColumns', mode: 'off'});
		feeds.show(['a', 'b']);
		await settle();
		assert.deepEqual(streams.opened, []);
		store.dispatch({type: 'ui/usageColumns', mode: 'auto'});
		store.dispatch({type: 'ui/viewport', pageSize: 1000});
		await settle();
		assert.deepEqual(streams.opened, []);
		store.dispatch({type: 'ui/usageColumns', mode: 'on'});
		await settle();
		assert.deepEqual(streams.opened, ['a', 'b']);
	});

	it('opens nothing before the session has connected to its engine', async () => {
		const store = createStore(appReducer, initialAppState({endpoint: 'unix:///x', scope: []}));
		store.dispatch({type: 'containers/snapshot', containers: [a, b]});
		const streams = fakeStreams();
		const feeds = createUsageFeeds({store, openStats: streams.openStats, clock: fakeClock().clock});
		feeds.show(['a', 'b']);
		await settle();
		assert.deepEqual(streams.opened, []);
		feeds.start();
		await settle();
		assert.deepEqual(streams.opened, ['a', 'b']);
	});

	it('stop closes every stream', async () => {
		const {feeds, streams} = setup([a, b]);
		feeds.show(['a', 'b']);
		await settle();
		feeds.stop();
		assert.deepEqual(streams.closed.sort(), ['a', 'b']);
	});
});
