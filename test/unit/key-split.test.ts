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
});

describe('slowestSplits', () => {
	it('prints the slowest tenth, slowest first, each part in the same order', () => {
		const splits = Array.from({length: 20}, (_, index) => ({total: index + 10, waited: index, drawn: 10, cpu: index % 3}));
		assert.equal(
			slowestSplits(splits),
			'the slowest 2 of 20 took 29/28 ms: waited to be read 19/18 ms, then drawn in 10/10 ms using 1/0 ms of CPU',
		);
	});
});
