import {Text} from 'ink';
import type {AppState} from '../state/core/app.js';
import type {Container} from '../state/core/model.js';
import {sortArrow} from '../state/core/sort-direction.js';
import {hintText, type KeyMap} from '../state/input/keymap.js';
import {LineInput} from './LineInput.js';
import {PaneTabs} from './PaneTabs.js';

type Props = {
	readonly state: AppState;
	/** The rows the filter lets through, in order. */
	readonly visible: readonly Container[];
	readonly keys: KeyMap;
};

/** The title line of the containers pane: tabs, count, sort, filter and marks, or the filter prompt. */
export function ContainerTitle({state, visible, keys}: Props) {
	const {filter, filtering, marked, sort, stateFilter} = state.ui;
	if (filtering) {
		const hint = hintText(keys, 'prompt', [
			['submit', 'keeps it'],
			['back', 'clears it'],
		]);
		return <LineInput label="Filter: " editor={filter} hint={hint} />;
	}

	const total = Object.keys(state.containers.byId).length;
	return (
		<Text wrap="truncate-end">
			<PaneTabs pane="containers" keys={keys} />
			<Text dimColor>
				{' '}
				({visible.length}
				{visible.length === total ? '' : ` of ${total}`}){' · '}
				sort: {sort.key} {sortArrow(sort.key, sort.descending)}
			</Text>
			{stateFilter ? <Text color="cyan"> · state: {stateFilter}</Text> : null}
			{filter.value ? <Text color="cyan"> · filter: {filter.value}</Text> : null}
			{marked.length > 0 ? <Text color="yellow"> · {marked.length} marked</Text> : null}
		</Text>
	);
}
