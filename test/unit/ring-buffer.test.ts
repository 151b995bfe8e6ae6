import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {RingBuffer} from '../../source/state/core/ring-buffer.js';

describe('RingBuffer', () => {
	it('holds at most its capacity, dropping the oldest, and numbers items for ever', () => {
		const ring = new RingBuffer<number>(3);
		for (let n = 0; n < 5; n++) ring.push(n);
		assert.equal(ring.size, 3);
		assert.deepEqual(ring.slice(), [2, 3, 4]);
		assert.equal(ring.first, 2);
		assert.equal(ring.end, 5);
		assert.equal(ring.evicted, 2);
		assert.equal(ring.at(1), undefined);
		assert.equal(ring.at(4), 4);
		assert.equal(ring.at(5), undefined);
	});

	it('pushAll of more than the capacity keeps the newest, with the numbers they would have had', () => {
		const ring = new RingBuffer<number>(4);
		ring.pushAll([0, 1]);
		ring.pushAll([2, 3, 4, 5, 6, 7, 8, 9]);
		assert.deepEqual(ring.slice(), [6, 7, 8, 9]);
		assert.equal(ring.first, 6);
		assert.equal(ring.at(9), 9);
		assert.equal(ring.evicted, 6);
	});

	it('matches one-by-one pushes for any batch size', () => {
		for (let batch = 1; batch <= 12; batch++) {
			const a = new RingBuffer<number>(5);
			const b = new RingBuffer<number>(5);
			const items = Array.from({length: 23}, (_, n) => n);
			for (const n of items) a.push(n);
			for (let at = 0; at < items.length; at += batch) b.pushAll(items.slice(at, at + batch));
			assert.deepEqual(b.slice(), a.slice(), `batch ${batch}`);
			assert.equal(b.first, a.first);
		}
	});

	it('clear empties it but numbering carries on', () => {
		const ring = new RingBuffer<string>(3);
		ring.pushAll(['a', 'b']);
		ring.clear();
		assert.equal(ring.size, 0);
		assert.deepEqual(ring.slice(), []);
		ring.push('c');
		assert.equal(ring.first, 2);
		assert.equal(ring.at(2), 'c');
	});

	it('stays bounded through a million pushes', () => {
		const ring = new RingBuffer<number>(10_000);
		for (let n = 0; n < 1_000_000; n++) ring.push(n);
		assert.equal(ring.size, 10_000);
		assert.equal(ring.at(999_999), 999_999);
		assert.equal(ring.at(989_999), undefined);
	});

	it('refuses a capacity below one', () => {
		assert.throws(() => new RingBuffer(0), RangeError);
	});
});
