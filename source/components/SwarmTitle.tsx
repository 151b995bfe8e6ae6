import {Text} from 'ink';
import {sortArrow} from '../state/core/sort-direction.js';
import type {KeyMap} from '../state/input/keymap.js';
import {hintText} from '../state/input/key-text.js';
import type {SwarmPane, SwarmState} from '../state/swarm/swarm.js';
import {swarmRows, visibleSwarmRows} from '../state/swarm/swarm-view.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {LineInput} from './LineInput.js';
import {PaneTabs} from './PaneTabs.js';

type Props = {
	readonly pane: SwarmPane;
	readonly swarm: SwarmState;
	readonly keys: KeyMap;
};

/** The title line of a swarm pane: tabs, count, whose tasks, sort and filter, or the filter prompt. */
export function SwarmTitle({pane, swarm, keys}: Props) {
	const view = swarm.views[pane];
	const {columns} = useTerminalSize();
	if (view.filtering) {
		const hint = hintText(keys, 'prompt', [
			['submit', 'keeps it'],
			['back', 'clears it'],
		]);
		return <LineInput label="Filter: " editor={view.filter} hint={hint} />;
	}

	const shown = visibleSwarmRows(swarm, pane).length;
	const total = swarmRows(swarm)[pane].length;
	const whose = pane === 'tasks' ? (swarm.tasksOf ? ` · service ${swarm.tasksOf.name}` : ' · all services') : '';
	const count = ` (${shown}${shown === total ? '' : ` of ${total}`})${whose} · sort: ${view.sort.key} ${sortArrow(view.sort.key, view.sort.descending)}`;
	const filterText = view.filter.value ? ` · filter: ${view.filter.value}` : '';
	return (
		<Text wrap="truncate-end">
			<PaneTabs pane={pane} keys={keys} room={columns - (count + filterText).length} swarm />
			<Text dimColor>{count}</Text>
			{filterText ? <Text color="cyan">{filterText}</Text> : null}
		</Text>
	);
}
