// The inspect answer for the image, volume or network in the details panel, read again when its row
// changes (a tag added, a container attached), with the time it was read, which its ages count from.
import {useEffect, useState} from 'react';
import type {DetailsSource} from '../session/details-source.js';
import type {ResourceInfo, ResourceKind} from '../state/details/resource-info.js';

export type LoadedResource = {readonly value?: ResourceInfo; readonly error?: string; readonly at: number};

export function useResourceInfo(source: DetailsSource, kind: ResourceKind, ref: string, version: unknown): LoadedResource {
	const [loaded, setLoaded] = useState<LoadedResource>({at: 0});
	useEffect(() => {
		let current = true;
		source.inspectResource(kind, ref).then(
			(value) => current && setLoaded({value, at: Date.now()}),
			(error: unknown) => current && setLoaded({error: error instanceof Error ? error.message : String(error), at: Date.now()}),
		);
		return () => {
			current = false;
		};
	}, [source, kind, ref, version]);
	return loaded;
}
