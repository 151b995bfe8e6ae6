import {Box, Text} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import {containerColumns} from '../state/containers/columns.js';
import {createdText} from '../state/core/time-format.js';
import {fit, formatPorts} from '../state/core/format.js';
import {statusText} from '../state/containers/status.js';
import {windowStart} from '../state/containers/view.js';
import type {KeyMap} from '../state/input/keymap.js';
import {keyHint} from '../state/input/key-text.js';
import {ContainerRow, markColumnWidth} from './ContainerRow.js';
import {useTimeFormat} from '../hooks/use-time-format.js';
import {groupOf, isGroupRow, type ListRow} from '../state/containers/groups.js';
import {ProjectRow} from './ProjectRow.js';
import {cpuCell, memoryCell} from '../state/containers/usage.js';
import type {ContainersState} from '../state/containers/containers.js';

type Props = {
	/** Rows after filter and sort; with grouping, project and stack rows with their members under them. */
	readonly rows: readonly ListRow[];
	readonly selectedIndex: number;
	/** Lines available for rows (the column titles come on top). */
	readonly height: number;
	readonly width: number;
	/** The clock relative texts are computed from (the config's timeFormat may ask for absolute ones). */
	readonly now: number;
	/** False until the first list arrived. */
	readonly loaded: boolean;
	/** Whether a filter hides some rows, to word the empty state. */
	readonly filtered: boolean;
	/** For the key that clears the filter, which a config may have remapped. */
	readonly keys: KeyMap;
	/** Ids marked for a bulk action; their rows carry the mark glyph. */
	readonly marked?: readonly string[];
	/** With several engines, the ENGINE column's width; 0 (one engine) leaves the column out. */
	readonly engineWidth?: number;
	/** The CPU % and MEM / LIMIT columns are on (the width may still leave them out). */
	readonly usageColumns?: boolean;
	/** Their figures, per container id. */
	readonly usage?: ContainersState['usage'];
	/**
	 * Told the ids of the rows on screen whenever they change, and [] when the list goes or the width leaves
	 * no room for the CPU and MEM columns: the stats streams follow them.
	 */
	readonly onWindow?: (ids: readonly string[]) => void;
	/** Told the ids of the rows on screen whenever they change, whatever the columns: their exact times are read. */
	readonly onRows?: (ids: readonly string[]) => void;
};

/** The containers table; only the window of rows that fits on screen is rendered. */
export function ContainerList({
	rows,
	selectedIndex,
	height,
	width,
	now,
	loaded,
	filtered,
	keys,
	marked = [],
	engineWidth = 0,
	usageColumns = false,
	usage,
	onWindow,
	onRows,
}: Props) {
	// The window moves only as far as needed to keep the selection in view; adjusting state during
	// render is React's pattern for state derived from the previous render.
	const [previousStart, setStart] = useState(0);
	const start = windowStart(selectedIndex, rows.length, height, previousStart);
	if (start !== previousStart) setStart(start);
	const timeFormat = useTimeFormat();
	// The mark glyph's column comes on top of the selection marker that the layout already counts.
	// Members sit under their group's row, indented; with grouping off there are no group rows.
	const grouped = rows.some(isGroupRow);
	// NAME asks for the widest name in the list (not just on screen), so scrolling does not move the columns.
	const nameWidth = useMemo(
		() =>
			rows.reduce((widest, row) => (isGroupRow(row) ? widest : Math.max(widest, [...row.name].length)), 4) + (grouped ? 2 : 0),
		[rows, grouped],
	);
	const columns = containerColumns(width - markColumnWidth, timeFormat, {nameWidth, usage: usageColumns, engineWidth});
	const markedIds = new Set(marked);
	const visible = rows.slice(start, start + height);
	// No stats streams for columns the width left out.
	const streamed = columns.some((column) => column.key === 'cpu' || column.key === 'memory');
	const visibleIds = visible.map((row) => row.id).join(' ');
	const windowIds = streamed ? visibleIds : '';
	useEffect(() => {
		onRows?.(visibleIds === '' ? [] : visibleIds.split(' '));
	}, [onRows, visibleIds]);
	useEffect(() => {
		onWindow?.(windowIds === '' ? [] : windowIds.split(' '));
	}, [onWindow, windowIds]);
	useEffect(() => () => onWindow?.([]), [onWindow]);
	const title = columns.map((column) => fit(column.title, column.width)).join(' ');
	return (
		<Box flexDirection="column" height={height + 1}>
			<Text bold dimColor wrap="truncate-end">
				{'   '}
				{title}
			</Text>
			{visible.length === 0 ? (
				<Text dimColor>
					{'   '}
					{!loaded
						? 'Loading containers…'
						: filtered
							? `No container matches the filter (${keyHint(keys, 'back', 'global')} clears it)`
							: 'No containers'}
				</Text>
			) : (
				// Rows are keyed by their place in the window, not by container: a page key (PgDn, G on a long list)
				// then gives the same 45 rows new text instead of unmounting 45 and mounting 45 (fibers, Ink nodes,
				// layout nodes, and the garbage of all three), and a row's text is all a row holds.
				visible.map((container, offset) =>
					isGroupRow(container) ? (
						<ProjectRow
							key={offset}
							group={container.group}
							selected={start + offset === selectedIndex}
							marked={container.group.members.every((member) => markedIds.has(member.id))}
							width={width}
						/>
					) : (
						<ContainerRow
							key={offset}
							columns={columns}
							state={container.state}
							failed={(container.state === 'exited' && (container.exitCode ?? 0) !== 0) || container.health === 'unhealthy'}
							selected={start + offset === selectedIndex}
							marked={markedIds.has(container.id)}
							cells={{
								engine: container.engine ?? '',
								name: grouped && groupOf(container) ? `  ${container.name}` : container.name,
								image: container.image,
								state: container.state,
								status: statusText(container, now, timeFormat),
								ports: formatPorts(container.ports),
								created: createdText(container.createdAt, now, timeFormat),
								...(usageColumns
									? {
											cpu: cpuCell(usage?.[container.id], container.state),
											memory: memoryCell(usage?.[container.id], container.state),
										}
									: {}),
							}}
						/>
					),
				)
			)}
		</Box>
	);
}
