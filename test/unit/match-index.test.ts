// The logs search spread over steps (issue 12, item 5): each step hands the matcher a bounded number of
// lines and characters, whatever the buffer holds, and the steps together find exactly what one full
// scan would, through appends, lines falling off the front, a gap filled in and a clear.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {RingBuffer} from '../../source/state/core/ring-buffer.js';
import type {LogLine} from '../../source/state/logs/log-lines.js';
import {compileSearch, type Matcher} from '../../source/state/logs/log-search.js';
import {MatchIndex, SEARCH_STEP_CHARS, SEARCH_STEP_LINES} from '../../source/state/logs/match-index.js';
import {appReducer, initialAppState} from '../../source/state/core/app.js';
import {searchMatches, searchPending} from '../../source/state/logs/log-view.js';

const line = (text: string): LogLine => ({source: 'c', stream: 'stdout', ts: '', time: 0, text});
const capped = 16_384;

/** The matcher, counting what it is handed. */
function counting(text: string, regex = false) {
	const matcher = compileSearch({text, regex}) as Extract<Matcher, {ok: true}>;
	const seen = {lines: 0, chars: 0};
	const counted: Extract<Matcher, {ok: true}> = {
		...matcher,
		test(lineText) {
			seen.lines++;
			seen.chars += lineText.length;
			return matcher.test(lineText);
		},
	};
	return {matcher: counted, seen};
}

function fullScan(buffer: RingBuffer<LogLine>, matcher: Extract<Matcher, {ok: true}>): number[] {
	const out: number[] = [];
	for (let seq = buffer.first; seq < buffer.end; seq++) if (matcher.test(buffer.at(seq)!.text)) out.push(seq);
	return out;
}

function drain(index: MatchIndex): number {
	let steps = 0;
	while (!index.complete) {
		index.step();
		steps++;
		assert.ok(steps < 100_000, 'the search ends');
	}

	return steps;
}

describe('match index', () => {
	it('hands the matcher at most one step of characters (plus one line) over a full buffer of capped lines', () => {
		const buffer = new RingBuffer<LogLine>(2000);
		for (let n = 0; n < 2000; n++) buffer.push(line(`${n % 7 === 0 ? 'needle ' : ''}${'x'.repeat(capped)}`));
		const {matcher, seen} = counting('needle');
		const index = new MatchIndex(buffer, matcher);
		let steps = 0;
		while (!index.complete) {
			const before = {...seen};
			const work = index.step();
			steps++;
			assert.equal(seen.lines - before.lines, work.lines);
			assert.equal(seen.chars - before.chars, work.chars);
			assert.ok(work.lines >= 1, 'every step makes progress');
			assert.ok(work.chars <= SEARCH_STEP_CHARS, `a step tested ${work.chars} characters`);
		}

		assert.equal(seen.lines, 2000, 'every line is tested once');
		assert.ok(steps >= Math.floor((2000 * capped) / SEARCH_STEP_CHARS), `${steps} steps`);
		assert.deepEqual(index.seqs, fullScan(buffer, compileSearch({text: 'needle', regex: false}) as never));
	});

	it('tests at most SEARCH_STEP_LINES short lines a step, and finds the newest matches first', () => {
		const buffer = new RingBuffer<LogLine>(20_000);
		for (let n = 0; n < 20_000; n++) buffer.push(line(n % 1000 === 999 ? `hit ${n}` : `line ${n}`));
		const {matcher, seen} = counting('hit');
		const index = new MatchIndex(buffer, matcher);
		const work = index.step();
		assert.equal(work.lines, SEARCH_STEP_LINES);
		assert.equal(seen.lines, SEARCH_STEP_LINES);
		// Backwards from the newest: the last four thousand lines hold the four newest hits.
		assert.deepEqual(index.seqs, [16_999, 17_999, 18_999, 19_999]);
		assert.ok(!index.complete);
		drain(index);
		assert.equal(index.seqs.length, 20);
	});

	it('follows appends, lines falling off the front, a gap filled in and a clear', () => {
		const buffer = new RingBuffer<LogLine>(100);
		const push = (n: number) => buffer.push(line(n % 3 === 0 ? `match ${n}` : `other ${n}`));
		for (let n = 0; n < 60; n++) push(n);
		const matcher = compileSearch({text: 'match', regex: false}) as Extract<Matcher, {ok: true}>;
		const index = new MatchIndex(buffer, matcher);
		index.step({chars: 1000, lines: 10});
		for (let n = 60; n < 150; n++) push(n);
		drain(index);
		assert.deepEqual(index.seqs, fullScan(buffer, matcher));

		buffer.replace(buffer.first + 10, [line('match a'), line('match b'), line('plain')]);
		assert.ok(!index.complete, 'a rewrite starts the search over');
		drain(index);
		assert.deepEqual(index.seqs, fullScan(buffer, matcher));

		buffer.clear();
		assert.deepEqual(index.seqs, []);
		assert.ok(index.complete);
		push(300);
		drain(index);
		assert.deepEqual(index.seqs, [buffer.first]);
	});

	it('advances one step per state: a searchStep action moves it on, a re-read of the same state does not', () => {
		let state = initialAppState({endpoint: 'unix:///var/run/docker.sock', scope: []});
		const lines = Array.from({length: 2 * SEARCH_STEP_LINES}, (_, n) => line(n === 0 ? 'first needle' : `line ${n}`));
		state = appReducer(state, {type: 'logs/append', lines});
		state = appReducer(state, {type: 'logs/search', text: 'needle'});
		assert.deepEqual(searchMatches(state.logs), []);
		assert.equal(searchPending(state.logs), SEARCH_STEP_LINES);
		assert.equal(searchPending(state.logs), SEARCH_STEP_LINES, 'reading again does no more work');
		state = appReducer(state, {type: 'logs/searchStep'});
		assert.equal(searchPending(state.logs), 0);
		assert.deepEqual(searchMatches(state.logs), [0]);
	});
});
