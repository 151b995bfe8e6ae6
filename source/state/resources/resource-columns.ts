// The cells of the images, volumes and networks tables at a given width, and the detail line under them.
import {createdText, timeWidth, type TimeFormat} from '../core/time-format.js';
import {shortId} from '../core/format.js';
import type {Image, Network, ResourcePane, Volume} from './resources.js';
import {exactBytes, formatSize} from '../core/size.js';

export type ResourceColumn = {readonly title: string; readonly width: number};

type Spec = {readonly title: string; readonly fixed?: number; readonly share?: number};

const specs: Readonly<Record<ResourcePane, readonly Spec[]>> = {
	images: [
		{title: 'REPOSITORY:TAG', share: 0.6},
		{title: 'IMAGE ID', fixed: 12},
		{title: 'SIZE', fixed: 8},
		{title: 'CREATED', fixed: 8},
		{title: 'USED BY', share: 0.4},
	],
	volumes: [
		{title: 'NAME', share: 0.4},
		{title: 'DRIVER', fixed: 8},
		{title: 'SIZE', fixed: 8},
		{title: 'USED BY', share: 0.25},
		{title: 'MOUNTPOINT', share: 0.35},
	],
	networks: [
		{title: 'NAME', share: 0.4},
		{title: 'DRIVER', fixed: 8},
		{title: 'SCOPE', fixed: 6},
		{title: 'ID', fixed: 12},
		{title: 'ATTACHED', share: 0.6},
	],
};

/** The columns at this width; CREATED is as wide as the time format needs. */
export function resourceColumns(pane: ResourcePane, width: number, format: TimeFormat = 'relative'): readonly ResourceColumn[] {
	const list = specs[pane].map((spec) => (spec.title === 'CREATED' ? {...spec, fixed: timeWidth(format)} : spec));
	const marker = 2;
	const gaps = list.length - 1;
	const fixed = list.reduce((sum, spec) => sum + (spec.fixed ?? 0), 0);
	const flexible = Math.max(10, width - marker - gaps - fixed);
	return list.map((spec) => ({title: spec.title, width: spec.fixed ?? Math.floor(flexible * (spec.share ?? 0))}));
}

/** "3: web, db, cache" — how many, then who. */
const users = (names: readonly string[]) => (names.length === 0 ? '-' : `${names.length}: ${names.join(', ')}`);

export function resourceCells(
	pane: ResourcePane,
	row: Image | Volume | Network,
	now: number,
	format: TimeFormat = 'relative',
): readonly string[] {
	if (pane === 'images') {
		const image = row as Image;
		return [
			image.reference,
			shortId(image.id.replace(/^sha256:/, '')),
			formatSize(image.size),
			createdText(image.createdAt, now, format),
			users(image.usedBy),
		];
	}

	if (pane === 'volumes') {
		const volume = row as Volume;
		return [
			volume.name,
			volume.driver,
			volume.size === undefined ? '-' : formatSize(volume.size),
			users(volume.usedBy),
			volume.mountpoint,
		];
	}

	const network = row as Network;
	return [network.name, network.driver, network.scope, shortId(network.id), users(network.attached)];
}

/** The selected row in full: exact bytes, ids and paths the columns cut. */
export function resourceDetail(pane: ResourcePane, row: Image | Volume | Network): string {
	if (pane === 'images') {
		const image = row as Image;
		const tags = image.tagCount > 1 ? ` · ${image.tagCount} tags (removing this one only untags it)` : '';
		return `${image.id} · ${exactBytes(image.size)}${tags}${image.usedBy.length > 0 ? ` · used by ${image.usedBy.join(', ')}` : ''}`;
	}

	if (pane === 'volumes') {
		const volume = row as Volume;
		const size = volume.size === undefined ? 'size unknown' : exactBytes(volume.size);
		return `${volume.anonymous ? 'anonymous' : 'named'} · ${size} · ${volume.mountpoint}`;
	}

	const network = row as Network;
	return network.builtIn ? `${network.id} · built-in network: the engine's own, it cannot be removed` : network.id;
}

/** Cuts text to at most `max` characters with an ellipsis, for table cells that must not wrap. */
export function clip(text: string, max: number): string {
	const chars = [...text];
	return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}
