// What the details panel shows about an image, a volume or a network once the engine's inspect answers
// are read: an image's layers (its history), a volume's mountpoint and users, a network's subnets and the
// containers attached with their addresses. Secrets stay masked (secrets.ts) until revealed.
import {humanDuration} from '../core/duration.js';
import {formatSize} from '../core/size.js';
import {shortId} from '../core/format.js';
import type {EnvVar, InfoLine} from './container-info.js';
import {maskCredentials, maskEnvValue} from './secrets.js';

export type ResourceKind = 'image' | 'volume' | 'network';

/** One entry of `GET /images/{id}/history`, newest first as `docker history` lists them. */
export type ImageLayer = {
	/** "sha256:…", or "<missing>" for a layer built elsewhere. */
	readonly id: string;
	readonly createdBy: string;
	/** Bytes. */
	readonly size: number;
	/** Epoch ms. */
	readonly createdAt: number;
	readonly comment: string;
};

type Raw = {
	/** The whole inspect answer, pretty-printed, for the raw view. */
	readonly raw: string;
	/** The same with secrets masked, shown until the reveal key. */
	readonly rawMasked: string;
};

export type ImageInfo = Raw & {
	readonly kind: 'image';
	readonly id: string;
	readonly tags: readonly string[];
	readonly createdAt?: number;
	readonly size: number;
	readonly platform: string;
	readonly command: string;
	readonly entrypoint: string;
	readonly workingDir: string;
	readonly user: string;
	readonly env: readonly EnvVar[];
	readonly labels: ReadonlyArray<readonly [string, string]>;
	readonly layers: readonly ImageLayer[];
};

export type VolumeInfo = Raw & {
	readonly kind: 'volume';
	readonly name: string;
	readonly driver: string;
	readonly mountpoint: string;
	readonly scope: string;
	readonly createdAt?: number;
	readonly labels: ReadonlyArray<readonly [string, string]>;
	readonly options: ReadonlyArray<readonly [string, string]>;
};

export type NetworkEndpoint = {
	readonly name: string;
	/** "172.18.0.2/16", or "" when it has none. */
	readonly ipv4: string;
	readonly ipv6: string;
	readonly mac: string;
};

export type NetworkInfo = Raw & {
	readonly kind: 'network';
	readonly id: string;
	readonly name: string;
	readonly driver: string;
	readonly scope: string;
	readonly internal: boolean;
	readonly ipv6: boolean;
	readonly createdAt?: number;
	readonly subnets: ReadonlyArray<{readonly subnet: string; readonly gateway: string}>;
	/** The running containers the engine lists on the network, with their addresses. */
	readonly endpoints: readonly NetworkEndpoint[];
	readonly labels: ReadonlyArray<readonly [string, string]>;
};

export type ResourceInfo = ImageInfo | VolumeInfo | NetworkInfo;

export const resourceTitles: Readonly<Record<ResourceKind, string>> = {image: 'Image', volume: 'Volume', network: 'Network'};

/** An address without its prefix length: what a person pastes ("172.18.0.2", not "172.18.0.2/16"). */
export const bareAddress = (address: string): string => address.replace(/\/\d+$/, '');

const heading = (text: string): InfoLine => ({text, tone: 'heading'});
const blank: InfoLine = {text: ''};
const dim = (text: string): InfoLine => ({text, tone: 'dim'});

function rows(pairs: ReadonlyArray<readonly [string, string]>, mask: (key: string, value: string) => string): InfoLine[] {
	const width = Math.max(0, ...pairs.map(([key]) => key.length));
	return pairs.map(([key, value]) => {
		const shown = mask(key, value);
		return {
			text: `  ${key.padEnd(width)}  ${shown}`,
			tone: shown === value ? undefined : 'masked',
			copy: {text: shown, what: key},
		};
	});
}

const asIs = (_key: string, value: string) => value;

function section(
	title: string,
	pairs: ReadonlyArray<readonly [string, string]>,
	mask: (key: string, value: string) => string = asIs,
): InfoLine[] {
	return pairs.length === 0 ? [] : [blank, heading(title), ...rows(pairs, mask)];
}

const age = (at: number | undefined, now: number) => (at === undefined ? '—' : `${humanDuration(now - at)} ago`);

function usedBySection(title: string, users: readonly string[], none: string): InfoLine[] {
	if (users.length === 0) return [blank, heading(title), dim(`  ${none}`)];
	return [
		blank,
		heading(`${title} (${users.length})`),
		...users.map((name) => ({text: `  ${name}`, copy: {text: name, what: name}})),
	];
}

