import {Box, Text} from 'ink';
import type {Status} from '../state/core/ui.js';
import {statusLines} from '../state/core/status-lines.js';

type Props = {
	/** The last thing that happened, or nothing. */
	readonly status: Status | undefined;
	/** Columns of the terminal: a longer status wraps onto more rows (screenLayout counts them). */
	readonly columns: number;
};

const tones = {info: undefined, progress: 'cyan', success: 'green', error: 'red'} as const;

/** The result of the last action, in the daemon's words when it failed, wrapped so it can be read whole. */
export function StatusLine({status, columns}: Props) {
	const lines = statusLines(status, columns);
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				<Text key={index} color={status ? tones[status.tone] : undefined} wrap="truncate-end">
					{line || ' '}
				</Text>
			))}
		</Box>
	);
}
