// What the logs pane shows, derived from its state: the lines in view (all, or the search's matches in
// filter mode), the matches and where the person is among them, and the rows that fit on screen.
import type {LogLine} from './log-lines.js';
import {compileSearch, regexEngineReady, type Matcher} from './log-search.js';
import {MatchIndex} from './match-index.js';
import type {LogsState} from './log-types.js';
import type {RingBuffer} from '../core/ring-buffer.js';

/** The sequence numbers in view, indexable without copying the whole buffer when nothing is filtered. */
export type LogViewList = {
	readonly length: number;
	readonly at: (index: number) => number | undefined;
	/** Index of the first line at or after `seq` (length if none). */
	readonly indexAtOrAfter: (seq: number) => number;
};

type ViewInput = Pick<LogsState, 'buffer' | 'revision' | 'searchTick' | 'search' | 'regex' | 'filterMode'>;

let matcherMemo: {text: string; regex: boolean; ready: boolean; matcher: Matcher | undefined} | undefined;

export function logMatcher(state: Pick<LogsState, 'search' | 'regex'>): Matcher | undefined {
	// A regex search asked for before RE2 was loaded is compiled again once it is.
	const ready = regexEngineReady();
	if (matcherMemo?.text !== state.search || matcherMemo.regex !== state.regex || matcherMemo.ready !== ready) {
		const matcher = compileSearch({text: state.search, regex: state.regex});
		matcherMemo = {text: state.search, regex: state.regex, ready, matcher};
	}

	return matcherMemo.matcher;
}

let indexMemo: {index: MatchIndex; stepped: string} | undefined;

/**
 * The search's index over the buffer, advanced by one bounded step per state (a new revision of the
 * buffer, or a `logs/searchStep` tick): a search over a full buffer of long lines is spread over frames.
 */
function matchIndex(state: ViewInput): MatchIndex | undefined {
	const matcher = logMatcher(state);
	if (!matcher?.ok) {
		indexMemo = undefined;
		return undefined;
	}

	if (indexMemo?.index.buffer !== state.buffer || indexMemo.index.matcher !== matcher) {
		indexMemo = {index: new MatchIndex(state.buffer, matcher), stepped: ''};
	}

	const key = `${state.revision}:${state.searchTick}`;
	if (indexMemo.stepped !== key) {
		indexMemo.stepped = key;
		indexMemo.index.step();
	}

	return indexMemo.index;
}

/** Sequence numbers of the buffered lines the search matches, oldest first: those found so far. */
export function searchMatches(state: ViewInput): readonly number[] {
	return matchIndex(state)?.seqs ?? [];
}

/** Lines the search has still to test; 0 when it has tested every line held (or there is no search). */
export function searchPending(state: ViewInput): number {
	return matchIndex(state)?.pending ?? 0;
}

let gapsMemo: {buffer: RingBuffer<LogLine>; revision: number; seqs: number[]} | undefined;

/** Sequence numbers of the gap rows held, oldest first. */
export function gapSeqs(state: Pick<LogsState, 'buffer' | 'revision'>): readonly number[] {
	if (gapsMemo?.buffer === state.buffer && gapsMemo.revision === state.revision) return gapsMemo.seqs;
	const seqs: number[] = [];
	const {buffer} = state;
	for (let seq = buffer.first; seq < buffer.end; seq++) if (buffer.at(seq)!.gap) seqs.push(seq);
	gapsMemo = {buffer, revision: state.revision, seqs};
	return seqs;
}

function firstAtOrAfter(seqs: readonly number[], seq: number): number {
	let low = 0;
	let high = seqs.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (seqs[mid]! < seq) low = mid + 1;
		else high = mid;
	}

	return low;
}

export function logView(state: ViewInput): LogViewList {
	const matcher = logMatcher(state);
	if (state.filterMode && matcher?.ok) {
		const seqs = searchMatches(state);
		return {length: seqs.length, at: (index) => seqs[index], indexAtOrAfter: (seq) => firstAtOrAfter(seqs, seq)};
	}

	const {first, size} = state.buffer;
	return {
		length: size,
		at: (index) => (index >= 0 && index < size ? first + index : undefined),
		indexAtOrAfter: (seq) => Math.max(0, Math.min(size, seq - first)),
	};
}

/** The lines held span more than one calendar day (UTC), so times alone would be ambiguous. */
export function spansDays(buffer: RingBuffer<LogLine>): boolean {
	let first: string | undefined;
	let last: string | undefined;
	for (let seq = buffer.first; seq < buffer.end && first === undefined; seq++) first = buffer.at(seq)!.ts || undefined;
	for (let seq = buffer.end - 1; seq >= buffer.first && last === undefined; seq--) last = buffer.at(seq)!.ts || undefined;
	return first !== undefined && last !== undefined && first.slice(0, 10) !== last.slice(0, 10);
}

export type ShownLine = {readonly seq: number; readonly line: LogLine};

/** Rows a line takes at this width. */
const rowsFor = (line: LogLine, width: number, wrap: boolean) =>
	wrap ? Math.max(1, Math.ceil(line.text.length / Math.max(1, width))) : 1;

/**
 * The lines that fit in `rows`: the newest when following, else from the paused top down. `width`
 * is the room left for text after prefixes, for wrapped lines.
 */
export function shownLines(state: LogsState, rows: number, width: number): ShownLine[] {
	const view = logView(state);
	const out: ShownLine[] = [];
	let used = 0;
	if (state.follow) {
		for (let index = view.length - 1; index >= 0 && used < rows; index--) {
			const seq = view.at(index)!;
			const line = state.buffer.at(seq)!;
			used += rowsFor(line, width, state.wrap);
			if (used > rows && out.length > 0) break;
			out.push({seq, line});
		}

		return out.reverse();
	}

	// Near the end a paused view still fills the pane, as a pager does at the end of a file.
	const start = Math.min(view.indexAtOrAfter(state.top), Math.max(0, view.length - rows));
	for (let index = start; index < view.length && used < rows; index++) {
		const seq = view.at(index)!;
		const line = state.buffer.at(seq)!;
		used += rowsFor(line, width, state.wrap);
		if (used > rows && out.length > 0) break;
		out.push({seq, line});
	}

	return out;
}

/** "3/57": the current match's place among all matches; 0 when not on one. */
export function matchPosition(state: LogsState): {readonly index: number; readonly total: number} {
	const seqs = searchMatches(state);
	const index = state.current === undefined ? -1 : seqs.indexOf(state.current);
	return {index: index + 1, total: seqs.length};
}
