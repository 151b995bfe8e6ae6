import {Text} from 'ink';
import {memo} from 'react';
import type {Column} from '../state/containers/columns.js';
import {fit} from '../state/core/format.js';
import type {ContainerState} from '../state/core/model.js';

type Props = {
	/** Cell texts, keyed by column (CPU and MEM only while those columns are on). */
	readonly cells: Readonly<Partial<Record<Column['key'], string>>>;
	readonly columns: readonly Column[];
	readonly state: ContainerState;
	/** Exited with a non-zero code, or unhealthy. */
	readonly failed: boolean;
	readonly selected: boolean;
	/** Marked for a bulk action: a glyph in the mark column and the name in the mark colour. */
	readonly marked?: boolean;
};

/** The mark gutter at the left edge, before the selection marker: `●` on a marked row (`*` under --ascii). */
export const markGlyph = '●';
export const markColumnWidth = 1;
const markColor = 'magenta';

const stateColors: Readonly<Record<ContainerState, string>> = {
	running: 'green',
	paused: 'yellow',
	restarting: 'yellow',
	created: 'blue',
	removing: 'magenta',
	exited: 'gray',
	dead: 'red',
};

/** Numbers line up on the right. */
const rightAligned: ReadonlySet<Column['key']> = new Set(['cpu', 'memory']);

const cellText = (text: string, column: Column): string =>
	rightAligned.has(column.key) && [...text].length < column.width ? text.padStart(column.width) : fit(text, column.width);

/** STATE's colour, or STATUS's when STATE is merged into it (a narrow screen), where a failure shows red. */
function cellColor(column: Column, props: Props, merged: boolean): string | undefined {
	if (column.key === 'state') return stateColors[props.state];
	if (column.key === 'status') return props.failed ? 'red' : merged ? stateColors[props.state] : undefined;
	if (column.key === 'name' && props.marked) return markColor;
	return undefined;
}

const sameRow = (a: Props, b: Props): boolean =>
	a.columns === b.columns &&
	a.state === b.state &&
	a.failed === b.failed &&
	a.selected === b.selected &&
	a.marked === b.marked &&
	a.columns.every((column) => a.cells[column.key] === b.cells[column.key]);

/** One row of the containers table; memoised so a render touches only rows whose text changed. */
export const ContainerRow = memo(function ContainerRow(props: Props) {
	const {cells, columns, selected, marked = false} = props;
	const merged = !columns.some((column) => column.key === 'state');
	return (
		<Text inverse={selected} wrap="truncate-end">
			{marked ? (
				<Text color={markColor} bold>
					{markGlyph}
				</Text>
			) : (
				' '
			)}
			{selected ? '▶ ' : '  '}
			{columns.map((column, index) => (
				<Text key={column.key} color={cellColor(column, props, merged)} bold={column.key === 'name'}>
					{cellText(cells[column.key] ?? '', column)}
					{index < columns.length - 1 ? ' ' : ''}
				</Text>
			))}
		</Text>
	);
}, sameRow);
