// Which containers the logs pane follows: a compose project when one is picked, else the marked
// containers when there are any, else the selected one.
import {selection, type AppState} from '../core/app.js';

export const composeProjectLabel = 'com.docker.compose.project';

/** Container ids, in a stable order: marks in the order they were made, a project's by name. */
export function logTargets(state: AppState): readonly string[] {
	const {project} = state.logs;
	if (project !== undefined) {
		return Object.values(state.containers.byId)
			.filter((container) => container.labels[composeProjectLabel] === project)
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((container) => container.id);
	}

	const marked = state.ui.marked.filter((id) => state.containers.byId[id] !== undefined);
	if (marked.length > 0) return marked;
	const {container} = selection(state);
	return container ? [container.id] : [];
}
