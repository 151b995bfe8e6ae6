// What the swarm panes show: each pane's rows after its filter and sort, the selection (pinned to a row's
// id), and what is read off the rows: replicas, a task's node and restarts, a node's task count.
import type {SwarmNode, SwarmService, SwarmTask} from './swarm-types.js';
import type {SwarmPane, SwarmState, SwarmView} from './swarm.js';

/** A task with what its row shows beyond the engine's fields. */
export type TaskRow = SwarmTask & {
	/** "web.2", or "web.<node>" for a global service's task. */
	readonly name: string;
	readonly serviceName: string;
	readonly node: string;
	/** Earlier tasks of the same slot: how often the orchestrator had to start it again. */
	readonly restarts: number;
	/** Failed, rejected, or ended while it should run: drawn as a failure. */
	readonly failing: boolean;
};

export type NodeRow = SwarmNode & {
	/** Tasks that should run on it now. */
	readonly tasks: number;
};

export type SwarmRow = SwarmService | TaskRow | NodeRow;

export type SwarmRows = {
	readonly services: readonly SwarmService[];
	readonly tasks: readonly TaskRow[];
	readonly nodes: readonly NodeRow[];
};

const failedStates = new Set(['failed', 'rejected', 'orphaned']);

/** A task that ended badly, or is not running though it should be and said why. */
export const isFailing = (task: SwarmTask): boolean =>
	failedStates.has(task.state) || (task.exitCode !== undefined && task.exitCode !== 0 && task.state !== 'running');

/**
 * How a node is named in a row: its hostname, with the start of its id when another node has the same
 * hostname (nodes on one machine, or cloned VMs, all say "vm").
 */
export function nodeNames(nodes: readonly SwarmNode[]): ReadonlyMap<string, string> {
	const counts = new Map<string, number>();
	for (const node of nodes) counts.set(node.hostname, (counts.get(node.hostname) ?? 0) + 1);
	return new Map(
		nodes.map((node) => [
			node.id,
			(counts.get(node.hostname) ?? 0) > 1 ? `${node.hostname}:${node.id.slice(0, 5)}` : node.hostname,
		]),
	);
}

/** "3/5", the replicas running of those desired; a finished job counts what completed. */
export const replicasText = (service: SwarmService): string => `${service.running}/${service.desired}`;

/** The update column: what a rolling update or rollback is doing, in words. */
export function updateText(service: SwarmService): string {
	switch (service.update) {
		case undefined:
		case 'completed':
			return '';
		case 'rollback_started':
			return 'rolling back';
		case 'rollback_paused':
			return 'rollback paused';
		case 'rollback_completed':
			return 'rolled back';
		default:
			return service.update;
	}
}

export const converged = (service: SwarmService): boolean =>
	service.running === service.desired && service.update !== 'updating' && service.update !== 'rollback_started';

/** The name a service is known by in a stack listing: "shop_web" shows under stack "shop". */
export const stackOf = (service: SwarmService): string => service.stack ?? '';

function taskRows(state: SwarmState): readonly TaskRow[] {
	const names = nodeNames(state.nodes);
	const services = new Map(state.services.map((service) => [service.id, service]));
	// Restarts: the other tasks of the same slot (or, for a global service, of the same node).
	const slotCounts = new Map<string, number>();
	const slotKey = (task: SwarmTask) => `${task.serviceId}\u0000${task.slot ?? task.nodeId ?? task.id}`;
	for (const task of state.tasks) slotCounts.set(slotKey(task), (slotCounts.get(slotKey(task)) ?? 0) + 1);
	return state.tasks.map((task) => {
		const serviceName = services.get(task.serviceId)?.name ?? task.serviceId.slice(0, 12);
		const node = task.nodeId ? (names.get(task.nodeId) ?? task.nodeId.slice(0, 12)) : '';
		return {
			...task,
			serviceName,
			name: `${serviceName}.${task.slot ?? (task.nodeId ?? task.id).slice(0, 12)}`,
			node,
			restarts: Math.max(0, (slotCounts.get(slotKey(task)) ?? 1) - 1),
			failing: isFailing(task),
		};
	});
}

function nodeRows(state: SwarmState): readonly NodeRow[] {
	const counts = new Map<string, number>();
	for (const task of state.tasks) {
		if (task.nodeId && task.desired === 'running') counts.set(task.nodeId, (counts.get(task.nodeId) ?? 0) + 1);
	}

	return state.nodes.map((node) => ({...node, tasks: counts.get(node.id) ?? 0}));
}

/** Every row of every pane, before filters: tasks only of the service chosen, when one is. */
export function swarmRows(state: SwarmState): SwarmRows {
	const tasks = taskRows(state);
	return {
		services: state.services,
		tasks: state.tasksOf ? tasks.filter((task) => task.serviceId === state.tasksOf!.id) : tasks,
		nodes: nodeRows(state),
	};
}

type Compare<T> = (a: T, b: T) => number;

const byName: Compare<SwarmService> = (a, b) => a.name.localeCompare(b.name);
const taskOrder: Compare<TaskRow> = (a, b) =>
	a.serviceName.localeCompare(b.serviceName) || (a.slot ?? 0) - (b.slot ?? 0) || b.createdAt - a.createdAt;

