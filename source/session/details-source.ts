// Where the details tabs get their data: an interface the components read through (tests pass a fake),
// and the engine-backed one, which loads the docker module only when a tab first asks.
import type {Change, ContainerInfo, TopTable} from '../state/details/container-info.js';
import type {StatsSample} from '../state/details/stats.js';
import type {Engine} from '../docker/engine.js';
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

export function engineDetailsSource(engine: () => Promise<Engine>): DetailsSource {
	const load = async () => [await engine(), await import('../docker/container-details.js')] as const;
	return {
		async inspect(id) {
			const [loaded, reads] = await load();
			return reads.inspectDetails(loaded, id);
		},
		async top(id) {
			const [loaded, reads] = await load();
			return reads.containerTop(loaded, id);
		},
		async changes(id) {
			const [loaded, reads] = await load();
			return reads.containerChanges(loaded, id);
		},
		async stats(id, onSample) {
			const [loaded, reads] = await load();
			return reads.followStats(loaded, id, onSample);
		},
		async inspectResource(kind, ref) {
			const [loaded, reads] = await Promise.all([engine(), import('../docker/resource-details.js')]);
			return reads.inspectResource(loaded, kind, ref);
		},
	};
}
