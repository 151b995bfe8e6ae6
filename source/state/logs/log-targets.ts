// Which containers the logs pane follows: a compose project (or stack) when one is picked, else the marked
// containers when there are any, else the selected one, or the members of the selected project's row. On
// the services and tasks panes it follows the selected service or task instead (swarm-log-lines.ts).
import {selection, type AppState} from '../core/app.js';
import {composeProjectLabel, groupOf} from '../containers/groups.js';
import {splitRowKey} from '../core/engines.js';
import {swarmSelection} from '../swarm/swarm-view.js';
import {serviceLogTarget, swarmLogTarget, taskLogTarget} from './swarm-log-lines.js';

export {composeProjectLabel};

/** The selected service's or task's target on its pane; undefined on another pane or with nothing selected. */
export function swarmTarget(state: AppState): string | undefined {
	const {pane} = state.ui;
	if (pane !== 'services' && pane !== 'tasks') return undefined;
	const row = swarmSelection(state.swarm, pane).row;
	if (!row) return undefined;
	return pane === 'services' ? serviceLogTarget(row.id) : taskLogTarget(row.id);
}

/** Container ids, in a stable order: marks in the order they were made, a project's by name. */
export function logTargets(state: AppState): readonly string[] {
	const {project, projectEngine, targets} = state.logs;
	const {pane} = state.ui;
	if (pane === 'services' || pane === 'tasks') {
		const target = swarmTarget(state);
		return target ? [target] : targets;
	}

	// A service's logs stay open over the other panes until the person picks something else to follow.
	if (pane !== 'containers' && targets.some((target) => swarmLogTarget(target) !== undefined)) return targets;
	if (project !== undefined) {
		return Object.values(state.containers.byId)
			.filter((container) => groupOf(container)?.name === project && splitRowKey(container.id).engine === projectEngine)
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((container) => container.id);
	}

	const marked = state.ui.marked.filter((id) => state.containers.byId[id] !== undefined);
	if (marked.length > 0) return marked;
	const {container, group} = selection(state);
	// A project's row: its members, interleaved.
	if (group) return [...group.members].sort((a, b) => a.name.localeCompare(b.name)).map((member) => member.id);
	return container ? [container.id] : [];
}
