import {Text} from 'ink';
import {memo} from 'react';
import {fit} from '../state/core/format.js';

type Props = {
	/** One text per column, already formatted. */
	readonly cells: readonly string[];
	readonly columns: ReadonlyArray<{readonly width: number}>;
	readonly selected: boolean;
	/** The row's colour, for a row that reports trouble (a failed task). */
	readonly color?: string;
};

const sameRow = (a: Props, b: Props) =>
	a.columns === b.columns &&
	a.selected === b.selected &&
	a.color === b.color &&
	a.cells.every((cell, index) => cell === b.cells[index]);

/** One row of a pane's table (images, volumes, networks, events): re-rendered only when its text changes. */
export const TableRow = memo(function TableRow({cells, columns, selected, color}: Props) {
	return (
		<Text inverse={selected} color={color} wrap="truncate-end">
			{selected ? '▶ ' : '  '}
			{columns.map((column, index) => fit(cells[index] ?? '', column.width)).join(' ')}
		</Text>
	);
}, sameRow);
