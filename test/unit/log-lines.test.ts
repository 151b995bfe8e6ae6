// Line splitting, the timestamp prefix, cleaning for the screen, search and interleaving by time.
import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {createLineSplitter} from '../../source/state/core/line-splitter.js';
import {cleanText, interleave, orderBatch, parseLogLine, styledText, type LogLine} from '../../source/state/logs/log-lines.js';
import {loadRegexEngine} from '../../source/hooks/regex-engine.js';
import {compileSearch} from '../../source/state/logs/log-search.js';

const at = (second: number, nano = 0) => `2026-11-23T18:00:${String(second).padStart(2, '0')}.${String(nano).padStart(9, '0')}Z`;
const line = (source: string, ts: string, text = `${source}@${ts}`): LogLine => ({
	source,
	stream: 'stdout',
	ts,
	time: Date.parse(ts),
	text,
});

describe('createLineSplitter', () => {
	it('keeps a partial line until its newline arrives, and drops \\r of \\r\\n', () => {
		const split = createLineSplitter();
		assert.deepEqual(split.push('one\ntw'), ['one']);
		assert.deepEqual(split.push('o\r'), []);
		assert.deepEqual(split.push('\nthree\r\n\n'), ['two', 'three', '']);
		assert.deepEqual(split.push('tail'), []);
		assert.deepEqual(split.flush(), ['tail']);
		assert.deepEqual(split.flush(), []);
	});

	it('gives the same lines however the text is cut', () => {
		const text = 'alpha\r\nbeta\n\ngamma\r\n';
		for (let cut = 0; cut <= text.length; cut++) {
			const split = createLineSplitter();
			assert.deepEqual(
				[...split.push(text.slice(0, cut)), ...split.push(text.slice(cut)), ...split.flush()],
				['alpha', 'beta', '', 'gamma'],
			);
		}
	});
});

describe('parseLogLine and cleanText', () => {
	it('reads the engine timestamp prefix', () => {
		const parsed = parseLogLine(`${at(7, 123_456_789)} hello world`, 'c', 'stderr');
		assert.equal(parsed.ts, at(7, 123_456_789));
		assert.equal(parsed.time, Date.parse('2026-11-23T18:00:07.123Z'));
		assert.equal(parsed.text, 'hello world');
		assert.equal(parsed.stream, 'stderr');
	});

	it('keeps a line without a timestamp whole', () => {
		const parsed = parseLogLine('no stamp here', 'c', 'stdout');
		assert.equal(parsed.ts, '');
		assert.ok(Number.isNaN(parsed.time));
		assert.equal(parsed.text, 'no stamp here');
	});

	it('strips colours cleanly, keeps what a \\r overwrite leaves, and expands tabs', () => {
		assert.equal(cleanText('\u001B[1;31mred\u001B[0m text'), 'red text');
		assert.equal(cleanText('10%\r50%\r100% done'), '100% done');
		assert.equal(cleanText('a\tb'), 'a    b');
		assert.equal(cleanText('bell\u0007 and nul\u0000'), 'bell and nul');
	});
});

describe('compileSearch', () => {
	before(loadRegexEngine);

	it('matches plain text case-insensitively unless the query has a capital', () => {
		const lower = compileSearch({text: 'error', regex: false});
		assert.ok(lower?.ok);
		assert.ok(lower.test('an ERROR here'));
		const upper = compileSearch({text: 'Error', regex: false});
		assert.ok(upper?.ok);
		assert.ok(!upper.test('an ERROR here'));
		assert.ok(upper.test('an Error here'));
	});

	it('takes regex characters literally in plain mode', () => {
		const plain = compileSearch({text: 'a.b(', regex: false});
		assert.ok(plain?.ok);
		assert.ok(plain.test('x a.b( y'));
		assert.ok(!plain.test('axb('));
	});

	it('finds every match range, and survives patterns that match empty', () => {
		const regex = compileSearch({text: 'o+', regex: true});
		assert.ok(regex?.ok);
		assert.deepEqual(regex.ranges('foo boo o'), [
			[1, 3],
			[5, 7],
			[8, 9],
		]);
		const empty = compileSearch({text: 'x*', regex: true});
		assert.ok(empty?.ok);
		assert.deepEqual(empty.ranges('abc'), []);
	});

	it('reports an invalid regular expression as a message, not an exception', () => {
		const bad = compileSearch({text: 'foo(', regex: true});
		assert.ok(bad && !bad.ok);
		assert.match(bad.error, /^Invalid regular expression: .*(Unterminated group|missing closing \))/);
		assert.ok(compileSearch({text: 'foo(', regex: false})?.ok, 'the same text is fine as plain text');
	});

	it('has nothing to search for when empty', () => {
		assert.equal(compileSearch({text: '', regex: true}), undefined);
	});
});

describe('interleave', () => {
	it('merges streams by timestamp, keeping each stream in order and ties in input order', () => {
		const a = [line('a', at(1)), line('a', at(3)), line('a', at(3, 5))];
		const b = [line('b', at(2)), line('b', at(3)), line('b', at(9))];
		assert.deepEqual(
			interleave([a, b]).map((l) => l.text),
			[`a@${at(1)}`, `b@${at(2)}`, `a@${at(3)}`, `b@${at(3)}`, `a@${at(3, 5)}`, `b@${at(9)}`],
		);
	});

	it('keeps lines without timestamps after the line before them', () => {
		const a = [line('a', at(1)), line('a', '', 'untimed'), line('a', at(5))];
		const b = [line('b', at(2))];
		assert.deepEqual(
			interleave([a, b]).map((l) => l.text),
			[`a@${at(1)}`, 'untimed', `b@${at(2)}`, `a@${at(5)}`],
		);
	});

	it('orders a mixed batch by time but leaves a single source untouched', () => {
		const batch = [line('a', at(4)), line('b', at(1)), line('a', at(6)), line('b', at(5))];
		assert.deepEqual(
			orderBatch(batch).map((l) => l.source + l.ts.slice(17, 19)),
			['b01', 'a04', 'b05', 'a06'],
		);
		const single = [line('a', at(4)), line('a', at(1))];
		assert.deepEqual(orderBatch(single), single);
	});
});

describe('styledText', () => {
	it('keeps SGR colours, drops every other sequence and control, and ends in a reset', () => {
		const raw = 'a\u001B[1;31mred\u001B[0m b\u001B]52;c;aGVsbG8=\u0007c\u009B2Jd\u001B[2Je\u0007';
		assert.equal(styledText(raw), 'a\u001B[1;31mred\u001B[0m bcde\u001B[0m');
		assert.equal(parseLogLine(`2026-11-23T18:00:01Z ${raw}`, 'c', 'stdout').text, 'ared bcde');
	});

	it('gives nothing for a line without colours, so plain lines carry no second copy', () => {
		assert.equal(styledText('plain \u001B[2J text'), undefined);
		assert.equal(parseLogLine('2026-11-23T18:00:01Z plain', 'c', 'stdout').styled, undefined);
	});

	it('keeps only what follows the last carriage return, as a terminal would', () => {
		assert.equal(styledText('50%\r\u001B[32m100%\u001B[0m'), '\u001B[32m100%\u001B[0m\u001B[0m');
	});
});
