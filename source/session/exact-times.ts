// Exact start and finish times for the containers list's rows on screen: the list only estimates them
// ("Up 3 hours"), so each row on screen is inspected once per connection by the feed of the engine it is
// on (container-feed.ts), and nothing is read for rows nobody looks at.
import type {AppAction, AppState} from '../state/core/app.js';
import {splitRowKey} from '../state/core/engines.js';
import type {Feed} from '../docker/streams/container-feed.js';
import type {Store} from './store.js';

export type ExactTimes = {
	/** The ids of the rows on screen now. */
	readonly show: (ids: readonly string[]) => void;
	/** Tells the feeds again (one that just started learns the rows shown before it). */
	readonly refresh: () => void;
	readonly stop: () => void;
};

/** `feeds` gives each engine's feed by its key's number (the first engine's at 0), undefined until it starts. */
export function createExactTimes(store: Store<AppState, AppAction>, feeds: () => ReadonlyArray<Feed | undefined>): ExactTimes {
	let shown: readonly string[] = [];
	/** Each feed gets the ids it knows of the rows on screen that have no exact times yet. */
	function refresh(): void {
		const {byId} = store.getState().containers;
		const all = feeds();
		const wanted = all.map((): string[] => []);
		for (const key of shown) {
			if (!byId[key] || byId[key].timesExact) continue;
			const {engine, id} = splitRowKey(key);
			wanted[engine === undefined ? 0 : Number(engine)]?.push(id);
		}

		for (const [index, feed] of all.entries()) feed?.wantTimes(wanted[index] ?? []);
	}

	// Rows on screen can lose their exact times without scrolling: a list read again after a reconnect or a
	// burst of events brings estimates for a run that changed meanwhile.
	let seen = store.getState().containers.byId;
	const unsubscribe = store.subscribe(() => {
		const {byId} = store.getState().containers;
		if (byId === seen) return;
		seen = byId;
		refresh();
	});
	return {
		show(ids) {
			shown = ids;
			refresh();
		},
		refresh,
		stop: unsubscribe,
	};
}
