// CPU and memory in the containers list (issue 16): which rows get a stats stream, the figures kept, the
// cells' text, and the sorts by them.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	applyReadings,
	compactBytes,
	cpuCell,
	memoryCell,
	toUsage,
	usageRowLimit,
	usageShown,
	usageTargets,
} from '../../source/state/containers/usage.js';
import {containersReducer, initialContainers} from '../../source/state/containers/containers.js';
import {appReducer, initialAppState} from '../../source/state/core/app.js';
import {visibleContainers} from '../../source/state/containers/view.js';
import {sortArrow} from '../../source/state/core/sort-direction.js';
import {makeContainer} from '../helpers/fixtures.js';
import {busyLoopSamples} from '../helpers/stats-samples.js';

describe('usage: which rows are streamed', () => {
	const rows = [
		makeContainer({id: 'run1', state: 'running'}),
		makeContainer({id: 'gone', state: 'exited'}),
		makeContainer({id: 'held', state: 'paused'}),
		makeContainer({id: 'run2', state: 'running'}),
		makeContainer({id: 'new', state: 'created'}),
	];

	it('the running rows on screen, in order, and nothing while the columns are off', () => {
		assert.deepEqual(usageTargets(rows, true), ['run1', 'run2']);
		assert.deepEqual(usageTargets(rows, false), []);
	});

	it('auto shows the columns up to the row limit; the toggle overrides it either way', () => {
		assert.equal(usageShown('auto', usageRowLimit), true);
		assert.equal(usageShown('auto', usageRowLimit + 1), false);
		assert.equal(usageShown('on', usageRowLimit + 100), true);
		assert.equal(usageShown('off', 5), false);
	});
});

describe('usage: figures and cells', () => {
	it('the first sample of a stream has no CPU figure, the next ones do', () => {
		const [first, second] = busyLoopSamples;
		assert.equal(toUsage(first!).cpu, undefined);
		assert.ok(toUsage(first!).memory! > 0);
		assert.ok(toUsage(second!).cpu! > 50, `busy loop at ${toUsage(second!).cpu}%`);
		assert.equal(toUsage(second!).memoryLimit, 25276026880);
	});

	it('cells: blank when not running, "—" before a figure, then one decimal and compact sizes', () => {
		assert.equal(cpuCell({cpu: 12.345}, 'exited'), '');
		assert.equal(memoryCell({memory: 1}, 'paused'), '');
		assert.equal(cpuCell(undefined, 'running'), '—');
		assert.equal(cpuCell({memory: 5}, 'running'), '—');
		assert.equal(memoryCell(undefined, 'running'), '—');
		assert.equal(cpuCell({cpu: 12.345}, 'running'), '12.3%');
		assert.equal(cpuCell({cpu: 0.04}, 'running'), '0.0%');
		assert.equal(cpuCell({cpu: 1234.5}, 'running'), '1235%');
		assert.equal(memoryCell({memory: 47_500_000, memoryLimit: 2 * 1024 ** 3}, 'running'), '45.3MiB / 2.00GiB');
		assert.equal(memoryCell({memory: 612_000}, 'running'), '598KiB');
	});

	it('sizes keep three figures, so "used / limit" fits its 17 columns', () => {
		assert.equal(compactBytes(512), '512B');
		assert.equal(compactBytes(999 * 1024 * 1024), '999MiB');
		assert.equal(compactBytes(15.54 * 1024 ** 3), '15.5GiB');
		const widest = `${compactBytes(999.4 * 1024 ** 2)} / ${compactBytes(999.4 * 1024 ** 3)}`;
		assert.ok(widest.length <= 17, widest);
	});

	it('a batch replaces figures, null forgets them, and a CPU-less first sample keeps the CPU read before', () => {
		const held = applyReadings({}, {a: {cpu: 40, memory: 10}, b: {cpu: 1, memory: 2}});
		const next = applyReadings(held, {a: {memory: 11}, b: null, c: {memory: 3}});
		assert.deepEqual(next, {a: {cpu: 40, memory: 11}, c: {memory: 3}});
	});

	it('a batch that changes no text on screen changes nothing, so it costs no render', () => {
		const held = applyReadings({}, {a: {cpu: 0.01, memory: 600_000, memoryLimit: 2 ** 31}});
		assert.equal(applyReadings(held, {a: {cpu: 0.02, memory: 600_100, memoryLimit: 2 ** 31}}), held);
		assert.equal(applyReadings(held, {gone: null}), held);
		assert.notEqual(applyReadings(held, {a: {cpu: 0.06, memory: 600_000, memoryLimit: 2 ** 31}}), held);
		let state = containersReducer(initialContainers, {type: 'containers/snapshot', containers: [makeContainer({id: 'a'})]});
		state = containersReducer(state, {type: 'containers/usage', readings: {a: {cpu: 0.01, memory: 600_000}}});
		assert.equal(containersReducer(state, {type: 'containers/usage', readings: {a: {cpu: 0.02, memory: 600_001}}}), state);
		const app = appReducer(initialAppState({endpoint: 'unix:///x', scope: []}), {
			type: 'containers/snapshot',
			containers: [makeContainer({id: 'a'})],
		});
		const withFigures = appReducer(app, {type: 'containers/usage', readings: {a: {cpu: 0.01, memory: 600_000}}});
		assert.equal(appReducer(withFigures, {type: 'containers/usage', readings: {a: {cpu: 0.02, memory: 600_001}}}), withFigures);
	});

	it('the containers reducer keeps figures only for containers that still exist', () => {
		const a = makeContainer({id: 'a'});
		const b = makeContainer({id: 'b'});
		let state = containersReducer(initialContainers, {type: 'containers/snapshot', containers: [a, b]});
		state = containersReducer(state, {type: 'containers/usage', readings: {a: {cpu: 5}, b: {cpu: 7}}});
		state = containersReducer(state, {type: 'containers/remove', id: 'a'});
		assert.deepEqual(state.usage, {b: {cpu: 7}});
		state = containersReducer(state, {type: 'containers/snapshot', containers: [a]});
		assert.deepEqual(state.usage, {});
	});
});

