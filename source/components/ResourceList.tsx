import {Box, Text} from 'ink';
import {useState} from 'react';
import {fit} from '../state/core/format.js';
import {resourceCells, resourceColumns, resourceDetail} from '../state/resources/resource-columns.js';
import {resourceSelection, rowKey, visibleResources, type ResourceRow as Row} from '../state/resources/resource-view.js';
import type {ResourcePane, ResourcesState} from '../state/resources/resources.js';
import {TableRow} from './TableRow.js';
import {windowStart} from '../state/containers/view.js';
import type {KeyMap} from '../state/input/keymap.js';
import {keyHint} from '../state/input/key-text.js';
import {useTimeFormat} from '../hooks/use-time-format.js';

type Props = {
	readonly pane: ResourcePane;
	/** Rows, each pane's view (filter, sort, selection) and whether each kind is loaded or out of scope. */
	readonly resources: ResourcesState;
	/** Lines for the whole list: column titles, rows and the detail line. */
	readonly height: number;
	readonly width: number;
	readonly now: number;
	/** For the key that clears the filter, which a config may have remapped. */
	readonly keys: KeyMap;
};

/** The images, volumes or networks table, windowed like the containers one, with the selected row's details below. */
export function ResourceList({pane, resources, height, width, now, keys}: Props) {
	const rows: ReadonlyArray<Row<ResourcePane>> = visibleResources(resources, pane);
	const selectedIndex = resourceSelection(resources, pane).index;
	const loaded = resources.loaded[pane];
	const unscopable = resources.unscopable[pane];
	const filtered = resources.views[pane].filter.value !== '';
	const [previousStart, setStart] = useState(0);
	const rowsHeight = Math.max(1, height - 2);
	const start = windowStart(selectedIndex, rows.length, rowsHeight, previousStart);
	if (start !== previousStart) setStart(start);
	const timeFormat = useTimeFormat();
	const columns = resourceColumns(pane, width, timeFormat);
	const selected = rows[selectedIndex];
	const empty =
		unscopable ??
		(!loaded
			? `Loading ${pane}…`
			: filtered
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
								key={rowKey(pane, row)}
								cells={resourceCells(pane, row, now, timeFormat)}
								columns={columns}
								selected={start + offset === selectedIndex}
							/>
						))
				)}
			</Box>
			<Text dimColor wrap="truncate-end">
				{selected && !unscopable ? resourceDetail(pane, selected) : ' '}
			</Text>
		</Box>
	);
}
