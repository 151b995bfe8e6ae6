import chalk, {type ForegroundColorName} from 'chalk';
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
const markColor: ForegroundColorName = 'magenta';

const stateColors: Readonly<Record<ContainerState, ForegroundColorName>> = {
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
function cellColor(column: Column, props: Props, merged: boolean): ForegroundColorName | undefined {
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

/** A text in a colour, bold or not, written as Ink's `<Text color bold>` writes it (colour first, then bold). */
export function paint(text: string, color: ForegroundColorName | undefined, bold = false): string {
	const coloured = color === undefined ? text : chalk[color](text);
	return bold ? chalk.bold(coloured) : coloured;
}

/** What a list row starts with, container or project: the mark gutter, then the selection marker. */
export const rowLead = (marked: boolean, selected: boolean): string =>
	(marked ? paint(markGlyph, markColor, true) : ' ') + (selected ? '▶ ' : '  ');

/**
 * One row of the containers table; memoised so a render touches only rows whose text changed. The row is one
 * text, its colours written into it, rather than a text per cell: a page of new rows (PgDn, G on a long list)
 * then costs React and Ink 2 nodes a row instead of 20, and the screen is the same, escape for escape.
 */
export const ContainerRow = memo(function ContainerRow(props: Props) {
	const {cells, columns, selected, marked = false} = props;
	const merged = !columns.some((column) => column.key === 'state');
	let text = rowLead(marked, selected);
	for (const [index, column] of columns.entries()) {
		const cell = cellText(cells[column.key] ?? '', column) + (index < columns.length - 1 ? ' ' : '');
		text += paint(cell, cellColor(column, props, merged), column.key === 'name');
	}

	return (
		<Text inverse={selected} wrap="truncate-end">
			{text}
		</Text>
	);
}, sameRow);
