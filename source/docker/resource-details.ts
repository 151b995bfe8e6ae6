// Reads for the details panel of an image (inspect and history), a volume and a network (inspect), turned
// into domain values. Every string the engine gives is sanitised on the way in, the raw JSON's included.
import type {EnvVar} from '../state/details/container-info.js';
import {parseEnv} from '../state/details/container-info.js';
import type {ImageInfo, ImageLayer, NetworkInfo, ResourceInfo, ResourceKind, VolumeInfo} from '../state/details/resource-info.js';
import {maskInspect} from '../state/details/secrets.js';
import {sanitizeDeep} from '../state/core/sanitize.js';
import type {Engine} from './engine.js';
import {toEngineError} from './errors.js';

type Labels = Readonly<Record<string, string>> | null | undefined;

type ApiImage = {
	readonly Id: string;
	readonly RepoTags?: readonly string[] | null;
	readonly Created?: string;
	readonly Size?: number;
	readonly Architecture?: string;
	readonly Os?: string;
	readonly Config?: {
		readonly Cmd?: readonly string[] | null;
		readonly Entrypoint?: readonly string[] | null;
		readonly WorkingDir?: string;
		readonly User?: string;
		readonly Env?: readonly string[] | null;
		readonly Labels?: Labels;
	} | null;
};

type ApiHistory = ReadonlyArray<{
	readonly Id?: string;
	readonly Created?: number;
	readonly CreatedBy?: string;
	readonly Size?: number;
	readonly Comment?: string;
}>;

type ApiVolume = {
	readonly Name: string;
	readonly Driver?: string;
	readonly Mountpoint?: string;
	readonly Scope?: string;
	readonly CreatedAt?: string;
	readonly Labels?: Labels;
	readonly Options?: Labels;
};

type ApiNetwork = {
	readonly Id: string;
	readonly Name?: string;
	readonly Driver?: string;
	readonly Scope?: string;
	readonly Internal?: boolean;
	readonly EnableIPv6?: boolean;
	readonly Created?: string;
	readonly IPAM?: {readonly Config?: ReadonlyArray<{readonly Subnet?: string; readonly Gateway?: string}> | null} | null;
	readonly Containers?: Readonly<
		Record<
			string,
			{readonly Name?: string; readonly IPv4Address?: string; readonly IPv6Address?: string; readonly MacAddress?: string}
		>
	> | null;
	readonly Labels?: Labels;
};

const time = (text: string | undefined): number | undefined => {
	const at = text ? Date.parse(text) : Number.NaN;
	return Number.isFinite(at) && at > 0 ? at : undefined;
};

const pairs = (labels: Labels): Array<[string, string]> => Object.entries(labels ?? {}).sort(([a], [b]) => a.localeCompare(b));

const raws = (api: unknown) => ({raw: JSON.stringify(api, null, 2), rawMasked: JSON.stringify(maskInspect(api), null, 2)});

export function toImageInfo(engineImage: ApiImage, engineHistory: ApiHistory): ImageInfo {
	const api = sanitizeDeep(engineImage);
	const history = sanitizeDeep(engineHistory);
	const config = api.Config ?? {};
	const env: EnvVar[] = parseEnv(config.Env ?? []);
	const layers: ImageLayer[] = history.map((entry) => ({
		id: entry.Id ?? '<missing>',
		createdBy: entry.CreatedBy ?? '',
		size: entry.Size ?? 0,
		createdAt: (entry.Created ?? 0) * 1000,
		comment: entry.Comment ?? '',
	}));
	return {
		kind: 'image',
		id: api.Id,
		tags: api.RepoTags ?? [],
		createdAt: time(api.Created),
		size: api.Size ?? 0,
		platform: [api.Os, api.Architecture].filter(Boolean).join('/'),
		command: (config.Cmd ?? []).join(' '),
		entrypoint: (config.Entrypoint ?? []).join(' '),
		workingDir: config.WorkingDir ?? '',
		user: config.User ?? '',
		env,
		labels: pairs(config.Labels),
		layers,
		...raws({...api, History: history}),
	};
}

export function toVolumeInfo(engineVolume: ApiVolume): VolumeInfo {
	const api = sanitizeDeep(engineVolume);
	return {
		kind: 'volume',
		name: api.Name,
		driver: api.Driver ?? '',
		mountpoint: api.Mountpoint ?? '',
		scope: api.Scope ?? '',
		createdAt: time(api.CreatedAt),
		labels: pairs(api.Labels),
		options: pairs(api.Options),
		...raws(api),
	};
}

export function toNetworkInfo(engineNetwork: ApiNetwork): NetworkInfo {
	const api = sanitizeDeep(engineNetwork);
	return {
		kind: 'network',
		id: api.Id,
		name: api.Name ?? '',
		driver: api.Driver ?? '',
		scope: api.Scope ?? '',
		internal: api.Internal ?? false,
		ipv6: api.EnableIPv6 ?? false,
		createdAt: time(api.Created),
		subnets: (api.IPAM?.Config ?? []).map((config) => ({subnet: config.Subnet ?? '', gateway: config.Gateway ?? ''})),
		endpoints: Object.entries(api.Containers ?? {}).map(([id, endpoint]) => ({
			name: endpoint.Name || id.slice(0, 12),
			ipv4: endpoint.IPv4Address ?? '',
			ipv6: endpoint.IPv6Address ?? '',
			mac: endpoint.MacAddress ?? '',
		})),
		labels: pairs(api.Labels),
		...raws(api),
	};
}

/** Inspects an image (with its history), a volume (by name) or a network (by id). */
export async function inspectResource(engine: Engine, kind: ResourceKind, ref: string): Promise<ResourceInfo> {
	const {docker} = engine;
	try {
		switch (kind) {
			case 'image': {
				const image = docker.getImage(ref);
				const [api, history] = await Promise.all([engine.within(image.inspect()), engine.within(image.history())]);
				return toImageInfo(api as unknown as ApiImage, history as unknown as ApiHistory);
			}

			case 'volume':
				return toVolumeInfo((await engine.within(docker.getVolume(ref).inspect())) as unknown as ApiVolume);
			case 'network':
				return toNetworkInfo((await engine.within(docker.getNetwork(ref).inspect())) as unknown as ApiNetwork);
		}
	} catch (error) {
		throw toEngineError(error);
	}
}
