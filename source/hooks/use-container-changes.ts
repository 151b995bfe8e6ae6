// The container's filesystem changes, read each time the Diff tab is shown.
import {useEffect, useState} from 'react';
import type {DetailsSource} from '../session/details-source.js';
import type {Change} from '../state/details/container-info.js';
import type {Loaded} from './use-container-info.js';

export function useContainerChanges(source: DetailsSource, id: string, active: boolean): Loaded<readonly Change[]> {
	const [loaded, setLoaded] = useState<Loaded<readonly Change[]>>({});
	useEffect(() => {
		if (!active) return;
		let current = true;
		source.changes(id).then(
			(value) => current && setLoaded({value}),
			(error: unknown) => current && setLoaded({error: error instanceof Error ? error.message : String(error)}),
		);
		return () => {
			current = false;
		};
	}, [source, id, active]);
	return loaded;
}
