// The stats stream of the one container whose Stats tab is on screen: opened when the tab shows,
// closed when it hides or the container stops, so a hundred containers never mean a hundred streams.
import {useEffect, useState} from 'react';
import type {DetailsSource} from '../session/details-source.js';
import {pushPoint, toStatsPoint, type StatsPoint} from '../state/details/stats.js';

export type StatsView = {
	/** The last minute of readings, oldest first. */
	readonly history: readonly StatsPoint[];
	/** Why there are no (more) readings: the container stopped, the stream failed. */
	readonly ended?: string;
};

export function useContainerStats(source: DetailsSource, id: string, active: boolean, running: boolean): StatsView {
	// Keyed by container, so another container's readings never show under this one's name.
	const [view, setView] = useState<StatsView & {readonly id?: string}>({history: []});
	useEffect(() => {
		if (!active || !running) return;
		let current = true;
		let close: (() => void) | undefined;
		source
			.stats(id, (sample) => {
				if (!current) return;
				setView((old) => ({id, history: pushPoint(old.id === id ? old.history : [], toStatsPoint(sample, Date.now()))}));
			})
			.then(
				(subscription) => {
					if (!current) {
						subscription.close();
						return;
					}

					close = subscription.close;
					void subscription.ended.then((reason) => {
						if (current) setView((old) => ({...old, id, ended: reason}));
					});
				},
				(error: unknown) => current && setView({id, history: [], ended: error instanceof Error ? error.message : String(error)}),
			);
		return () => {
			current = false;
			close?.();
		};
	}, [source, id, active, running]);
	const shown = view.id === id ? view : {history: []};
	return running ? shown : {...shown, ended: shown.ended ?? 'not running'};
}
