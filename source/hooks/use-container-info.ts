// The inspect answer for the details panel's container, read again whenever its state changes
// (started, stopped, renamed…), so the tabs never show a stale PID or port.
import {useEffect, useState} from 'react';
import type {DetailsSource} from '../session/details-source.js';
import type {ContainerInfo} from '../state/details/container-info.js';

export type Loaded<T> = {readonly value?: T; readonly error?: string};

export function useContainerInfo(source: DetailsSource, id: string, version: string): Loaded<ContainerInfo> {
	const [loaded, setLoaded] = useState<Loaded<ContainerInfo>>({});
	useEffect(() => {
		let current = true;
		source.inspect(id).then(
			(value) => current && setLoaded({value}),
			(error: unknown) => current && setLoaded({error: error instanceof Error ? error.message : String(error)}),
		);
		return () => {
			current = false;
		};
	}, [source, id, version]);
	return loaded;
}
