// Where the details tabs get their data: an interface the components read through (tests pass a fake),
// and the engine-backed one, which loads the docker module only when a tab first asks.
import type {Change, ContainerInfo, TopTable} from '../state/details/container-info.js';
import type {StatsSample} from '../state/details/stats.js';
import type {Engine} from '../docker/engine.js';
import {engineIdOf} from '../state/core/engines.js';

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
};

/** `engine` gives the engine a row's key is on; the reads use the id that engine knows. */
export function engineDetailsSource(engine: (key: string) => Promise<Engine>): DetailsSource {
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
	};
}
