// The containers pane's rows: the filter, each sort key, and the window that keeps the cursor in view.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {containersReducer, initialContainers} from '../../source/state/containers/containers.js';
import type {Container} from '../../source/state/core/model.js';
import {nextChangeAt} from '../../source/state/containers/status.js';
import {
	matchesFilter,
	nextRowChange,
	sortCycle,
	sortKeys,
	visibleContainers,
	windowStart,
	type SortOrder,
} from '../../source/state/containers/view.js';
import {makeContainer, NOW} from '../helpers/fixtures.js';

const table = (...containers: Container[]) => containersReducer(initialContainers, {type: 'containers/snapshot', containers});
const names = (rows: readonly Container[]) => rows.map((row) => row.name);

const rows = [
	makeContainer({id: '1', name: 'web-frontend', image: 'nginx:1.27', state: 'exited', createdAt: NOW - 5000}),
	makeContainer({id: '2', name: 'db', image: 'postgres:16', state: 'running', createdAt: NOW - 1000}),
	makeContainer({id: '3', name: 'Cache', image: 'redis:7', state: 'paused', createdAt: NOW - 3000}),
	makeContainer({id: '4', name: 'worker', image: 'acme/Worker:latest', state: 'created', createdAt: NOW - 4000}),
	makeContainer({id: '5', name: 'api', image: 'acme/api:2', state: 'running', createdAt: NOW - 2000}),
];
const state = table(...rows);
const order = (key: SortOrder['key'], descending = false) => names(visibleContainers(state, '', {key, descending}));

describe('filter', () => {
	it('matches a substring of the name or the image, ignoring case', () => {
		assert.deepEqual(names(visibleContainers(state, 'CACHE', {key: 'name', descending: false})), ['Cache']);
		assert.deepEqual(names(visibleContainers(state, 'worker', {key: 'name', descending: false})), ['worker']);
		assert.deepEqual(names(visibleContainers(state, 'acme', {key: 'name', descending: false})), ['api', 'worker']);
		assert.deepEqual(names(visibleContainers(state, 'gres', {key: 'name', descending: false})), ['db']);
		assert.deepEqual(names(visibleContainers(state, 'front', {key: 'name', descending: false})), ['web-frontend']);
	});

	it('an empty or blank filter matches all; nothing matches a stranger', () => {
		assert.equal(visibleContainers(state, '  ', {key: 'name', descending: false}).length, 5);
		assert.deepEqual(visibleContainers(state, 'mysql', {key: 'name', descending: false}), []);
	});

	it('does not match the command or the id', () => {
		assert.equal(matchesFilter(makeContainer({name: 'a', image: 'b', command: 'sleep', id: 'deadbeef'}), 'sleep'), false);
		assert.equal(matchesFilter(makeContainer({name: 'a', image: 'b', id: 'deadbeef'}), 'deadbeef'), false);
	});
});

describe('sort', () => {
	it('knows seven keys; o steps through the engine only with several engines', () => {
		assert.deepEqual(sortKeys, ['state', 'name', 'image', 'created', 'cpu', 'memory', 'engine']);
		assert.deepEqual(sortCycle(false), ['state', 'name', 'image', 'created', 'cpu', 'memory']);
		assert.deepEqual(sortCycle(true), sortKeys);
	});

	it('state: running, paused, created, exited; ties by name', () => {
		assert.deepEqual(order('state'), ['api', 'db', 'Cache', 'worker', 'web-frontend']);
	});

	it('name, case-insensitively', () => {
		assert.deepEqual(order('name'), ['api', 'Cache', 'db', 'web-frontend', 'worker']);
	});

	it('image', () => {
		assert.deepEqual(order('image'), ['api', 'worker', 'web-frontend', 'db', 'Cache']);
	});

	it('created: newest first', () => {
		assert.deepEqual(order('created'), ['db', 'api', 'Cache', 'worker', 'web-frontend']);
	});

	it('descending is the exact reverse', () => {
		for (const key of sortKeys) assert.deepEqual(order(key, true), order(key).reverse(), key);
	});

	it('a new table gives new rows (the memo does not go stale)', () => {
		const sort: SortOrder = {key: 'name', descending: false};
		const first = visibleContainers(state, '', sort);
		assert.equal(visibleContainers(state, '', sort), first, 'same inputs, same array');
		const grown = containersReducer(state, {type: 'containers/upsert', container: makeContainer({id: '6', name: 'aaa'})});
		assert.equal(visibleContainers(grown, '', sort)[0]?.name, 'aaa');
	});
});

describe('windowStart', () => {
	it('is 0 when everything fits', () => {
		assert.equal(windowStart(7, 8, 10, 0), 0);
		assert.equal(windowStart(7, 8, 10, 5), 0);
	});

	it('does not move while the cursor is inside the window', () => {
		for (let cursor = 10; cursor < 20; cursor++) assert.equal(windowStart(cursor, 100, 10, 10), 10);
	});

	it('moves just enough to show a cursor below or above it', () => {
		assert.equal(windowStart(20, 100, 10, 10), 11);
		assert.equal(windowStart(35, 100, 10, 10), 26);
		assert.equal(windowStart(9, 100, 10, 10), 9);
		assert.equal(windowStart(0, 100, 10, 50), 0);
	});

	it('never leaves blank rows at the end when the list shrinks', () => {
		assert.equal(windowStart(12, 20, 10, 15), 10);
	});

	it('walking down and up one row at a time keeps the cursor visible with minimal moves', () => {
		let start = 0;
		const count = 50;
		const height = 7;
		const path = [...Array.from({length: count}, (_, i) => i), ...Array.from({length: count}, (_, i) => count - 1 - i)];
		for (const cursor of path) {
			const next = windowStart(cursor, count, height, start);
			assert.ok(cursor >= next && cursor < next + height, `cursor ${cursor} in [${next}, ${next + height})`);
			assert.ok(Math.abs(next - start) <= 1, `moved by ${next - start} for a one-row step`);
			start = next;
		}
	});

	it('a zero height shows from the top', () => assert.equal(windowStart(5, 10, 0, 3), 0));
});

describe('nextRowChange', () => {
	it('is the soonest change among the rows within a page of the selection, and ignores rows further away', () => {
		// Row i started i+1 minutes and i seconds ago: its "Up N minutes" changes in 60 - i seconds.
		const rows = Array.from({length: 30}, (_, i) => makeContainer({startedAt: NOW - (i + 1) * 60_000 - i * 1000}));
		const near = rows.slice(0, 5).map((row) => nextChangeAt(row, NOW));
		assert.equal(nextRowChange(rows, 0, 5, NOW), Math.min(...near));
		assert.equal(nextRowChange([], 0, 5, NOW), Number.POSITIVE_INFINITY);
		const far = rows.slice(15, 25).map((row) => nextChangeAt(row, NOW));
		assert.equal(nextRowChange(rows, 20, 5, NOW), Math.min(...far));
		// The rows past the window would change sooner: they must not wake the clock.
		assert.ok(Math.min(...rows.map((row) => nextChangeAt(row, NOW))) < Math.min(...far));
	});
});
