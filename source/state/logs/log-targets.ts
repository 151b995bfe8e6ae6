// Which containers the logs pane follows: a compose project (or stack) when one is picked, else the marked
// containers when there are any, else the selected one, or the members of the selected project's row.
import {selection, type AppState} from '../core/app.js';
import {composeProjectLabel, groupOf} from '../containers/groups.js';
import {splitRowKey} from '../core/engines.js';

export {composeProjectLabel};

/** Container ids, in a stable order: marks in the order they were made, a project's by name. */
export function logTargets(state: AppState): readonly string[] {
	const {project, projectEngine} = state.logs;
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
