import {Text} from 'ink';
import type {AppState} from '../state/core/app.js';
import type {KeyMap} from '../state/input/keymap.js';
import {hintText} from '../state/input/key-text.js';
import {sortArrow} from '../state/core/sort-direction.js';
import {visibleResources} from '../state/resources/resource-view.js';
import type {ResourcePane} from '../state/resources/resources.js';
import {LineInput} from './LineInput.js';
import {PaneTabs} from './PaneTabs.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';

type Props = {
	readonly state: AppState;
	readonly pane: ResourcePane;
	readonly keys: KeyMap;
};

/** The title line of the images, volumes or networks pane: tabs, count, sort and filter, or the filter prompt. */
export function ResourceTitle({state, pane, keys}: Props) {
	const view = state.resources.views[pane];
	const {columns} = useTerminalSize();
	if (view.filtering) {
		const hint = hintText(keys, 'prompt', [
			['submit', 'keeps it'],
			['back', 'clears it'],
		]);
		return <LineInput label="Filter: " editor={view.filter} hint={hint} />;
	}

	const shown = visibleResources(state.resources, pane).length;
	const total = state.resources.rows[pane].length;
	const count = ` (${shown}${shown === total ? '' : ` of ${total}`}) · sort: ${view.sort.key} ${sortArrow(view.sort.key, view.sort.descending)}`;
	const filterText = view.filter.value ? ` · filter: ${view.filter.value}` : '';
	return (
		<Text wrap="truncate-end">
			<PaneTabs pane={pane} keys={keys} swarm={state.swarm.role?.manager} room={columns - (count + filterText).length} />
			<Text dimColor>{count}</Text>
			{filterText ? <Text color="cyan">{filterText}</Text> : null}
		</Text>
	);
}
