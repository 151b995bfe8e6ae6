// The logs pane's exactness without an engine (issue 11): the engine's timestamps compared at full
// precision, the merge of several containers, the de-duplication of a read-back, and gap bookkeeping.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {RingBuffer} from '../../source/state/core/ring-buffer.js';
import {capBatch, gapFill, gapLine, gapText} from '../../source/state/logs/log-gaps.js';
import {
	advanceMark,
	createSeenFilter,
	fullTs,
	orderBatch,
	parseLogLine,
	releasable,
	type LogLine,
} from '../../source/state/logs/log-lines.js';
import {logsReducer, initialLogs, type LogsState} from '../../source/state/logs/logs.js';
import {shouldJump, skippedEstimate} from '../../source/docker/streams/logs.js';

/** A line as the engine sends it: its timestamp with trailing zeros of the fraction trimmed. */
const raw = (source: string, ts: string, text: string, stream: 'stdout' | 'stderr' = 'stdout') =>
	parseLogLine(`${ts} ${text}`, source, stream);
const texts = (lines: readonly LogLine[]) => lines.map((line) => line.text);

describe('full-precision timestamps', () => {
	it('pads the fraction to nanoseconds, so strings compare in time order', () => {
		assert.equal(fullTs('2026-11-23T18:09:37.12Z'), '2026-11-23T18:09:37.120000000Z');
		assert.equal(fullTs('2026-11-23T18:09:37Z'), '2026-11-23T18:09:37.000000000Z');
		assert.equal(fullTs('2026-11-23T18:09:37.123456789Z'), '2026-11-23T18:09:37.123456789Z');
		assert.equal(raw('a', '2026-11-23T18:09:37.12Z', 'x').ts, '2026-11-23T18:09:37.120000000Z');
	});
});

describe('merging several containers', () => {
	it('orders by the full timestamp, not by the trimmed string (.12 is before .123)', () => {
		const batch = [raw('b', '2026-11-23T18:09:37.123Z', 'b-later'), raw('a', '2026-11-23T18:09:37.12Z', 'a-earlier')];
		assert.deepEqual(texts(orderBatch(batch)), ['a-earlier', 'b-later']);
	});

	it('breaks equal timestamps by arrival, never by container or stream', () => {
		const t = '2026-11-23T18:09:37.5Z';
		const batch = [
			raw('a', '2026-11-23T18:09:37.1Z', 'a-1'),
			raw('b', t, 'b-tie', 'stderr'),
			raw('a', t, 'a-tie'),
			raw('b', '2026-11-23T18:09:38Z', 'b-2'),
		];
		assert.deepEqual(texts(orderBatch(batch)), ['a-1', 'b-tie', 'a-tie', 'b-2']);
	});

	it("keeps one container's lines in the order its stream delivered them, stderr included", () => {
		// The engine stamps stdout and stderr in separate goroutines: its order need not be time order.
		const batch = [
			raw('a', '2026-11-23T18:09:37.2Z', 'OUT-1'),
			raw('a', '2026-11-23T18:09:37.1Z', 'ERR', 'stderr'),
			raw('b', '2026-11-23T18:09:37.15Z', 'b'),
			raw('a', '2026-11-23T18:09:37.3Z', 'OUT-2'),
		];
		const merged = texts(orderBatch(batch));
		assert.deepEqual(
			merged.filter((text) => text !== 'b'),
			['OUT-1', 'ERR', 'OUT-2'],
		);
		assert.deepEqual(texts(orderBatch(batch.filter((line) => line.source === 'a'))), ['OUT-1', 'ERR', 'OUT-2']);
	});
});

describe('holding lines of several containers until they fall into place', () => {
	it('shows what no container can still precede, and what waited long enough', () => {
		const merged = [
			raw('a', '2026-11-23T18:09:37.1Z', 'a1'),
			raw('b', '2026-11-23T18:09:37.2Z', 'b2'),
			raw('a', '2026-11-23T18:09:37.3Z', 'a3'),
		];
		assert.equal(
			releasable(merged, fullTs('2026-11-23T18:09:37.2Z'), () => false),
			2,
		);
		assert.equal(
			releasable(merged, undefined, () => false),
			0,
			'a container that has said nothing yet holds all',
		);
		assert.equal(
			releasable(merged, undefined, (line) => line.text !== 'a3'),
			2,
			'until they waited long enough',
		);
	});
});