describe('usage: sorting by CPU and memory', () => {
	const idle = makeContainer({id: 'idle', name: 'idle'});
	const busy = makeContainer({id: 'busy', name: 'busy'});
	const fat = makeContainer({id: 'fat', name: 'fat'});
	const off = makeContainer({id: 'off', name: 'aaa-off', state: 'exited'});
	let state = containersReducer(initialContainers, {type: 'containers/snapshot', containers: [idle, busy, fat, off]});
	state = containersReducer(state, {
		type: 'containers/usage',
		readings: {idle: {cpu: 0.1, memory: 1000}, busy: {cpu: 99, memory: 2000}, fat: {cpu: 3, memory: 9000}},
	});
	const names = (key: 'cpu' | 'memory', descending = false) =>
		visibleContainers(state, '', {key, descending}).map((row) => row.name);

	it('busiest first, rows without figures last; O reverses', () => {
		assert.deepEqual(names('cpu'), ['busy', 'fat', 'idle', 'aaa-off']);
		assert.deepEqual(names('memory'), ['fat', 'busy', 'idle', 'aaa-off']);
		assert.deepEqual(names('cpu', true), ['aaa-off', 'idle', 'fat', 'busy']);
		assert.equal(sortArrow('cpu', false), '↓');
	});

	it('a new batch re-sorts a sort by CPU, and leaves another sort as it was (same rows, same array)', () => {
		const byName = {key: 'name' as const, descending: false};
		const cpuBefore = names('cpu');
		const before = visibleContainers(state, '', byName);
		state = containersReducer(state, {type: 'containers/usage', readings: {idle: {cpu: 300}}});
		assert.equal(visibleContainers(state, '', byName), before);
		assert.notDeepEqual(names('cpu'), cpuBefore);
		assert.equal(names('cpu')[0], 'idle');
	});
});
