// The flood bench's split of a key's time (bench/flood-keys.ts splitKeys): bench/key-reader.mjs' written and
// shown times set beside bench/key-trace.mjs' record of the tool's reads and writes.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {slowestSplits, splitKeys} from '../../bench/flood-keys.js';

const read = (at: number, cpu: number) => ({at, kind: 'read' as const, cpu});
const shown = (at: number, cpu: number) => ({at, kind: 'shown' as const, cpu});

describe('splitKeys', () => {
	it('splits each press at the first read after it and the first write after that read that showed it', () => {
		const splits = splitKeys(
			[
				[1000, 1090],
				[2000, 2030],
			],
			[
				// A flood frame that showed the toggle before the key was read is not the key's frame.
				shown(990, 40),
				read(1060, 50),
				shown(1085, 53),
				shown(1300, 60),
				// A clock read in another process may be a fraction of a millisecond early.
				read(1999.5, 70),
				shown(2020, 78),
			],
		);
		assert.deepEqual(splits, [
			{total: 90, waited: 60, drawn: 25, cpu: 3},
			{total: 30, waited: 0, drawn: 20.5, cpu: 8},
		]);
	});

	it('leaves out a press never shown, or whose frame the trace does not have before it was seen', () => {
		const splits = splitKeys(
			[
				[1000, null],
				[2000, 2040],
				[3000, 3050],
			],
			[read(1010, 1), shown(1020, 2), read(2010, 3), shown(2100, 4), read(3010, 5), shown(3040, 6)],
		);
		assert.deepEqual(splits, [{total: 50, waited: 10, drawn: 30, cpu: 1}]);
	});

	it("gives the draw's time on the run queue when the trace has the main thread's schedstat at both ends", () => {
		const splits = splitKeys(
			[
				[1000, 1100],
				[2000, 2030],
			],
			[
				{...read(1005, 10), queued: 400},
				{...shown(1095, 19), queued: 480},
				// A trace without schedstat (not Linux) gives no run-queue figure.
				read(2005, 30),
				shown(2025, 33),
			],
		);
		assert.deepEqual(splits, [
			{total: 100, waited: 5, drawn: 90, cpu: 9, queued: 80},
			{total: 30, waited: 5, drawn: 20, cpu: 3},
		]);
	});
});

describe('slowestSplits', () => {
	it('prints the slowest tenth, slowest first, each part in the same order', () => {
		const splits = Array.from({length: 20}, (_, index) => ({total: index + 10, waited: index, drawn: 10, cpu: index % 3}));
		assert.equal(
			slowestSplits(splits),
			'the slowest 2 of 20 took 29/28 ms: waited to be read 19/18 ms, then drawn in 10/10 ms using 1/0 ms of CPU',
		);
	});

	it('adds how long each draw waited on the run queue when every slowest press has it', () => {
		const splits = [
			{total: 120, waited: 10, drawn: 105, cpu: 9, queued: 92},
			{total: 20, waited: 2, drawn: 17, cpu: 3, queued: 1},
		];
		assert.equal(
			slowestSplits(splits),
			'the slowest 1 of 2 took 120 ms: waited to be read 10 ms, then drawn in 105 ms using 9 ms of CPU, runnable but not running for 92 ms of the draw (on the run queue)',
		);
	});
});
