import chalk, {type ForegroundColorName} from 'chalk';
import {Box, Text} from 'ink';
import {memo} from 'react';
import {groupSummary, type Group} from '../state/containers/groups.js';
import {paint, rowLead} from './ContainerRow.js';

type Props = {
	readonly group: Group;
	readonly selected: boolean;
	/** Every member the row shows is marked. */
	readonly marked: boolean;
	/** Columns available; the row is cut at the edge. */
	readonly width: number;
};

/** The fold glyphs: open (members listed below) and folded. */
export const openGlyph = '▾';
export const foldedGlyph = '▸';

/** How the summary reads at a glance: all running, some, or none. */
const summaryColor = (group: Group): ForegroundColorName =>
	group.running === group.total ? 'green' : group.running > 0 ? 'yellow' : 'gray';

/** What the row shows of its group: rows are rebuilt on every list change, mostly with the same text. */
const shown = (group: Group): string =>
	`${group.label}\u0000${group.kind}\u0000${groupSummary(group)}\u0000${group.collapsed}\u0000${group.members.length}\u0000${group.engine ?? ''}`;

const sameRow = (a: Props, b: Props): boolean =>
	a.selected === b.selected && a.marked === b.marked && a.width === b.width && shown(a.group) === shown(b.group);

/**
 * A compose project's or stack's row: fold glyph, name, kind (and engine, with several), running of total and
 * the other states. One text with its colours written in, as ContainerRow is (the same escapes as a text per part).
 */
export const ProjectRow = memo(function ProjectRow({group, selected, marked, width}: Props) {
	const kind = `${group.kind === 'compose' ? 'compose project' : 'stack'}${group.engine ? ` on ${group.engine}` : ''}`;
	const hidden = group.collapsed ? ` · ${group.members.length} folded` : '';
	const text =
		`${rowLead(marked, selected)}${group.collapsed ? foldedGlyph : openGlyph} ${chalk.bold(group.label)}` +
		`${chalk.dim(` ${kind} · `)}${paint(groupSummary(group), summaryColor(group))}${chalk.dim(hidden)}`;
	return (
		<Box width={width}>
			<Text inverse={selected} wrap="truncate-end">
				{text}
			</Text>
		</Box>
	);
}, sameRow);
