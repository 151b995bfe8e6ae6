// Reads images, volumes and networks (scoped by --filter) with who uses them, and the prune snapshot:
// Engine API JSON → the domain values of state/resources.ts and state/prune.ts.
import type Dockerode from 'dockerode';
import {toEngineError} from './errors.js';
import type {Filters} from './filters.js';
import type {PruneSnapshot} from '../state/resources/prune.js';
import type {Image, Network, ResourcePane, ResourceRows, Volume} from '../state/resources/resource-types.js';
import {sanitize, sanitizeDeep} from '../state/core/sanitize.js';

type ApiUsage = {
	readonly Id: string;
	readonly Names?: readonly string[];
	readonly State?: string;
	readonly ImageID?: string;
	readonly Mounts?: ReadonlyArray<{readonly Type?: string; readonly Name?: string}>;
	readonly NetworkSettings?: {readonly Networks?: Readonly<Record<string, {readonly NetworkID?: string}>>};
};

type ApiImage = {
	readonly Id: string;
	readonly RepoTags?: readonly string[] | null;
	readonly Created?: number;
	readonly Size?: number;
};

type ApiVolume = {
	readonly Name: string;
	readonly Driver?: string;
	readonly Mountpoint?: string;
	readonly CreatedAt?: string;
	readonly UsageData?: {readonly Size?: number; readonly RefCount?: number} | null;
};

type ApiNetwork = {
	readonly Id: string;
	readonly Name: string;
	readonly Driver?: string;
	readonly Scope?: string;
	readonly Created?: string;
	/** Only in an inspect: the endpoints, by container id. */
	readonly Containers?: Readonly<Record<string, {readonly Name?: string}>> | null;
};

type ApiDiskUsage = {
	readonly Containers?: ReadonlyArray<{readonly Id: string; readonly SizeRw?: number}> | null;
	readonly Volumes?: readonly ApiVolume[] | null;
	readonly BuildCache?: ReadonlyArray<{
		readonly ID: string;
		readonly Size?: number;
		readonly InUse?: boolean;
		readonly Description?: string;
	}> | null;
};

const builtInNetworks = new Set(['bridge', 'host', 'none']);

/** Which --filter keys each kind's list endpoint understands; the rest leave that pane empty (README's Scope table). */
const scopeKeys: Readonly<Record<ResourcePane, ReadonlySet<string>>> = {
	images: new Set(['label']),
	volumes: new Set(['label', 'name']),
	networks: new Set(['label', 'name']),
};

/** The scope as this kind's list filter, or why it cannot be expressed (then the pane shows nothing). */
export function scopeFor(kind: ResourcePane, scope: Filters): Filters | {readonly unscopable: string} {
	const foreign = Object.keys(scope).filter((key) => !scopeKeys[kind].has(key));
	if (foreign.length > 0) {
		const keys = foreign.join(', ');
		return {unscopable: `--filter ${keys} does not apply to ${kind}, so no ${kind} are shown in this scope`};
	}

	return scope;
}

