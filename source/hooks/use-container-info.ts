// The inspect answer for the details panel's container, read again whenever its state changes
// (started, stopped, renamed…), so the tabs never show a stale PID or port.
import {useEffect, useRef, useState} from 'react';
import type {DetailsSource} from '../session/details-source.js';
import type {ContainerInfo} from '../state/details/container-info.js';

export type Loaded<T> = {readonly value?: T; readonly error?: string};

/**
 * `version` names the row's state and name; `startedAt` is the row's start time. The list only estimates
 * that time until the row's exact times are read (a moment after it stays on screen): a start time that
 * turns exact and equals the one this panel's own inspect read is the same run, so nothing is read again.
 */
export function useContainerInfo(source: DetailsSource, id: string, version: string, startedAt?: number): Loaded<ContainerInfo> {
	const [loaded, setLoaded] = useState<Loaded<ContainerInfo>>({});
	const read = useRef<{
		readonly source: DetailsSource;
		readonly id: string;
		readonly version: string;
		readonly value: ContainerInfo;
	}>(undefined);
	useEffect(() => {
		const last = read.current;
		if (last?.source === source && last.id === id && last.version === version && last.value.startedAt === startedAt) return;
		let current = true;
		source.inspect(id).then(
			(value) => {
				if (!current) return;
				read.current = {source, id, version, value};
				setLoaded({value});
			},
			(error: unknown) => {
				if (!current) return;
				read.current = undefined;
				setLoaded({error: error instanceof Error ? error.message : String(error)});
			},
		);
		return () => {
			current = false;
		};
	}, [source, id, version, startedAt]);
	return loaded;
}
