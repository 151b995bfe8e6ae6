import {Box, Text} from 'ink';
import type {InfoLine} from '../state/details/container-info.js';
import type {Range} from '../state/logs/log-search.js';
import {highlighted} from './highlight.js';

type Props = {
	readonly lines: readonly InfoLine[];
	/** First line shown. */
	readonly offset: number;
	readonly height: number;
	readonly width: number;
	/** Search matches to highlight, by line index. */
	readonly ranges?: ReadonlyMap<number, readonly Range[]>;
	/** The line of the current match, drawn in the current match's colour. */
	readonly current?: number;
};

const colors = {heading: 'cyan', dim: undefined, added: 'green', changed: 'yellow', deleted: 'red', masked: undefined} as const;

/** A window onto a long text (inspect, env, top, diff), only the visible lines rendered. */
export function InfoLines({lines, offset, height, width, ranges, current}: Props) {
	const first = Math.max(0, Math.min(offset, lines.length - height));
	return (
		<Box flexDirection="column" height={height} width={width}>
			{lines.slice(first, first + height).map((line, index) => {
				const hits = ranges?.get(first + index);
				return (
					<Text
						key={first + index}
						wrap="truncate-end"
						bold={line.tone === 'heading'}
						dimColor={!hits && (line.tone === 'dim' || line.tone === 'masked')}
						color={line.tone && !hits ? colors[line.tone] : undefined}
					>
						{hits ? highlighted(line.text, hits, first + index === current) : line.text || ' '}
					</Text>
				);
			})}
		</Box>
	);
}
