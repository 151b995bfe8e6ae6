import {Box, Text} from 'ink';
import type {InfoLine} from '../state/details/container-info.js';

type Props = {
	readonly lines: readonly InfoLine[];
	/** First line shown. */
	readonly offset: number;
	readonly height: number;
	readonly width: number;
};

const colors = {heading: 'cyan', dim: undefined, added: 'green', changed: 'yellow', deleted: 'red', masked: undefined} as const;

/** A window onto a long text (inspect, env, top, diff), only the visible lines rendered. */
export function InfoLines({lines, offset, height, width}: Props) {
	const first = Math.max(0, Math.min(offset, lines.length - height));
	return (
		<Box flexDirection="column" height={height} width={width}>
			{lines.slice(first, first + height).map((line, index) => (
				<Text
					key={first + index}
					wrap="truncate-end"
					bold={line.tone === 'heading'}
					dimColor={line.tone === 'dim' || line.tone === 'masked'}
					color={line.tone ? colors[line.tone] : undefined}
				>
					{line.text || ' '}
				</Text>
			))}
		</Box>
	);
}
