import {Text} from 'ink';
import {visibleEvents, type EventsState} from '../state/events/events.js';
import type {KeyMap} from '../state/input/keymap.js';
import {hintText} from '../state/input/key-text.js';
import {LineInput} from './LineInput.js';
import {PaneTabs} from './PaneTabs.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';

type Props = {
	readonly events: EventsState;
	readonly keys: KeyMap;
	/** The engine is a swarm manager: the swarm panes' tabs are shown too. */
	readonly swarm?: boolean;
};

/** The events pane's title line: tabs, count and filter, or the filter prompt. */
export function EventsTitle({events, keys, swarm}: Props) {
	const {columns} = useTerminalSize();
	if (events.filtering) {
		const hint = hintText(keys, 'prompt', [
			['submit', 'keeps it'],
			['back', 'clears it'],
		]);
		return <LineInput label="Filter: " editor={events.filter} hint={hint} />;
	}

	const shown = visibleEvents(events).length;
	const total = events.rows.length;
	const count = ` (${shown}${shown === total ? '' : ` of ${total}`}) · newest first · last ${events.cap} kept`;
	const filterText = events.filter.value ? ` · filter: ${events.filter.value}` : '';
	return (
		<Text wrap="truncate-end">
			<PaneTabs pane="events" keys={keys} swarm={swarm} room={columns - (count + filterText).length} />
			<Text dimColor>{count}</Text>
			{filterText ? <Text color="cyan">{filterText}</Text> : null}
		</Text>
	);
}
