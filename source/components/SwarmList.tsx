import {Box, Text} from 'ink';
import {useState} from 'react';
import {fit} from '../state/core/format.js';
import {windowStart} from '../state/containers/view.js';
import type {KeyMap} from '../state/input/keymap.js';
import {keyHint} from '../state/input/key-text.js';
import type {SwarmPane, SwarmState} from '../state/swarm/swarm.js';
import {swarmCells, swarmColumns, swarmDetail} from '../state/swarm/swarm-columns.js';
import {swarmSelection, visibleSwarmRows, type SwarmRow, type TaskRow} from '../state/swarm/swarm-view.js';
import type {SwarmService} from '../state/swarm/swarm-types.js';
import {useTimeFormat} from '../hooks/use-time-format.js';
import {TableRow} from './TableRow.js';

type Props = {
	readonly pane: SwarmPane;
	/** Rows, each pane's view and whether each kind is loaded. */
	readonly swarm: SwarmState;
	/** Lines for the whole list: column titles, rows and the detail line. */
	readonly height: number;
	readonly width: number;
	readonly now: number;
	/** For the key that clears the filter, which a config may have remapped. */
	readonly keys: KeyMap;
};

/** A row's colour: a failing task in red, a service short of replicas in yellow, a node not ready in red. */
function rowColor(pane: SwarmPane, row: SwarmRow): string | undefined {
	if (pane === 'tasks') return (row as TaskRow).failing ? 'red' : undefined;
	if (pane === 'services') {
		const service = row as SwarmService;
		return service.update === 'paused' || service.update === 'rollback_paused'
			? 'red'
			: service.running < service.desired
				? 'yellow'
				: undefined;
	}

	return (row as {status: string}).status === 'ready' ? undefined : 'red';
}

/** The services, tasks or nodes table, windowed like the others, with the selected row's details below. */
export function SwarmList({pane, swarm, height, width, now, keys}: Props) {
	const rows = visibleSwarmRows(swarm, pane);
	const selectedIndex = swarmSelection(swarm, pane).index;
	const [previousStart, setStart] = useState(0);
	const rowsHeight = Math.max(1, height - 2);
	const start = windowStart(selectedIndex, rows.length, rowsHeight, previousStart);
	if (start !== previousStart) setStart(start);
	const timeFormat = useTimeFormat();
	const columns = swarmColumns(pane, width, timeFormat);
	const selected = rows[selectedIndex];
	const unscopable = pane === 'services' ? swarm.unscopable : undefined;
	const empty =
		unscopable ??
		(!swarm.loaded[pane]
			? `Loading ${pane}…`
			: swarm.views[pane].filter.value !== ''
				? `No ${pane} match the filter (${keyHint(keys, 'back', 'global')} clears it)`
				: `No ${pane}`);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold dimColor wrap="truncate-end">
				{'  '}
				{columns.map((column) => fit(column.title, column.width)).join(' ')}
			</Text>
			<Box flexDirection="column" height={rowsHeight}>
				{rows.length === 0 || unscopable ? (
					<Text dimColor wrap="truncate-end">
						{'  '}
						{empty}
					</Text>
				) : (
					rows
						.slice(start, start + rowsHeight)
						.map((row, offset) => (
							<TableRow
								key={row.id}
								cells={swarmCells(pane, row, now, timeFormat)}
								columns={columns}
								selected={start + offset === selectedIndex}
								color={rowColor(pane, row)}
							/>
						))
				)}
			</Box>
			<Text dimColor wrap="truncate-end">
				{selected && !unscopable ? swarmDetail(pane, selected) : ' '}
			</Text>
		</Box>
	);
}
