import {Text} from 'ink';
import type {AppState} from '../state/core/app.js';
import type {Container} from '../state/core/model.js';
import {sortArrow} from '../state/core/sort-direction.js';
import type {KeyMap} from '../state/input/keymap.js';
import {hintText} from '../state/input/key-text.js';
import {LineInput} from './LineInput.js';
import {PaneTabs} from './PaneTabs.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';

type Props = {
	readonly state: AppState;
	/** The rows the filter lets through, in order. */
	readonly visible: readonly Container[];
	readonly keys: KeyMap;
};

/** The title line of the containers pane: tabs, count, sort, filter and marks, or the filter prompt. */
export function ContainerTitle({state, visible, keys}: Props) {
	const {filter, filtering, marked, sort, stateFilter} = state.ui;
	const {columns} = useTerminalSize();
	if (filtering) {
		const hint = hintText(keys, 'prompt', [
			['submit', 'keeps it'],
			['back', 'clears it'],
		]);
		return <LineInput label="Filter: " editor={filter} hint={hint} />;
	}

	const total = Object.keys(state.containers.byId).length;
	const count = ` (${visible.length}${visible.length === total ? '' : ` of ${total}`}) · sort: ${sort.key} ${sortArrow(sort.key, sort.descending)}`;
	const stateText = stateFilter ? ` · state: ${stateFilter}` : '';
	const filterText = filter.value ? ` · filter: ${filter.value}` : '';
	const marks = marked.length > 0 ? ` · ${marked.length} marked` : '';
	return (
		<Text wrap="truncate-end">
			<PaneTabs
				pane="containers"
				keys={keys}
				swarm={state.swarm.role?.manager}
				room={columns - (count + stateText + filterText + marks).length}
			/>
			<Text dimColor>{count}</Text>
			{stateText ? <Text color="cyan">{stateText}</Text> : null}
			{filterText ? <Text color="cyan">{filterText}</Text> : null}
			{marks ? <Text color="yellow">{marks}</Text> : null}
		</Text>
	);
}
