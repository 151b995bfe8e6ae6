// Drives a logs search that has lines left to test: one bounded step per turn of the event loop, after
// the keys and stream data that arrived meanwhile, so a search over a full buffer never holds a frame.
// The pane open also reads RE2 (the regex engine, not loaded at start), and a regex search asked for
// before it arrived is run once it has.
import {useEffect} from 'react';
import type {Session} from '../session/session.js';
import type {LogsState} from '../state/logs/logs.js';
import {logMatcher, searchPending} from '../state/logs/log-view.js';
import {loadRegexEngine} from './regex-engine.js';

export function useSearchSteps(session: Pick<Session, 'store'>, logs: LogsState): void {
	const pending = searchPending(logs) > 0;
	useEffect(() => {
		if (!pending) return;
		const handle = setImmediate(() => session.store.dispatch({type: 'logs/searchStep'}));
		return () => clearImmediate(handle);
	}, [pending, logs, session]);

	const matcher = logMatcher(logs);
	const waiting = matcher?.ok === false && matcher.pending === true;
	useEffect(() => {
		let open = true;
		void loadRegexEngine().then(() => {
			if (open && waiting) session.store.dispatch({type: 'logs/searchStep'});
		});
		return () => {
			open = false;
		};
	}, [waiting, session]);
}
