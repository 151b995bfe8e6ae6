// Rows handed on once they stay on screen (session/settle-rows.ts): the first rows and an empty list at
// once, a change after the others only once nothing else changed for the settle time.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {settleRows, type SettleTimers} from '../../source/session/settle-rows.js';

/** Timers the test fires by hand. */
function handTimers() {
	const pending = new Map<number, () => void>();
	let next = 0;
	const timers: SettleTimers = {
		setTimeout(run) {
			pending.set(++next, run);
			return next;
		},
		clearTimeout(timer) {
			pending.delete(timer as number);
		},
	};
	const fire = () => {
		const runs = [...pending.values()];
		pending.clear();
		for (const run of runs) run();
	};

	return {timers, fire, waiting: () => pending.size};
}

describe('settleRows', () => {
	it('hands on the first rows at once, and a scroll only once the rows stay', () => {
		const {timers, fire, waiting} = handTimers();
		const seen: string[][] = [];
		const rows = settleRows((ids) => seen.push([...ids]), 250, timers);
		rows.show(['a', 'b']);
		assert.deepEqual(seen, [['a', 'b']], 'the first rows at once');

		rows.show(['b', 'c']);
		rows.show(['c', 'd']);
		rows.show(['d', 'e']);
		assert.deepEqual(seen, [['a', 'b']], 'rows scrolled past are not handed on');
		assert.equal(waiting(), 1, 'one change waits, the last');
		fire();
		assert.deepEqual(seen, [
			['a', 'b'],
			['d', 'e'],
		]);
	});

	it('hands on an empty list at once, dropping a change that waited', () => {
		const {timers, fire, waiting} = handTimers();
		const seen: string[][] = [];
		const rows = settleRows((ids) => seen.push([...ids]), 250, timers);
		rows.show(['a']);
		rows.show(['b']);
		rows.show([]);
		assert.deepEqual(seen, [['a'], []]);
		assert.equal(waiting(), 0);
		fire();
		assert.deepEqual(seen, [['a'], []]);
	});

	it('does nothing for rows that came back to what was handed on, and nothing after stop', () => {
		const {timers, fire, waiting} = handTimers();
		const seen: string[][] = [];
		const rows = settleRows((ids) => seen.push([...ids]), 250, timers);
		rows.show(['a']);
		rows.show(['b']);
		rows.show(['a']);
		assert.equal(waiting(), 0, 'back where it was: nothing to hand on');
		rows.show(['c']);
		rows.stop();
		fire();
		assert.deepEqual(seen, [['a']]);
	});
});
