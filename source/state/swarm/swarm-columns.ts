// The cells of the services, tasks and nodes tables at a given width, and the detail line under each.
import {createdText, timeWidth, type TimeFormat} from '../core/time-format.js';
import type {SwarmService} from './swarm-types.js';
import type {SwarmPane} from './swarm.js';
import {replicasText, updateText, type NodeRow, type SwarmRow, type TaskRow} from './swarm-view.js';

export type SwarmColumn = {readonly title: string; readonly width: number};

type Spec = {readonly title: string; readonly fixed?: number; readonly share?: number};

const specs: Readonly<Record<SwarmPane, readonly Spec[]>> = {
	services: [
		{title: 'STACK', share: 0.12},
		{title: 'NAME', share: 0.28},
		{title: 'MODE', fixed: 10},
		{title: 'REPLICAS', fixed: 8},
		{title: 'IMAGE', share: 0.3},
		{title: 'PORTS', share: 0.15},
		{title: 'UPDATE', share: 0.15},
		{title: 'CREATED', fixed: 8},
	],
	tasks: [
		{title: 'TASK', share: 0.25},
		{title: 'NODE', share: 0.15},
		{title: 'DESIRED', fixed: 8},
		{title: 'STATE', fixed: 9},
		{title: 'EXIT', fixed: 4},
		{title: 'RESTARTS', fixed: 8},
		{title: 'CREATED', fixed: 8},
		{title: 'ERROR', share: 0.6},
	],
	nodes: [
		{title: 'HOSTNAME', share: 0.3},
		{title: 'ID', fixed: 12},
		{title: 'ROLE', fixed: 7},
		{title: 'AVAIL', fixed: 6},
		{title: 'STATUS', fixed: 7},
		{title: 'MANAGER', fixed: 9},
		{title: 'ENGINE', fixed: 14},
		{title: 'TASKS', fixed: 5},
		{title: 'LABELS', share: 0.7},
	],
};

/** The columns at this width; CREATED is as wide as the time format needs. */
export function swarmColumns(pane: SwarmPane, width: number, format: TimeFormat = 'relative'): readonly SwarmColumn[] {
	const list = specs[pane].map((spec) => (spec.title === 'CREATED' ? {...spec, fixed: timeWidth(format)} : spec));
	const marker = 2;
	const gaps = list.length - 1;
	const fixed = list.reduce((sum, spec) => sum + (spec.fixed ?? 0), 0);
	const flexible = Math.max(10, width - marker - gaps - fixed);
	return list.map((spec) => ({title: spec.title, width: spec.fixed ?? Math.max(1, Math.floor(flexible * (spec.share ?? 0)))}));
}

/** An image as people name it: without the digest a service's spec pins it to. */
export const imageName = (image: string): string => image.replace(/@sha256:[0-9a-f]+$/, '');

const labelsText = (labels: Readonly<Record<string, string>>): string =>
	Object.entries(labels)
		.map(([key, value]) => (value === '' ? key : `${key}=${value}`))
		.join(', ');

export function swarmCells(pane: SwarmPane, row: SwarmRow, now: number, format: TimeFormat = 'relative'): readonly string[] {
	if (pane === 'services') {
		const service = row as SwarmService;
		return [
			service.stack ?? '-',
			service.name,
			service.mode,
			replicasText(service),
			imageName(service.image),
			service.ports.join(', '),
			updateText(service),
			createdText(service.createdAt, now, format),
		];
	}

	if (pane === 'tasks') {
		const task = row as TaskRow;
		return [
			task.name,
			task.node,
			task.desired,
			task.state,
			task.exitCode === undefined ? '' : String(task.exitCode),
			String(task.restarts),
			createdText(task.createdAt, now, format),
			task.error ?? '',
		];
	}

	const node = row as NodeRow;
	return [
		node.hostname,
		node.id.slice(0, 12),
		node.role,
		node.availability,
		node.status,
		node.managerStatus ?? '',
		node.engineVersion ?? '',
		String(node.tasks),
		labelsText(node.labels),
	];
}

/** The line under the table: what does not fit in the row, for the selected one. */
export function swarmDetail(pane: SwarmPane, row: SwarmRow): string {
	if (pane === 'services') {
		const service = row as SwarmService;
		const update = service.updateMessage ? ` · ${service.updateMessage}` : '';
		return `${service.name} · ${service.id.slice(0, 12)} · ${imageName(service.image)}${update}`;
	}

	if (pane === 'tasks') {
		const task = row as TaskRow;
		const why = task.error ?? task.message ?? '';
		return `${task.name} · task ${task.id.slice(0, 12)} on ${task.node || 'no node yet'} · ${task.state}${why ? `: ${why}` : ''}`;
	}

	const node = row as NodeRow;
	return `${node.hostname} · ${node.id} · ${node.address ?? ''}`;
}
