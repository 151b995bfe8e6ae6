// Search in log lines: plain text or a regular expression, case-insensitive unless the query has a
// capital (smart case). An invalid regex is a value with a message, never an exception.
//
// Plain text is matched with the runtime's own regular expressions, over the escaped text: a literal has
// nothing to backtrack on. Regular expressions typed in the pane go to RE2 (re2js), in its own chunk: a
// seventh of the code start-up would otherwise read. The logs pane loads it as it opens and hands it over
// (hooks/regex-engine.ts); asked for before it is there, a regex search is pending, not wrong.
import type {RE2JS} from 're2js';

export type SearchOptions = {readonly text: string; readonly regex: boolean};

export type Range = readonly [start: number, end: number];

export type Matcher =
	| {readonly ok: true; readonly test: (text: string) => boolean; readonly ranges: (text: string) => Range[]}
	| {readonly ok: false; readonly error: string; readonly pending?: true};

let re2: typeof RE2JS | undefined;
/** Why RE2 could not be loaded (a damaged install): regex searches say so instead of waiting for ever. */
let unloadable: string | undefined;

/** Hands the search RE2 once the logs pane has loaded it (hooks/regex-engine.ts), or why it could not. */
export function provideRegexEngine(loaded: {readonly engine: typeof RE2JS} | {readonly error: string}): void {
	if ('engine' in loaded) re2 = loaded.engine;
	else unloadable = loaded.error;
}

/** RE2's load has ended: a regex search compiles now (or says why it cannot) instead of being pending. */
export const regexEngineReady = (): boolean => re2 !== undefined || unloadable !== undefined;

/** What a regex search says until RE2 is loaded. */
export const regexPending = 'Loading the regular expression engine…';

/** Undefined for an empty query (nothing to search for). */
export function compileSearch({text, regex}: SearchOptions): Matcher | undefined {
	if (text === '') return undefined;
	const caseless = text === text.toLowerCase();
	if (!regex) return plainMatcher(text, caseless);
	if (unloadable !== undefined) return {ok: false, error: `Regular expressions are unavailable: ${unloadable}`};
	if (!re2) return {ok: false, error: regexPending, pending: true};

	// RE2 (linear time, no backreferences or lookaround): a pattern typed in the logs pane cannot
	// backtrack for ever on a hostile line and freeze the UI.
	let pattern: RE2JS;
	try {
		pattern = re2.compile(text, caseless ? re2.CASE_INSENSITIVE : 0);
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

/** The text itself, every character taken literally; `u` folds case as Unicode does (K and the Kelvin sign). */
function plainMatcher(text: string, caseless: boolean): Matcher {
	const source = text.replaceAll(/[$()*+.?[\\\]^{|}]/g, String.raw`\$&`);
	const flags = caseless ? 'giu' : 'gu';
	const once = new RegExp(source, caseless ? 'iu' : 'u');
	const every = new RegExp(source, flags);
	return {
		ok: true,
		test: (line) => once.test(line),
		ranges(line) {
			const out: Range[] = [];
			every.lastIndex = 0;
			for (let found = every.exec(line); found; found = every.exec(line)) {
				out.push([found.index, found.index + found[0].length]);
			}

			return out;
		},
	};
}
