import {Text} from 'ink';
import type {Status} from '../state/core/ui.js';

type Props = {
	/** The last thing that happened, or nothing. */
	readonly status: Status | undefined;
};

const tones = {info: undefined, progress: 'cyan', success: 'green', error: 'red'} as const;
const marks = {info: '', progress: '… ', success: '✓ ', error: '✗ '} as const;

/** The result of the last action, in the daemon's words when it failed. */
export function StatusLine({status}: Props) {
	if (!status) return <Text> </Text>;
	return (
		<Text color={tones[status.tone]} wrap="truncate-end">
			{marks[status.tone]}
			{status.text}
		</Text>
	);
}