function imageLines(info: ImageInfo, usedBy: readonly string[], revealed: boolean, now: number): InfoLine[] {
	const envMask = (key: string, value: string) => (revealed ? value : maskEnvValue(key, value));
	const lines = rows(
		[
			['Id', info.id],
			['Tags', info.tags.join(', ') || '<none>'],
			['Created', age(info.createdAt, now)],
			['Size', formatSize(info.size)],
			['Platform', info.platform],
			['Command', info.command || '—'],
			['Entrypoint', info.entrypoint || '—'],
			['Working dir', info.workingDir || '/'],
			['User', info.user || 'root (default)'],
		],
		(_key, value) => (revealed ? value : maskCredentials(value)),
	);
	const layers = info.layers.map((layer) => [
		layer.id === '<missing>' ? '<missing>' : shortId(layer.id.replace(/^sha256:/, '')),
		formatSize(layer.size),
		age(layer.createdAt, now),
		revealed ? layer.createdBy : maskCredentials(layer.createdBy),
	]);
	const widths = [0, 1, 2].map((column) => Math.max(...layers.map((layer) => layer[column]!.length), 5));
	const layerLines: InfoLine[] = layers.map((layer, index) => ({
		text: `  ${layer[0]!.padEnd(widths[0]!)}  ${layer[1]!.padStart(widths[1]!)}  ${layer[2]!.padEnd(widths[2]!)}  ${layer[3]}`,
		copy: {text: layer[3]!, what: `layer ${index + 1}'s command`},
	}));
	return [
		heading('Image'),
		...lines,
		blank,
		heading(`History (${info.layers.length} layers, newest first)`),
		{
			text: `  ${'LAYER'.padEnd(widths[0]!)}  ${'SIZE'.padStart(widths[1]!)}  ${'AGE'.padEnd(widths[2]!)}  CREATED BY`,
			tone: 'dim',
		},
		...layerLines,
		...usedBySection('Used by', usedBy, 'No container uses this image'),
		...section(
			'Env',
			info.env.map(({key, value}) => [key, value]),
			envMask,
		),
		...section('Labels', info.labels, envMask),
	];
}

function volumeLines(info: VolumeInfo, usedBy: readonly string[], revealed: boolean, now: number): InfoLine[] {
	const mask = (key: string, value: string) => (revealed ? value : maskEnvValue(key, value));
	return [
		heading('Volume'),
		...rows(
			[
				['Name', info.name],
				['Driver', info.driver],
				['Mountpoint', info.mountpoint],
				['Scope', info.scope],
				['Created', age(info.createdAt, now)],
			],
			asIs,
		),
		...usedBySection('Used by', usedBy, 'No container uses this volume'),
		...section('Labels', info.labels, mask),
		...section('Options', info.options, mask),
	];
}

function networkLines(info: NetworkInfo, attached: readonly string[], revealed: boolean, now: number): InfoLine[] {
	const mask = (key: string, value: string) => (revealed ? value : maskEnvValue(key, value));
	const subnets = info.subnets.flatMap(({subnet, gateway}, index): Array<[string, string]> => {
		const suffix = info.subnets.length > 1 ? ` ${index + 1}` : '';
		return [
			[`Subnet${suffix}`, subnet || '—'],
			[`Gateway${suffix}`, gateway || '—'],
		];
	});
	const endpoints = [...info.endpoints].sort((a, b) => a.name.localeCompare(b.name));
	const listed = new Set(endpoints.map((endpoint) => endpoint.name));
	const idle = attached.filter((name) => !listed.has(name));
	const nameWidth = Math.max(4, ...endpoints.map((endpoint) => endpoint.name.length), ...idle.map((name) => name.length));
	const v4Width = Math.max(4, ...endpoints.map((endpoint) => endpoint.ipv4.length));
	const containerLines: InfoLine[] = [
		...endpoints.map((endpoint) => ({
			text: `  ${endpoint.name.padEnd(nameWidth)}  ${(endpoint.ipv4 || '—').padEnd(v4Width)}  ${endpoint.ipv6 || '—'}`,
			copy: {
				text: bareAddress(endpoint.ipv4 || endpoint.ipv6),
				what: `${endpoint.name}'s address`,
			},
		})),
		...idle.map((name) => ({text: `  ${name.padEnd(nameWidth)}  (not running: no address)`, tone: 'dim' as const})),
	];
	const count = endpoints.length + idle.length;
	return [
		heading('Network'),
		...rows(
			[
				['Id', info.id],
				['Name', info.name],
				['Driver', info.driver],
				['Scope', info.scope],
				['Internal', info.internal ? 'yes' : 'no'],
				['IPv6', info.ipv6 ? 'enabled' : 'off'],
				['Created', age(info.createdAt, now)],
				...subnets,
			],
			asIs,
		),
		blank,
		heading(`Containers (${count})`),
		...(count === 0
			? [dim('  No container is attached')]
			: [
					{
						text: `  ${'NAME'.padEnd(nameWidth)}  ${'IPV4'.padEnd(v4Width)}  IPV6`,
						tone: 'dim' as const,
					},
					...containerLines,
				]),
		...section('Labels', info.labels, mask),
	];
}

/**
 * The panel's lines for a resource: readable sections, or the raw inspect JSON (masked until revealed).
 * `usedBy` are the containers the list knows use it (for a network: are attached); `now` dates the ages.
 */
export function resourceLines(
	info: ResourceInfo,
	usedBy: readonly string[],
	raw: boolean,
	revealed: boolean,
	now: number,
): InfoLine[] {
	if (raw) return (revealed ? info.raw : info.rawMasked).split('\n').map((text) => ({text}));
	switch (info.kind) {
		case 'image':
			return imageLines(info, usedBy, revealed, now);
		case 'volume':
			return volumeLines(info, usedBy, revealed, now);
		case 'network':
			return networkLines(info, usedBy, revealed, now);
	}
}