/** Tasks in the order a person reads a rollout: running ones first, then the rest by how bad. */
const stateRank = (task: TaskRow): number =>
	task.state === 'running' ? 0 : task.failing ? 1 : task.desired === 'running' ? 2 : 3;

const comparators: {
	readonly services: Readonly<Record<string, Compare<SwarmService>>>;
	readonly tasks: Readonly<Record<string, Compare<TaskRow>>>;
	readonly nodes: Readonly<Record<string, Compare<NodeRow>>>;
} = {
	services: {
		stack: (a, b) => stackOf(a).localeCompare(stackOf(b)) || byName(a, b),
		name: byName,
		replicas: (a, b) => b.desired - a.desired || b.running - a.running || byName(a, b),
		created: (a, b) => b.createdAt - a.createdAt || byName(a, b),
	},
	tasks: {
		service: taskOrder,
		state: (a, b) => stateRank(a) - stateRank(b) || taskOrder(a, b),
		node: (a, b) => a.node.localeCompare(b.node) || taskOrder(a, b),
		created: (a, b) => b.createdAt - a.createdAt || taskOrder(a, b),
	},
	nodes: {
		hostname: (a, b) => a.hostname.localeCompare(b.hostname) || a.id.localeCompare(b.id),
		role: (a, b) => a.role.localeCompare(b.role) || a.hostname.localeCompare(b.hostname) || a.id.localeCompare(b.id),
		tasks: (a, b) => b.tasks - a.tasks || a.hostname.localeCompare(b.hostname),
	},
};

function searchText(pane: SwarmPane, row: SwarmRow): string {
	if (pane === 'services') {
		const service = row as SwarmService;
		return `${service.name} ${service.image} ${service.mode} ${service.stack ?? ''} ${updateText(service)}`;
	}

	if (pane === 'tasks') {
		const task = row as TaskRow;
		return `${task.name} ${task.node} ${task.state} ${task.desired} ${task.error ?? ''} ${task.id}`;
	}

	const node = row as NodeRow;
	return `${node.hostname} ${node.id} ${node.role} ${node.availability} ${node.status} ${node.managerStatus ?? ''} ${Object.entries(
		node.labels,
	)
		.map(([key, value]) => `${key}=${value}`)
		.join(' ')}`;
}

function sorted<T extends SwarmRow>(pane: SwarmPane, rows: readonly T[], view: SwarmView): readonly T[] {
	const words = view.filter.value.toLowerCase().split(/\s+/).filter(Boolean);
	const table = comparators[pane] as Readonly<Record<string, Compare<T>>>;
	const compare = table[view.sort.key] ?? (() => 0);
	return rows
		.filter((row) => {
			if (words.length === 0) return true;
			const text = searchText(pane, row).toLowerCase();
			return words.every((word) => text.includes(word));
		})
		.sort(view.sort.descending ? (a, b) => compare(b, a) : compare);
}

const cache = new WeakMap<SwarmState, Partial<Record<SwarmPane, readonly SwarmRow[]>>>();

/** The rows a pane shows: its filter (every word, any order) and sort applied. */
export function visibleSwarmRows(state: SwarmState, pane: 'services'): readonly SwarmService[];
export function visibleSwarmRows(state: SwarmState, pane: 'tasks'): readonly TaskRow[];
export function visibleSwarmRows(state: SwarmState, pane: 'nodes'): readonly NodeRow[];
export function visibleSwarmRows(state: SwarmState, pane: SwarmPane): readonly SwarmRow[];
export function visibleSwarmRows(state: SwarmState, pane: SwarmPane): readonly SwarmRow[] {
	const memo = cache.get(state) ?? {};
	const hit = memo[pane];
	if (hit) return hit;
	const all = swarmRows(state);
	const out = sorted(pane, all[pane] as readonly SwarmRow[], state.views[pane]);
	cache.set(state, {...memo, [pane]: out});
	return out;
}

/** The selected row of a pane: by id while it is visible, else the row now at the old position. */
export function swarmSelection(state: SwarmState, pane: SwarmPane): {readonly index: number; readonly row?: SwarmRow} {
	const rows = visibleSwarmRows(state, pane);
	if (rows.length === 0) return {index: 0};
	const view = state.views[pane];
	const byKey = view.selectedKey === undefined ? -1 : rows.findIndex((row) => row.id === view.selectedKey);
	const index = byKey >= 0 ? byKey : Math.min(view.selectedIndex, rows.length - 1);
	return {index, row: rows[index]};
}

/** The tasks that should run (or are starting) of a service: what removing it stops. */
export const liveTasksOf = (state: SwarmState, serviceId: string): readonly SwarmTask[] =>
	state.tasks.filter((task) => task.serviceId === serviceId && task.desired === 'running');

/** The tasks that should run on a node now: what draining it moves away. */
export const liveTasksOn = (state: SwarmState, nodeId: string): readonly SwarmTask[] =>
	state.tasks.filter((task) => task.nodeId === nodeId && task.desired === 'running');
