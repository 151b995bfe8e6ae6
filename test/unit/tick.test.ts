// The shared tick of relative texts: when the clock next wakes for the visible rows, that wakes sit on a
// 1-second grid for texts counting seconds and a 15-second grid otherwise, and whether a tick changes anything.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {coarseTick, fineTick, nextWake, tickChanges} from '../../source/state/core/tick.js';
import {textChanges} from '../../source/state/containers/status.js';
import {nextRowWake, relativeTexts} from '../../source/state/containers/view.js';
import {makeContainer, NOW, seededRandom} from '../helpers/fixtures.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('nextWake', () => {
	it('rounds a seconds-counting change up to the next whole second, a coarser one to the 15-second grid', () => {
		assert.equal(NOW % coarseTick, 0);
		assert.equal(nextWake(NOW, [{at: NOW + 300, fine: true}]), NOW + fineTick);
		assert.equal(nextWake(NOW, [{at: NOW + 20_000, fine: false}]), NOW + 30_000);
		assert.equal(nextWake(NOW, [{at: NOW + 15_000, fine: false}]), NOW + 15_000);
		assert.equal(
			nextWake(NOW, [
				{at: NOW + 20_000, fine: false},
				{at: NOW + 2500, fine: true},
			]),
			NOW + 3000,
		);
	});

	it('is Infinity with nothing visible, and never at or before now', () => {
		assert.equal(nextWake(NOW, []), Number.POSITIVE_INFINITY);
		assert.equal(nextWake(NOW + 1000, [{at: NOW + 1000, fine: true}]), NOW + 1001);
	});

	it('wakes a screen of 45 minute-old rows started at scattered moments at most 4 times a minute, each wake changing a text', () => {
		const random = seededRandom(13);
		const rows = Array.from({length: 45}, () =>
			makeContainer({startedAt: NOW - 3 * MINUTE - Math.floor(random() * 5 * MINUTE), createdAt: NOW - 20 * MINUTE}),
		);
		let now = NOW;
		let wakes = 0;
		for (;;) {
			const wake = nextRowWake(rows, now);
			if (wake > NOW + 10 * MINUTE) break;
			assert.equal(wake % coarseTick, 0, `wake ${wake - NOW} ms is on the 15 s grid`);
			// No text waits more than one grid step past its change.
			for (const row of rows)
				for (const change of textChanges(row, now)) if (change.at < wake) assert.ok(wake - change.at <= coarseTick);
			assert.ok(tickChanges(relativeTexts(rows, now, 'relative'), relativeTexts(rows, wake, 'relative')));
			now = wake;
			wakes++;
		}

		assert.ok(wakes <= 40, `${wakes} wakes in 10 minutes`);
		// Without the grid each row's "Up N minutes" would wake the clock on its own minute: 45 a minute.
		assert.ok(wakes >= 10, `${wakes} wakes: the minutes still advance`);
	});

	it('redraws a container under a minute old on every whole second', () => {
		const rows = [makeContainer({startedAt: NOW - 20 * SECOND - 400, createdAt: NOW - 20 * SECOND - 400})];
		let now = NOW + 123;
		for (let step = 0; step < 5; step++) {
			const wake = nextRowWake(rows, now);
			assert.equal(wake % fineTick, 0);
			assert.ok(wake - now <= fineTick);
			now = wake;
		}
	});
});

describe('tickChanges', () => {
	it('is false when every visible text reads the same, true when one differs', () => {
		assert.equal(tickChanges(['Up 3 minutes', '20m ago'], ['Up 3 minutes', '20m ago']), false);
		assert.equal(tickChanges(['Up 3 minutes', '20m ago'], ['Up 4 minutes', '20m ago']), true);
		assert.equal(tickChanges(['Up 3 minutes'], []), true);
	});

	it('sees no change between two moments that only absolute formats would show', () => {
		const rows = [makeContainer({startedAt: NOW - 3 * MINUTE - 500})];
		assert.equal(tickChanges(relativeTexts(rows, NOW, 'iso'), relativeTexts(rows, NOW + 5 * MINUTE, 'iso')), false);
		assert.equal(tickChanges(relativeTexts(rows, NOW, 'relative'), relativeTexts(rows, NOW + MINUTE, 'relative')), true);
	});
});
