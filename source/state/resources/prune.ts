// The prune preview: from one snapshot of the engine (lists plus /system/df sizes, already scoped), exactly
// which items each chosen category removes and how much space that frees, and what changed between two
// snapshots. Pure, so the dialog, the re-check before pruning and the tests all compute the same thing.
// With several engines, one snapshot per engine, and every item knows its engine.
import {rowKey} from '../core/engines.js';

export type PruneChoices = {
	readonly containers: boolean;
	readonly danglingImages: boolean;
	/** Every image no container uses, tagged or not (includes the dangling ones). */
	readonly unusedImages: boolean;
	/** Unused anonymous volumes. */
	readonly volumes: boolean;
	/** Also unused named volumes (implies volumes). */
	readonly namedVolumes: boolean;
	readonly networks: boolean;
	readonly buildCache: boolean;
};

export type PruneCategory = keyof PruneChoices;

export const defaultPruneChoices: PruneChoices = {
	containers: true,
	danglingImages: false,
	unusedImages: false,
	volumes: false,
	namedVolumes: false,
	networks: false,
	buildCache: false,
};

export type PruneSnapshot = {
	/** Epoch ms the snapshot was read. */
	readonly at: number;
	readonly containers: ReadonlyArray<{readonly id: string; readonly name: string; readonly state: string; readonly size: number}>;
	readonly images: ReadonlyArray<{
		readonly id: string;
		readonly references: readonly string[];
		readonly size: number;
		/** Containers (any state, anywhere on the engine) created from it. */
		readonly containers: number;
	}>;
	readonly volumes: ReadonlyArray<{
		readonly name: string;
		readonly size?: number;
		readonly containers: number;
		readonly anonymous: boolean;
	}>;
	readonly networks: ReadonlyArray<{
		readonly id: string;
		readonly name: string;
		readonly builtIn: boolean;
		readonly containers: number;
	}>;
	/**
	 * With several engines (core/engines.ts): each one's own snapshot, by its key and name; the lists above are
	 * then empty. Each item's id is qualified by its engine's key, and its name says the engine.
	 */
	readonly engines?: ReadonlyArray<{readonly key: string; readonly name: string; readonly snapshot: PruneSnapshot}>;
	/** Undefined when the scope cannot apply to it (build cache carries no labels). */
	readonly buildCache?: ReadonlyArray<{
		readonly id: string;
		readonly description: string;
		readonly size: number;
		readonly inUse: boolean;
	}>;
};

export type PruneKind = 'container' | 'image' | 'volume' | 'network' | 'build cache';

export type PruneItem = {
	readonly kind: PruneKind;
	/** What the engine removes it by. */
	readonly id: string;
	readonly name: string;
	/** Bytes the engine reports for it (0 where it reports none). */
	readonly size: number;
	/** An image's tags, each untagged in turn when it has several. */
	readonly refs?: readonly string[];
};

export type PrunePreview = {readonly items: readonly PruneItem[]; readonly total: number};

/** `docker container prune` removes every container that is not running: created, exited and dead ones. */
const stoppedStates = new Set(['created', 'exited', 'dead']);

export function prunePreview(snapshot: PruneSnapshot, choices: PruneChoices): PrunePreview {
	if (snapshot.engines) {
		const several = snapshot.engines.flatMap(({key, name, snapshot: one}) =>
			prunePreview(one, choices).items.map((item) => ({...item, id: rowKey(key, item.id), name: `${item.name} (on ${name})`})),
		);
		return {items: several, total: several.reduce((sum, item) => sum + item.size, 0)};
	}

	const items: PruneItem[] = [];
	if (choices.containers) {
		for (const container of snapshot.containers) {
			if (stoppedStates.has(container.state))
				items.push({kind: 'container', id: container.id, name: container.name, size: container.size});
		}
	}

	// Containers about to be pruned still use their images now; the engine would refuse those images, so they are
	// left out rather than promised.
	if (choices.danglingImages || choices.unusedImages) {
		for (const image of snapshot.images) {
			const dangling = image.references.length === 0;
			if (image.containers > 0 || (!dangling && !choices.unusedImages)) continue;
			items.push({
				kind: 'image',
				id: image.id,
				name: dangling ? `<none> ${image.id.replace(/^sha256:/, '').slice(0, 12)}` : image.references.join(', '),
				size: image.size,
				refs: image.references,
			});
		}
	}

	if (choices.volumes || choices.namedVolumes) {
		for (const volume of snapshot.volumes) {
			if (volume.containers > 0 || (!volume.anonymous && !choices.namedVolumes)) continue;
			items.push({kind: 'volume', id: volume.name, name: volume.name, size: volume.size ?? 0});
		}
	}

	if (choices.networks) {
		for (const network of snapshot.networks) {
			if (network.builtIn || network.containers > 0) continue;
			items.push({kind: 'network', id: network.id, name: network.name, size: 0});
		}
	}

	if (choices.buildCache && snapshot.buildCache) {
		for (const entry of snapshot.buildCache) {
			if (!entry.inUse)
				items.push({kind: 'build cache', id: entry.id, name: entry.description || entry.id.slice(0, 12), size: entry.size});
		}
	}

	return {items, total: items.reduce((sum, item) => sum + item.size, 0)};
}

const itemKey = (item: PruneItem) => `${item.kind}\u0000${item.id}`;

export type PreviewChange = {readonly added: readonly PruneItem[]; readonly gone: readonly PruneItem[]};

/** What a fresh preview adds to, and drops from, the one the person saw. */
export function previewChange(seen: PrunePreview, now: PrunePreview): PreviewChange {
	const before = new Set(seen.items.map(itemKey));
	const after = new Set(now.items.map(itemKey));
	return {
		added: now.items.filter((item) => !before.has(itemKey(item))),
		gone: seen.items.filter((item) => !after.has(itemKey(item))),
	};
}

export const changed = (change: PreviewChange): boolean => change.added.length > 0 || change.gone.length > 0;

/** One sentence on what changed, naming the items. */
export function describeChange(change: PreviewChange): string {
	const names = (items: readonly PruneItem[]) => items.map((item) => `${item.kind} ${item.name}`).join(', ');
	const parts = [];
	if (change.added.length > 0) parts.push(`now also: ${names(change.added)}`);
	if (change.gone.length > 0) parts.push(`no longer: ${names(change.gone)}`);
	return `The engine changed since the preview (${parts.join('; ')}). Review the new list and confirm again.`;
}

export type PruneOutcome = {readonly item: PruneItem; readonly ok: boolean; readonly error?: string};

export type PruneSummary = {readonly removed: number; readonly failed: number; readonly reclaimed: number};

/** What went, and the space the engine reported for what went (build cache: the engine's own total). */
export function summarisePrune(outcomes: readonly PruneOutcome[], buildCacheReclaimed?: number): PruneSummary {
	const ok = outcomes.filter((outcome) => outcome.ok);
	const reclaimed = ok.filter((o) => o.item.kind !== 'build cache').reduce((sum, o) => sum + o.item.size, 0);
	return {removed: ok.length, failed: outcomes.length - ok.length, reclaimed: reclaimed + (buildCacheReclaimed ?? 0)};
}
