import {Text} from 'ink';
import {memo} from 'react';
import type {Column} from '../state/containers/columns.js';
import {fit} from '../state/core/format.js';
import type {ContainerState} from '../state/core/model.js';

type Props = {
	/** Cell texts, keyed by column (ENGINE's only with several engines). */
	readonly cells: Readonly<Record<Exclude<Column['key'], 'engine'>, string> & {engine?: string}>;
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

const sameRow = (a: Props, b: Props): boolean =>
	a.columns === b.columns &&
	a.state === b.state &&
	a.failed === b.failed &&
	a.selected === b.selected &&
	a.marked === b.marked &&
	a.columns.every((column) => a.cells[column.key] === b.cells[column.key]);

/** One row of the containers table; memoised so a render touches only rows whose text changed. */
export const ContainerRow = memo(function ContainerRow({cells, columns, state, failed, selected, marked = false}: Props) {
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
				<Text
					key={column.key}
					color={
						column.key === 'state'
							? stateColors[state]
							: column.key === 'status' && failed
								? 'red'
								: column.key === 'name' && marked
									? markColor
									: undefined
					}
					bold={column.key === 'name'}
				>
					{fit(cells[column.key] ?? '', column.width)}
					{index < columns.length - 1 ? ' ' : ''}
				</Text>
			))}
		</Text>
	);
}, sameRow);
