// Search in log lines: plain text or a regular expression, case-insensitive unless the query has a
// capital (smart case). An invalid regex is a value with a message, never an exception.
import type {LogLine} from './log-lines.js';

export type SearchOptions = {readonly text: string; readonly regex: boolean};

export type Range = readonly [start: number, end: number];

export type Matcher =
	| {readonly ok: true; readonly test: (text: string) => boolean; readonly ranges: (text: string) => Range[]}
	| {readonly ok: false; readonly error: string};

const escapeRegex = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/** Undefined for an empty query (nothing to search for). */
export function compileSearch({text, regex}: SearchOptions): Matcher | undefined {
	if (text === '') return undefined;
	const flags = text === text.toLowerCase() ? 'i' : '';
	let pattern: RegExp;
	try {
		pattern = new RegExp(regex ? text : escapeRegex(text), flags);
	} catch (error) {
		const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
		return {ok: false, error: `Invalid regular expression: ${reason}`};
	}

	const global = new RegExp(pattern.source, `${flags}g`);
	return {
		ok: true,
		test: (line) => pattern.test(line),
		ranges(line) {
			const out: Range[] = [];
			global.lastIndex = 0;
			for (let match = global.exec(line); match; match = global.exec(line)) {
				// An empty match (a*) highlights nothing, and must not stall the scan.
				if (match[0] === '') {
					global.lastIndex++;
					continue;
				}

				out.push([match.index, match.index + match[0].length]);
			}

			return out;
		},
	};
}

/** Sequence numbers of the matching lines among `lines` (whose first has sequence number `first`). */
export function matchingSeqs(lines: Iterable<LogLine>, first: number, matcher: Matcher | undefined): number[] {
	const out: number[] = [];
	if (!matcher?.ok) return out;
	let seq = first;
	for (const line of lines) {
		if (matcher.test(line.text)) out.push(seq);
		seq++;
	}

	return out;
}
