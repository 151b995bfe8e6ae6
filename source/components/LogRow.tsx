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
	readonly prefixColor?: string;
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

/** One log line: a gutter (▶ current match, ▌ stderr), the container, the time, and the text with matches lit. */
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
	if (line.gap) {
		return (
			<Text wrap="truncate-end" color="yellow">
				{current ? <Text color="magenta">▶</Text> : ' '}
				{prefix === undefined ? null : <Text color={prefixColor}>{prefix} │ </Text>}— {line.text} · {fetchKey} fetch —
			</Text>
		);
	}

	const text = line.text.slice(0, wrap ? width * 8 : width);
	const pieces = highlighted(text, ranges, current);
	const gutter = current ? <Text color="magenta">▶</Text> : line.stream === 'stderr' ? <Text color="red">▌</Text> : ' ';
	return (
		<Text wrap={wrap ? 'wrap' : 'truncate-end'}>
			{gutter}
			{prefix === undefined ? null : <Text color={prefixColor}>{prefix} │ </Text>}
			{timestamps ? <Text dimColor>{shortTime(line, dated)} </Text> : null}
			{colours && line.styled && ranges.length === 0 && line.text.length <= width * 8 ? (
				line.styled
			) : line.stream === 'stderr' ? (
				<Text color="red">{pieces}</Text>
			) : (
				pieces
			)}
		</Text>
	);
});
