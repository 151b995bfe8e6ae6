import chalk, {type ForegroundColorName} from 'chalk';
import {Text} from 'ink';
import {memo} from 'react';
import {shortTime, type LogLine} from '../state/logs/log-lines.js';
import type {Range} from '../state/logs/log-search.js';
import {highlighted} from './highlight.js';

type Props = {
	readonly line: LogLine;
	/** The container's name, padded, when several containers are shown… */
	readonly prefix?: string;
	/** …and its colour. */
	readonly prefixColor?: ForegroundColorName;
	readonly timestamps: boolean;
	/** Timestamps carry the date: the lines held span more than one day. */
	readonly dated: boolean;
	readonly wrap: boolean;
	/** Parts of the text the search matches. */
	readonly ranges: readonly Range[];
	/** This line holds the match the person is on. */
	readonly current: boolean;
	/** Room for the text; a longer line is cut here (or, wrapping, at a few screens). */
	readonly width: number;
	/** Draw the line's own colours (its `styled` text) when nothing on it is highlighted. */
	readonly colours: boolean;
	/** The key that fetches a gap row's lines, as the key table has it. */
	readonly fetchKey: string;
};

/**
 * One log line: a gutter (▶ current match, ▌ stderr), the container, the time, and the text with matches lit.
 * One text with its colours written in (chalk, in the order Ink's `<Text>` applies them), not a text per
 * part: under a flood every frame brings a screen of new rows, and a row then costs React and Ink 2 nodes.
 */
export const LogRow = memo(function LogRow({
	line,
	prefix,
	prefixColor,
	timestamps,
	dated,
	wrap,
	ranges,
	current,
	width,
	colours,
	fetchKey,
}: Props) {
	const gutter = current ? chalk.magenta('▶') : line.gap ? ' ' : line.stream === 'stderr' ? chalk.red('▌') : ' ';
	const origin = prefix === undefined ? '' : paint(`${prefix} │ `, prefixColor);
	if (line.gap) {
		return (
			<Text wrap="truncate-end" color="yellow">
				{`${gutter}${origin}— ${line.text} · ${fetchKey} fetch —`}
			</Text>
		);
	}

	const time = timestamps ? chalk.dim(`${shortTime(line, dated)} `) : '';
	const text = line.text.slice(0, wrap ? width * 8 : width);
	const body =
		colours && line.styled && ranges.length === 0 && line.text.length <= width * 8
			? line.styled
			: line.stream === 'stderr'
				? chalk.red(highlighted(text, ranges, current))
				: highlighted(text, ranges, current);
	return <Text wrap={wrap ? 'wrap' : 'truncate-end'}>{`${gutter}${origin}${time}${body}`}</Text>;
});

/** A text in a colour, or as it is. */
const paint = (text: string, color: ForegroundColorName | undefined): string => (color === undefined ? text : chalk[color](text));
