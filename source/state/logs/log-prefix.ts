// What names the source of each log line when the pane holds several: a container's name, or for a swarm
// service's line its task and node ("web.2@vm"), looked up in what the swarm panes know.
import type {AppState} from '../core/app.js';
import {nodeNames} from '../swarm/swarm-view.js';
import type {LogLine} from './log-lines.js';
import type {LogsState} from './log-types.js';
import {originPrefix, swarmLogTarget, type OriginNames} from './swarm-log-lines.js';

/** Lines carry a prefix: several containers, or a service (whose lines come from several tasks) or a task. */
export const hasPrefix = (logs: Pick<LogsState, 'targets'>): boolean =>
	logs.targets.length > 1 || logs.targets.some((target) => swarmLogTarget(target) !== undefined);

/**
 * Names once known, by id: a removed service's lines (and its tasks', gone from the list with it) keep
 * the names they were shown with. Bounded: forgotten all at once past `rememberAtMost` ids.
 */
const remembered = {services: new Map<string, string>(), slots: new Map<string, number>(), nodes: new Map<string, string>()};
const rememberAtMost = 10_000;
let rememberedFrom: AppState['swarm'] | undefined;

function remember(swarm: AppState['swarm']): void {
	if (rememberedFrom === swarm) return;
	rememberedFrom = swarm;
	const {services, slots, nodes} = remembered;
	if (services.size + slots.size + nodes.size > rememberAtMost) for (const map of [services, slots, nodes]) map.clear();
	for (const service of swarm.services) services.set(service.id, service.name);
	for (const task of swarm.tasks) if (task.slot !== undefined) slots.set(task.id, task.slot);
	for (const [id, name] of nodeNames(swarm.nodes)) nodes.set(id, name);
}

/** The names the swarm panes know (or knew), by id. */
export function originNames(swarm: AppState['swarm']): OriginNames {
	remember(swarm);
	const {services, slots, nodes} = remembered;
	return {service: (id) => services.get(id), slot: (id) => slots.get(id), node: (id) => nodes.get(id)};
}

/** A target's name: the container's, "service web", or "task web.2". */
export function targetName(state: Pick<AppState, 'containers' | 'swarm'>, target: string): string {
	const swarm = swarmLogTarget(target);
	if (!swarm) return state.containers.byId[target]?.name ?? target.slice(0, 12);
	const names = originNames(state.swarm);
	if (swarm.kind === 'service') return `service ${names.service(swarm.id) ?? swarm.id.slice(0, 12)}`;
	const task = state.swarm.tasks.find((row) => row.id === swarm.id);
	const service = task && names.service(task.serviceId);
	const name = task && service ? `${service}.${task.slot ?? task.id.slice(0, 8)}` : swarm.id.slice(0, 12);
	return `task ${name}`;
}

/** The prefix of each line, by its origin (a swarm task) or else its container. */
export function linePrefix(state: Pick<AppState, 'containers' | 'swarm'>): (line: LogLine) => string {
	const names = originNames(state.swarm);
	return (line) => (line.origin ? originPrefix(line.origin, names) : targetName(state, line.source));
}
