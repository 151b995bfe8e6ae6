// Keeps the images, volumes and networks panes live from the engine's /events stream. It has its own
// subscription rather than sharing the containers feed's: that one asks the engine for container events
// within the label scope, while volume and network events carry no labels (a label filter would drop
// them), so this one takes every image/volume/network event plus container create/destroy/rename (which
// change "used by") and re-reads, within the scope, only the kinds an event touched. Nothing polls.
import type {ResourcePane, ResourceRows} from '../../state/resources/resource-types.js';
import type {Engine} from '../engine.js';
import type {Filters} from '../filters.js';
import type {ApiEvent} from '../mapping.js';
import {readResources} from '../resource-reads.js';
import {createBackoff, keepSubscribed} from './reconnect.js';

/** What the feed read: fresh rows for the kinds an event touched, or why a kind cannot be scoped. */
export type ResourceFeedEvent =
	| {readonly type: 'rows'; readonly rows: Partial<ResourceRows>}
	| {readonly type: 'unscopable'; readonly pane: ResourcePane; readonly reason: string};

export type ResourceFeed = {readonly stop: () => void; readonly refresh: (kinds: readonly ResourcePane[]) => void};

const allKinds: readonly ResourcePane[] = ['images', 'volumes', 'networks'];

/** A container event inside the label scope (container events carry the container's labels); others can't matter. */
export function inLabelScope(event: ApiEvent, scope: Filters): boolean {
	const attributes = event.Actor?.Attributes ?? {};
	return (scope['label'] ?? []).every((filter) => {
		const at = filter.indexOf('=');
		return at < 0 ? filter in attributes : attributes[filter.slice(0, at)] === filter.slice(at + 1);
	});
}

/** The kinds whose rows an event can change, or none. */
export function kindsTouched(event: ApiEvent): readonly ResourcePane[] {
	const action = event.Action ?? event.status ?? '';
	switch (event.Type) {
		case 'image':
			return ['images'];
		case 'volume':
			// mount/unmount follow container start/stop and change nothing the pane shows.
			return action === 'create' || action === 'destroy' ? ['volumes'] : [];
		case 'network':
			return ['networks'];
		case 'container':
			return action === 'create' || action === 'destroy' || action === 'rename' ? allKinds : [];
		default:
			return [];
	}
}

export function startResourceFeed(options: {
	readonly engine: Engine;
	readonly scope: Filters;
	readonly emit: (event: ResourceFeedEvent) => void;
	/** The pause before re-reading after a failed read, doubled up to maxRetryMs. */
	readonly retryMs?: number;
	readonly maxRetryMs?: number;
}): ResourceFeed {
	const {engine, scope, emit} = options;
	const dirty = new Set<ResourcePane>();
	let reading = false;
	// Volume sizes come from /system/df, which is slow and locks out other df calls: read again only after a
	// volume was created or destroyed, not on every container event.
	let sizes: ReadonlyMap<string, number> | undefined;
	// After a failed read the next waits: for this pause, or for the reconnect, whichever comes first.
	const readBackoff = createBackoff(options.retryMs ?? 500, options.maxRetryMs ?? 4000);
	let retryTimer: ReturnType<typeof setTimeout> | undefined;
	// `subscription` is set below; what asks this runs only once the stream is open.
	const stopped = (): boolean => subscription.stopped();

	const cancelRetry = () => {
		clearTimeout(retryTimer);
		retryTimer = undefined;
	};

	async function flush(): Promise<void> {
		if (reading || retryTimer !== undefined || dirty.size === 0 || stopped()) return;
		reading = true;
		const kinds = new Set(dirty);
		dirty.clear();
		let failed = false;
		try {
			const read = await readResources(engine.docker, scope, kinds, {sizes});
			sizes = read.volumeSizes ?? sizes;
			readBackoff.reset();
			if (stopped()) return;
			emit({type: 'rows', rows: read.rows});
			for (const [pane, reason] of Object.entries(read.unscopable)) {
				emit({type: 'unscopable', pane: pane as ResourcePane, reason});
			}
		} catch {
			// A lost engine is reported by the containers feed; these kinds are read again after a pause.
			for (const kind of kinds) dirty.add(kind);
			failed = true;
		} finally {
			reading = false;
			if (!stopped() && failed) {
				retryTimer = setTimeout(() => {
					retryTimer = undefined;
					void flush();
				}, readBackoff.next());
			} else if (!stopped() && dirty.size > 0) {
				// Events that arrived during the read are applied by one more read, not one per event.
				void flush();
			}
		}
	}

	const refresh = (kinds: readonly ResourcePane[]) => {
		for (const kind of kinds) dirty.add(kind);
		void flush();
	};

	const subscription = keepSubscribed({
		subscribe: () =>
			engine.events({filters: {type: ['image', 'volume', 'network', 'container']}}, (event) => {
				if (event.Type === 'container' && !inLabelScope(event, scope)) return;
				if (event.Type === 'volume') sizes = undefined;
				const kinds = kindsTouched(event);
				if (kinds.length > 0) refresh(kinds);
			}),
		connected() {
			// Subscribed first, then read, so no change falls between the two; a reconnect need not wait out a read's pause.
			sizes = undefined;
			cancelRetry();
			refresh(allKinds);
		},
	});
	return {
		stop() {
			subscription.stop();
			cancelRetry();
		},
		refresh,
	};
}
