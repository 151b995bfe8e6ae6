// Loads RE2 (re2js, the logs search's regex engine) from its own chunk, once, and hands it to the search
// (state/logs/log-search.ts): a start never reads it; the logs pane asks for it as it opens.
import {provideRegexEngine} from '../state/logs/log-search.js';

let loading: Promise<void> | undefined;

/** Resolves (never rejects) once the search has RE2, or knows why it cannot have it. */
export async function loadRegexEngine(): Promise<void> {
	loading ??= import('re2js').then(
		({RE2JS}) => {
			provideRegexEngine({engine: RE2JS});
		},
		(error: unknown) => {
			provideRegexEngine({error: error instanceof Error ? error.message : String(error)});
		},
	);
	return loading;
}
