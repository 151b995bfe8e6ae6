// The container's processes while the Top tab is on screen. The engine has no stream for /top, so this
// is the one place dockpit asks on a timer: every two seconds, one request at a time, and only while visible.
import {useEffect, useState} from 'react';
import type {DetailsSource} from '../session/details-source.js';
import type {TopTable} from '../state/details/container-info.js';
import type {Loaded} from './use-container-info.js';

export const topRefreshMs = 2000;

/**
 * One value for every render of a stopped container: the details panel's lines depend on it, and a new object
 * each render made them new each render, which reported them to the store each render (an update loop).
 */
const notRunning: Loaded<TopTable> = {error: 'not running: no processes'};

export function useContainerTop(source: DetailsSource, id: string, active: boolean, running: boolean): Loaded<TopTable> {
	const [loaded, setLoaded] = useState<Loaded<TopTable>>({});
	useEffect(() => {
		if (!active || !running) return;
		let current = true;
		let timer: NodeJS.Timeout | undefined;
		const read = () => {
			source
				.top(id)
				.then(
					(value) => current && setLoaded({value}),
					(error: unknown) => current && setLoaded({error: error instanceof Error ? error.message : String(error)}),
				)
				.finally(() => {
					if (current) timer = setTimeout(read, topRefreshMs);
				});
		};

		read();
		return () => {
			current = false;
			clearTimeout(timer);
		};
	}, [source, id, active, running]);
	return running ? loaded : notRunning;
}
