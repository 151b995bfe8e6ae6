// Removals for images, volumes, networks, marked containers and prune items, each failing with the daemon's message.
import type Dockerode from 'dockerode';
import {toEngineError} from './errors.js';
import type {PruneItem} from '../state/resources/prune.js';
import type {BulkOp, ResourceTarget} from '../state/resources/resource-types.js';

async function call<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw toEngineError(error);
	}
}

type ImageRemoval = ReadonlyArray<{readonly Untagged?: string; readonly Deleted?: string}>;

/** Removes one image tag (an untag while others remain), volume or network; says what the engine did. */
export async function removeResource(docker: Dockerode, target: ResourceTarget, force: boolean): Promise<string> {
	return call(async () => {
		switch (target.pane) {
			case 'images': {
				const result = ((await docker.getImage(target.ref).remove({force})) ?? []) as ImageRemoval;
				const untagged = result.filter((entry) => entry.Untagged).length;
				const deleted = result.filter((entry) => entry.Deleted).length;
				return `Removed image ${target.name}${force ? ' (forced)' : ''}: ${untagged} tag(s) untagged, ${deleted} layer(s) deleted`;
			}

			case 'volumes':
				await docker.getVolume(target.ref).remove();
				return `Removed volume ${target.name}`;
			case 'networks':
				await docker.getNetwork(target.ref).remove();
				return `Removed network ${target.name}`;
		}
	});
}

export async function runBulkOp(docker: Dockerode, op: BulkOp, id: string, force: boolean): Promise<void> {
	const container = docker.getContainer(id);
	await call(async () => {
		switch (op) {
			case 'start':
				return container.start();
			case 'stop':
				return container.stop();
			case 'restart':
				return container.restart();
			case 'pause':
				return container.pause();
			case 'unpause':
				return container.unpause();
			case 'kill':
				return container.kill();
			case 'remove':
				// Like the single remove, volumes stay.
				return container.remove({force, v: false});
		}
	});
}

/**
 * Removes one previewed item by its id, never with force, so the daemon refuses anything that came into use
 * since the preview. Returns the bytes the engine reported freeing where it reports any (build cache).
 */
export async function pruneItem(docker: Dockerode, item: PruneItem): Promise<number | undefined> {
	return call(async () => {
		switch (item.kind) {
			case 'container':
				await docker.getContainer(item.id).remove({force: false, v: false});
				return undefined;
			case 'image':
				// An image with several tags cannot be deleted by id without force; untag each, the last untag deletes it.
				if ((item.refs?.length ?? 0) > 1) for (const ref of item.refs!) await docker.getImage(ref).remove({force: false});
				else await docker.getImage(item.id).remove({force: false});
				return undefined;
			case 'volume':
				await docker.getVolume(item.id).remove();
				return undefined;
			case 'network':
				await docker.getNetwork(item.id).remove();
				return undefined;
			case 'build cache': {
				const result = (await docker.pruneBuilder({filters: {id: [item.id]}} as Dockerode.PruneBuilderOptions)) as {
					SpaceReclaimed?: number;
				};
				return result.SpaceReclaimed ?? 0;
			}
		}
	});
}