describe('de-duplicating a read from the last timestamp', () => {
	const t1 = '2026-11-23T18:09:37.1Z';
	const t2 = '2026-11-23T18:09:37.2Z';
	const read = [
		raw('a', t1, 'old'),
		raw('a', t2, 'same-1'),
		raw('a', t2, 'same-2'),
		raw('a', t2, 'same-3'),
		raw('a', '2026-11-23T18:09:38Z', 'new'),
	];

	it('drops older lines and as many at the mark as were already seen', () => {
		const mark = advanceMark(undefined, [raw('a', t1, 'old'), raw('a', t2, 'same-1')]);
		assert.deepEqual(mark, {ts: fullTs(t2), count: 1});
		assert.deepEqual(texts(createSeenFilter(mark)(read)), ['same-2', 'same-3', 'new']);
		assert.deepEqual(texts(createSeenFilter(advanceMark(mark, [read[2]!]))(read)), ['same-3', 'new']);
		assert.deepEqual(texts(createSeenFilter(undefined)(read)), texts(read));
	});

	it('never trims a later batch once a new line has passed', () => {
		const filter = createSeenFilter({ts: fullTs(t2), count: 1});
		assert.deepEqual(texts(filter(read.slice(0, 3))), ['same-2']);
		assert.deepEqual(texts(filter([raw('a', t2, 'same-3')])), ['same-3'], 'same time, but after the mark');
	});

	it('moves the mark past gap rows without counting them', () => {
		const gap = gapLine('a', {reason: 'skipped', count: 3, from: fullTs(t1), to: fullTs(t2)});
		assert.deepEqual(advanceMark({ts: fullTs(t1), count: 2}, [gap]), {ts: fullTs(t1), count: 2});
	});
});

