// Search over the details panel's text (inspect, raw JSON, env, top, diff, a resource's panel): the lines
// the panel shows are reported to the state, and matched with the logs pane's matcher (logs/log-search.ts),
// so the two searches read a query the same way (plain text, smart case).
import type {InfoLine} from './container-info.js';
import {compileSearch, type Range} from '../logs/log-search.js';

export type DetailsMatches = {
	/** Indexes of the lines that match, top to bottom. */
	readonly lines: readonly number[];
	/** The highlighted ranges of each matching line. */
	readonly ranges: ReadonlyMap<number, readonly Range[]>;
	readonly error?: string;
};

const none: DetailsMatches = {lines: [], ranges: new Map()};

let memo: {lines: readonly InfoLine[]; query: string; out: DetailsMatches} | undefined;

/** Every match of `query` in `lines`; an empty query matches nothing. Remembers the last answer. */
export function detailsMatches(lines: readonly InfoLine[], query: string): DetailsMatches {
	if (memo && memo.lines === lines && memo.query === query) return memo.out;
	const matcher = compileSearch({text: query, regex: false});
	let out = none;
	if (matcher && !matcher.ok) out = {...none, error: matcher.error};
	else if (matcher) {
		const found: number[] = [];
		const ranges = new Map<number, Range[]>();
		for (const [index, line] of lines.entries()) {
			const hits = matcher.ranges(line.text);
			if (hits.length === 0) continue;
			found.push(index);
			ranges.set(index, hits);
		}

		out = {lines: found, ranges};
	}

	memo = {lines, query, out};
	return out;
}

/** The match after (by 1) or before (by -1) line `from`, wrapping around; undefined when none. */
export function stepMatch(matches: readonly number[], from: number, by: 1 | -1): number | undefined {
	if (matches.length === 0) return undefined;
	if (by > 0) return matches.find((line) => line > from) ?? matches[0];
	for (let index = matches.length - 1; index >= 0; index--) if (matches[index]! < from) return matches[index];
	return matches.at(-1);
}

/** The panel header's account of the search: the query, which match is current and how many there are. */
export function searchSummary(lines: readonly InfoLine[], query: string, current: number | undefined): string {
	if (query === '') return '';
	const matches = detailsMatches(lines, query);
	if (matches.error) return matches.error;
	const count = matches.lines.length;
	if (count === 0) return `/${query}: no match`;
	const at = current === undefined ? -1 : matches.lines.indexOf(current);
	return at < 0 ? `/${query}: ${count} ${count === 1 ? 'match' : 'matches'}` : `/${query}: ${at + 1} of ${count}`;
}
