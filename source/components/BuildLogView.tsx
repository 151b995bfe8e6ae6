import {Box, Text} from 'ink';
import type {BuildLogDialog, BuildLineTone} from '../state/make/build-log.js';
import type {KeyMap} from '../state/input/keymap.js';
import {hintText} from '../state/input/key-text.js';

type Props = {
	readonly dialog: BuildLogDialog;
	readonly keys: KeyMap;
	/** Lines the pane takes (it covers the list). */
	readonly height: number;
	readonly width: number;
};

const colours: Readonly<Record<BuildLineTone, string | undefined>> = {
	step: 'cyan',
	output: undefined,
	error: 'red',
	info: 'yellow',
};

/** The build's output as it streams: the newest lines that fit, steps in cyan and errors in red. */
export function BuildLogView({dialog, keys, height, width}: Props) {
	const room = Math.max(1, height - 4);
	const lines = dialog.lines.slice(-room);
	const state = dialog.phase === 'running' ? 'building…' : dialog.phase === 'done' ? 'done' : 'failed';
	return (
		<Box
			flexDirection="column"
			borderStyle="round"
			borderColor={dialog.phase === 'failed' ? 'red' : 'cyan'}
			paddingX={1}
			height={height}
			width={width}
			overflow="hidden"
		>
			<Text bold color={dialog.phase === 'failed' ? 'red' : 'cyan'} wrap="truncate-end">
				{`${dialog.title} — ${state}`}
			</Text>
			<Box flexDirection="column" flexGrow={1}>
				{lines.map((line, index) => (
					<Text key={index} color={colours[line.tone]} bold={line.tone === 'step'} wrap="truncate-end">
						{line.text}
					</Text>
				))}
			</Box>
			<Text dimColor wrap="truncate-end">
				{hintText(keys, 'result', [['close', dialog.phase === 'running' ? 'hides it (the build goes on)' : 'closes']])}
			</Text>
		</Box>
	);
}
