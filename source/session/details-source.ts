// Where the details tabs get their data: an interface the components read through (tests pass a fake),
// and the engine-backed one, which loads the docker module only when a tab first asks.
import type {Change, ContainerInfo, TopTable} from '../state/details/container-info.js';
import type {StatsSample} from '../state/details/stats.js';
import type {Engine} from '../docker/engine.js';
import {engineIdOf} from '../state/core/engines.js';
import type {ResourceInfo, ResourceKind} from '../state/details/resource-info.js';

export type StatsSubscription = {
	readonly close: () => void;
	/** Resolves with why the stream ended, unless it was closed from here. */
	readonly ended: Promise<string>;
};

export type DetailsSource = {
	readonly inspect: (id: string) => Promise<ContainerInfo>;
	readonly top: (id: string) => Promise<TopTable>;
	readonly changes: (id: string) => Promise<Change[]>;
	readonly stats: (id: string, onSample: (sample: StatsSample) => void) => Promise<StatsSubscription>;
	/** An image (with its history), a volume or a network, for its details panel. */
	readonly inspectResource: (kind: ResourceKind, ref: string) => Promise<ResourceInfo>;
};

/** `engine` gives the engine a row's key is on (the first without a key); the reads use the id that engine knows. */
export function engineDetailsSource(engine: (key?: string) => Promise<Engine>): DetailsSource {
	const load = async (key: string) => [await engine(key), await import('../docker/container-details.js')] as const;
	return {
		async inspect(key) {
			const [loaded, reads] = await load(key);
			return reads.inspectDetails(loaded, engineIdOf(key));
		},
		async top(key) {
			const [loaded, reads] = await load(key);
			return reads.containerTop(loaded, engineIdOf(key));
		},
		async changes(key) {
			const [loaded, reads] = await load(key);
			return reads.containerChanges(loaded, engineIdOf(key));
		},
		async stats(key, onSample) {
			const [loaded, reads] = await load(key);
			return reads.followStats(loaded, engineIdOf(key), onSample);
		},
		// The images, volumes and networks panes show the first engine's (a key without an engine).
		async inspectResource(kind, ref) {
			const [loaded, reads] = await Promise.all([engine(), import('../docker/resource-details.js')]);
			return reads.inspectResource(loaded, kind, ref);
		},
	};
}