describe('gap rows', () => {
	const at = (n: number) =>
		`2026-11-23T12:01:${String(3 + Math.floor(n / 1000)).padStart(2, '0')}.${String(n % 1000).padStart(3, '0')}Z`;
	const lines = (source: string, from: number, count: number) =>
		Array.from({length: count}, (_, index) => raw(source, at(from + index), `${source} ${from + index}`));

	it('say the exact count and time range, or that the count is estimated or unknown', () => {
		assert.equal(
			gapText({reason: 'skipped', count: 31_944, from: fullTs(at(120)), to: fullTs(at(6877))}),
			'31,944 lines skipped 12:01:03.120–12:01:09.877',
		);
		assert.match(gapText({reason: 'skipped', estimate: 50, from: '', to: ''}), /^~50 lines \(estimated\) skipped/);
		assert.match(gapText({reason: 'skipped', from: fullTs(at(1)), to: fullTs(at(2))}), /^an unknown number of lines skipped/);
	});

	it('fold what a frame could not hold into one exact gap row per container, at the front', () => {
		const batch = [...lines('a', 0, 6), ...lines('b', 0, 2), ...lines('a', 6, 4)];
		const capped = capBatch(batch, 6);
		assert.equal(capped.length, 6);
		assert.deepEqual(
			capped.map((line) => (line.gap ? `${line.source}:gap ${line.gap.count}` : line.text)),
			['a:gap 6', 'b:gap 2', 'a 6', 'a 7', 'a 8', 'a 9'],
		);
		assert.equal(capped[0]!.gap!.from, fullTs(at(0)));
		assert.equal(capped[0]!.gap!.to, fullTs(at(5)));
		// A gap folded again adds its count.
		const again = capBatch([...capped, ...lines('a', 10, 5)], 6);
		assert.equal(again[0]!.gap!.count, 6 + 5);
	});

	it('are replaced by the fetched lines in place, what comes after keeping its place', () => {
		let state: LogsState = {...initialLogs(10), targets: ['a'], pageSize: 1};
		const gap = gapLine('a', {reason: 'skipped', count: 3, from: fullTs(at(2)), to: fullTs(at(6))});
		state = logsReducer(state, {type: 'logs/append', lines: [...lines('a', 0, 3), gap, ...lines('a', 6, 2)]});
		state = logsReducer(state, {type: 'logs/scroll', by: -1});
		assert.equal(state.buffer.at(state.top)!.text, 'a 6', 'paused on the line after the gap');
		state = logsReducer(state, {type: 'logs/fill', seq: 3, gap, lines: lines('a', 3, 3)});
		assert.deepEqual(texts(state.buffer.slice()), ['a 0', 'a 1', 'a 2', 'a 3', 'a 4', 'a 5', 'a 6', 'a 7']);
		assert.equal(state.buffer.at(state.top)!.text, 'a 6', 'still on it');
	});

	it('keep the buffer within its cap when a fill is larger than the room', () => {
		const ring = new RingBuffer<string>(5);
		ring.pushAll(['a', 'gap', 'z']);
		ring.replace(1, ['b', 'c', 'd', 'e']);
		assert.deepEqual(ring.slice(), ['b', 'c', 'd', 'e', 'z']);
		assert.equal(ring.first, 1);
		assert.equal(ring.evicted, 1);
	});

	it('are fetched from the line before to the line after, both left out again, exactly counted', () => {
		const ring = new RingBuffer<LogLine>(10);
		const gap = gapLine('a', {reason: 'skipped', from: fullTs(at(2)), to: fullTs(at(6))});
		ring.pushAll([...lines('a', 0, 3), raw('b', at(4), 'b 4'), gap, ...lines('a', 6, 2)]);
		const plan = gapFill(ring, 4, ring.capacity);
		assert.equal(plan.since, fullTs(at(2)));
		assert.equal(plan.until, fullTs(at(6)));
		// The engine answers inclusively at both ends: a 2 and a 6 are held already.
		assert.deepEqual(texts(plan.place(lines('a', 2, 5))), ['a 3', 'a 4', 'a 5']);
	});

	it('stay, smaller and exactly counted, for what the cap has no room for', () => {
		const ring = new RingBuffer<LogLine>(4);
		const gap = gapLine('a', {reason: 'skipped', from: fullTs(at(0)), to: fullTs(at(10))});
		ring.pushAll([...lines('a', 0, 1), gap, ...lines('a', 10, 2)]);
		const placed = gapFill(ring, 1, ring.capacity).place(lines('a', 0, 11));
		assert.equal(placed.length, 2, 'the cap leaves room for two rows: a smaller gap and the newest line fetched');
		assert.equal(placed[0]!.gap!.count, 8);
		assert.equal(placed[0]!.gap!.from, fullTs(at(1)));
		assert.equal(placed[0]!.gap!.to, fullTs(at(8)));
		assert.equal(placed[1]!.text, 'a 9');
	});

	it('count a read of any size exactly, holding no more lines than the room at a time', () => {
		const ring = new RingBuffer<LogLine>(5);
		const gap = gapLine('a', {reason: 'skipped', from: fullTs(at(0)), to: fullTs(at(3000))});
		ring.pushAll([...lines('a', 0, 1), gap, ...lines('a', 3000, 2)]);
		const plan = gapFill(ring, 1, ring.capacity);
		for (const line of lines('a', 0, 3001)) plan.push([line]);
		const placed = plan.finish();
		assert.deepEqual(
			placed.map((line) => (line.gap ? `gap ${line.gap.count}` : line.text)),
			['gap 2997', 'a 2998', 'a 2999'],
		);
	});
});

describe("a jump ahead's estimate of the lines it passes over", () => {
	it("reads the container's pace from the lines' own times, not from how fast a capped read brought them", () => {
		// 5,000 lines read over 4 s of reading, written within 100 ms of each other: the container writes
		// 50,000 a second, and 2 s behind that is 100,000 lines.
		assert.equal(skippedEstimate(5000, 100, 4000, 2000), 100_000);
	});

	it('falls back to how fast they came when every line has the same time', () => {
		assert.equal(skippedEstimate(3000, 0, 3000, 1000), 1000);
		// Never less than a second of reading to divide by.
		assert.equal(skippedEstimate(500, 0, 200, 1000), 500);
	});
});

describe('when a followed stream jumps ahead to now', () => {
	it('lets a burst through for 2 s, but jumps at once when the stream brings more than it may read', () => {
		assert.equal(shouldJump(800, 1000, false), false, 'a burst, still within its 2 s');
		assert.equal(shouldJump(800, 2000, false), true, 'trailed 2 s');
		assert.equal(shouldJump(800, 0, true), true, 'read at its cap: it only falls further behind');
		assert.equal(shouldJump(700, 5000, true), false, 'never while less than 0.75 s behind');
	});
});