const containerName = (row: ApiUsage) => sanitize((row.Names?.[0] ?? row.Id.slice(0, 12)).replace(/^\//, ''));

/** Who uses what, from one list of every container on the engine (in or out of scope). */
export function usage(containers: readonly ApiUsage[]) {
	const images = new Map<string, string[]>();
	const volumes = new Map<string, string[]>();
	const networks = new Map<string, string[]>();
	const add = (map: Map<string, string[]>, key: string, name: string) => map.set(key, [...(map.get(key) ?? []), name]);
	for (const row of containers) {
		const name = containerName(row);
		if (row.ImageID) add(images, row.ImageID, name);
		for (const mount of row.Mounts ?? []) if (mount.Type === 'volume' && mount.Name) add(volumes, mount.Name, name);
		for (const network of Object.keys(row.NetworkSettings?.Networks ?? {})) add(networks, network, name);
	}

	return {images, volumes, networks};
}

type Usage = ReturnType<typeof usage>;

const isAnonymous = (name: string) => /^[\da-f]{64}$/.test(name);
const epoch = (text: string | undefined) => (text ? Date.parse(text) || undefined : undefined);

export function toImages(engineRows: readonly ApiImage[], used: Usage): Image[] {
	return sanitizeDeep(engineRows).flatMap((row): Image[] => {
		const tags = (row.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>');
		const base = {
			id: row.Id,
			size: row.Size ?? 0,
			createdAt: (row.Created ?? 0) * 1000,
			usedBy: used.images.get(row.Id) ?? [],
			tagCount: tags.length,
		};
		if (tags.length === 0) return [{...base, key: row.Id, reference: '<none>:<none>', dangling: true}];
		return tags.map((tag) => ({...base, key: `${row.Id}\u0000${tag}`, reference: tag, dangling: false}));
	});
}

export function toVolumes(engineRows: readonly ApiVolume[], used: Usage, sizes: ReadonlyMap<string, number>): Volume[] {
	return sanitizeDeep(engineRows).map((row) => ({
		name: row.Name,
		driver: row.Driver ?? '',
		mountpoint: row.Mountpoint ?? '',
		usedBy: used.volumes.get(row.Name) ?? [],
		size: sizes.get(row.Name),
		anonymous: isAnonymous(row.Name),
		createdAt: epoch(row.CreatedAt),
	}));
}

/**
 * The network list, with the endpoints only an inspect reports (the list leaves them out since API 1.28): a
 * connect event can arrive before the container list shows the new network, but never before the endpoint.
 */
async function attachedNetworks(docker: Dockerode, filters: Filters): Promise<ApiNetwork[]> {
	const list = (await docker.listNetworks({filters: filterParam(filters)})) as ApiNetwork[];
	return Promise.all(
		list.map(async (row) => {
			try {
				return {...row, ...((await docker.getNetwork(row.Id).inspect()) as Pick<ApiNetwork, 'Containers'>)};
			} catch {
				return row;
			}
		}),
	);
}

export function toNetworks(engineRows: readonly ApiNetwork[], used: Usage): Network[] {
	return sanitizeDeep(engineRows).map((row) => ({
		id: row.Id,
		name: row.Name,
		driver: row.Driver ?? '',
		scope: row.Scope ?? '',
		// Running containers by their endpoint, stopped ones by their configuration.
		attached: [
			...new Set([
				...Object.values(row.Containers ?? {}).flatMap((endpoint) => (endpoint.Name ? [endpoint.Name] : [])),
				...(used.networks.get(row.Name) ?? []),
			]),
		],
		builtIn: builtInNetworks.has(row.Name),
		createdAt: epoch(row.Created),
	}));
}

const filterParam = (filters: Filters) => filters as Record<string, string[]>;

const volumeSizes = (df: ApiDiskUsage): ReadonlyMap<string, number> =>
	new Map(
		(df.Volumes ?? []).flatMap((v) =>
			v.UsageData?.Size === undefined || v.UsageData.Size < 0 ? [] : [[v.Name, v.UsageData.Size] as const],
		),
	);

let diskUsageInFlight: Promise<ApiDiskUsage> | undefined;

/**
 * /system/df, shared by every caller while one is in flight: the engine runs one at a time and answers a second
 * with "a disk usage operation is already running" (another client's df gets the same answer, so that is retried).
 */
export function diskUsage(docker: Dockerode): Promise<ApiDiskUsage> {
	diskUsageInFlight ??= (async () => {
		try {
			for (let attempt = 0; ; attempt++) {
				try {
					return (await docker.df()) as ApiDiskUsage;
				} catch (error) {
					if (attempt >= 8 || !/already running/.test(toEngineError(error).message)) throw error;
					await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
				}
			}
		} finally {
			diskUsageInFlight = undefined;
		}
	})();
	return diskUsageInFlight;
}

export type ResourceRead = {
	readonly rows: Partial<ResourceRows>;
	readonly unscopable: Partial<Record<ResourcePane, string>>;
	/** Volume sizes as /system/df gave them, to reuse while no volume was created or destroyed. */
	readonly volumeSizes?: ReadonlyMap<string, number>;
};

/** Lists the given kinds within the scope; sizes of volumes come from /system/df, the one place the engine has them. */
export async function readResources(
	docker: Dockerode,
	scope: Filters,
	kinds: ReadonlySet<ResourcePane>,
	/** A /system/df already on its way, or volume sizes known from the last one (df is the engine's slowest read). */
	disk: {readonly usage?: Promise<ApiDiskUsage>; readonly sizes?: ReadonlyMap<string, number>} = {},
): Promise<ResourceRead> {
	const all = (await docker.listContainers({all: true})) as unknown as ApiUsage[];
	const used = usage(all);
	const rows: {-readonly [P in ResourcePane]?: ResourceRows[P]} = {};
	const unscopable: Partial<Record<ResourcePane, string>> = {};
	let volumeSizesRead: ReadonlyMap<string, number> | undefined;
	await Promise.all(
		[...kinds].map(async (kind) => {
			const filters = scopeFor(kind, scope);
			if ('unscopable' in filters) {
				unscopable[kind] = filters.unscopable as string;
				return;
			}

			if (kind === 'images') {
				rows.images = toImages((await docker.listImages({filters: filterParam(filters)})) as ApiImage[], used);
			} else if (kind === 'volumes') {
				const [list, sizes] = await Promise.all([
					docker.listVolumes({filters: filterParam(filters)}),
					disk.sizes ?? (disk.usage ?? diskUsage(docker)).then(volumeSizes),
				]);
				volumeSizesRead = sizes;
				rows.volumes = toVolumes((list.Volumes ?? []) as ApiVolume[], used, sizes);
			} else {
				rows.networks = toNetworks(await attachedNetworks(docker, filters), used);
			}
		}),
	);
	return {rows, unscopable, volumeSizes: volumeSizesRead};
}

/** Everything the prune preview needs, read in one go: scoped lists, who uses what, and /system/df's sizes. */
export async function readPruneSnapshot(docker: Dockerode, scope: Filters): Promise<PruneSnapshot> {
	const at = Date.now();
	const usageRead = diskUsage(docker);
	const [all, scopedContainers, df, resources] = await Promise.all([
		docker.listContainers({all: true}) as unknown as Promise<ApiUsage[]>,
		docker.listContainers({all: true, filters: filterParam(scope)}) as unknown as Promise<ApiUsage[]>,
		usageRead,
		readResources(docker, scope, new Set(['images', 'volumes', 'networks']), {usage: usageRead}),
	]);
	const containerSizes = new Map((df.Containers ?? []).map((row) => [row.Id, row.SizeRw ?? 0]));
	const used = usage(all);
	const images = new Map<string, {id: string; references: string[]; size: number; containers: number}>();
	for (const image of resources.rows.images ?? []) {
		const entry = images.get(image.id) ?? {
			id: image.id,
			references: [],
			size: image.size,
			containers: used.images.get(image.id)?.length ?? 0,
		};
		if (!image.dangling) entry.references.push(image.reference);
		images.set(image.id, entry);
	}

	return {
		at,
		containers: scopedContainers.map((row) => ({
			id: row.Id,
			name: containerName(row),
			state: sanitize(row.State ?? ''),
			size: containerSizes.get(row.Id) ?? 0,
		})),
		images: [...images.values()],
		volumes: (resources.rows.volumes ?? []).map((v) => ({
			name: v.name,
			size: v.size,
			containers: v.usedBy.length,
			anonymous: v.anonymous,
		})),
		networks: (resources.rows.networks ?? []).map((n) => ({
			id: n.id,
			name: n.name,
			builtIn: n.builtIn,
			containers: n.attached.length,
		})),
		// Build cache carries no labels or names, so a scoped session cannot say which of it is "its own".
		buildCache:
			Object.keys(scope).length > 0
				? undefined
				: (df.BuildCache ?? []).map((entry) => ({
						id: sanitize(entry.ID),
						description: sanitize(entry.Description ?? ''),
						size: entry.Size ?? 0,
						inUse: entry.InUse ?? false,
					})),
	};
}
