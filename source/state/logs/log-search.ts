// Search in log lines: plain text or a regular expression, case-insensitive unless the query has a
// capital (smart case). An invalid regex is a value with a message, never an exception.
import {RE2JS} from 're2js';

export type SearchOptions = {readonly text: string; readonly regex: boolean};

export type Range = readonly [start: number, end: number];

export type Matcher =
	| {readonly ok: true; readonly test: (text: string) => boolean; readonly ranges: (text: string) => Range[]}
	| {readonly ok: false; readonly error: string};

/** Undefined for an empty query (nothing to search for). */
export function compileSearch({text, regex}: SearchOptions): Matcher | undefined {
	if (text === '') return undefined;
	// RE2 (linear time, no backreferences or lookaround): a pattern typed in the logs pane cannot
	// backtrack for ever on a hostile line and freeze the UI.
	const flags = text === text.toLowerCase() ? RE2JS.CASE_INSENSITIVE : 0;
	let pattern: RE2JS;
	try {
		pattern = RE2JS.compile(regex ? text : RE2JS.quote(text), flags);
	} catch (error) {
		const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
		return {ok: false, error: `Invalid regular expression: ${reason}`};
	}

	return {
		ok: true,
		test: (line) => pattern.test(line),
		ranges(line) {
			const out: Range[] = [];
			const matcher = pattern.matcher(line);
			while (matcher.find()) {
				// An empty match (a*) highlights nothing; the matcher itself steps past it.
				if (matcher.end() > matcher.start()) out.push([matcher.start(), matcher.end()]);
			}

			return out;
		},
	};
}
