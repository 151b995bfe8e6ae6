import {Box, Text} from 'ink';
import {useState} from 'react';
import {fit} from '../state/core/format.js';
import {TableRow} from './TableRow.js';
import {windowStart} from '../state/containers/view.js';
import {eventCells, eventColumns} from '../state/events/event-columns.js';
import {eventSelection, visibleEvents, type EventsState} from '../state/events/events.js';
import type {KeyMap} from '../state/input/keymap.js';
import {keyHint} from '../state/input/key-text.js';

type Props = {
	/** The buffered events and the pane's filter and selection. */
	readonly events: EventsState;
	/** Lines for the whole pane: column titles and rows. */
	readonly height: number;
	readonly width: number;
	readonly now: number;
	/** For the key that clears the filter, which a config may have remapped. */
	readonly keys: KeyMap;
};

/** The engine's events, newest first, windowed around the selection. */
export function EventList({events, height, width, now, keys}: Props) {
	const rows = visibleEvents(events);
	const {index} = eventSelection(events);
	const [previousStart, setStart] = useState(0);
	const rowsHeight = Math.max(1, height - 1);
	const start = windowStart(index, rows.length, rowsHeight, previousStart);
	if (start !== previousStart) setStart(start);
	const columns = eventColumns(width);
	const empty =
		events.filter.value === ''
			? 'No events yet: they appear here as the engine reports them'
			: `No events match the filter (${keyHint(keys, 'back', 'global')} clears it)`;
	return (
		<Box flexDirection="column" height={height}>
			<Text bold dimColor wrap="truncate-end">
				{'  '}
				{columns.map((column) => fit(column.title, column.width)).join(' ')}
			</Text>
			<Box flexDirection="column" height={rowsHeight}>
				{rows.length === 0 ? (
					<Text dimColor wrap="truncate-end">
						{'  '}
						{empty}
					</Text>
				) : (
					rows
						.slice(start, start + rowsHeight)
						.map((row, offset) => (
							<TableRow key={row.key} cells={eventCells(row, now)} columns={columns} selected={start + offset === index} />
						))
				)}
			</Box>
		</Box>
	);
}
