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

/** The names the swarm panes know, by id. */
export function originNames(swarm: AppState['swarm']): OriginNames {
	const services = new Map(swarm.services.map((service) => [service.id, service.name]));
	const slots = new Map(swarm.tasks.map((task) => [task.id, task.slot]));
	const nodes = nodeNames(swarm.nodes);
	return {service: (id) => services.get(id), slot: (id) => slots.get(id), node: (id) => nodes.get(id)};
}

/** A target's name: the container's, "service web", or "task web.2". */
export function targetName(state: Pick<AppState, 'containers' | 'swarm'>, target: string): string {
	const swarm = swarmLogTarget(target);
	if (!swarm) return state.containers.byId[target]?.name ?? target.slice(0, 12);
	if (swarm.kind === 'service') {
		const service = state.swarm.services.find((row) => row.id === swarm.id);
		return `service ${service?.name ?? swarm.id.slice(0, 12)}`;
	}

	const task = state.swarm.tasks.find((row) => row.id === swarm.id);
	const service = task && state.swarm.services.find((row) => row.id === task.serviceId);
	const name = task && service ? `${service.name}.${task.slot ?? task.id.slice(0, 8)}` : swarm.id.slice(0, 12);
	return `task ${name}`;
}

/** The prefix of each line, by its origin (a swarm task) or else its container. */
export function linePrefix(state: Pick<AppState, 'containers' | 'swarm'>): (line: LogLine) => string {
	const names = originNames(state.swarm);
	return (line) => (line.origin ? originPrefix(line.origin, names) : targetName(state, line.source));
}
