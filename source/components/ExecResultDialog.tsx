import {Box, Text} from 'ink';
import {maskOutputLine, type ExecResultDialog as Dialog} from '../state/details/exec.js';
import type {KeyMap} from '../state/input/keymap.js';
import {displayKey, keyHint} from '../state/input/key-text.js';

type Props = {
	readonly dialog: Dialog;
	/** For the keys the title names, which a config may have remapped. */
	readonly keys: KeyMap;
	readonly height: number;
	readonly width: number;
};

const tones = {success: 'green', info: 'cyan', error: 'red'} as const;

/** What a command typed after `X` printed, and how it ended; scrolls, and stays until closed. */
export function ExecResultDialog({dialog, keys, height, width}: Props) {
	const bodyHeight = Math.max(1, height - 4);
	const first = Math.max(0, Math.min(dialog.offset, dialog.lines.length - bodyHeight));
	const shown = dialog.lines.slice(first, first + bodyHeight);
	const scroll = `${keyHint(keys, 'up', 'list')}/${keyHint(keys, 'down', 'list')}/${keyHint(keys, 'pageDown', 'list')} scroll`;
	const close = `${keys.keysFor('close', 'result').map(displayKey).join(' or ')} closes`;
	const reveal = `${keyHint(keys, 'reveal', 'result')} ${dialog.revealed ? 'masks' : 'reveals'} secrets`;
	const position = dialog.lines.length > bodyHeight ? `lines ${first + 1}–${first + shown.length} of ${dialog.lines.length}` : '';
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={tones[dialog.tone]} paddingX={1} height={height} width={width}>
			<Text wrap="truncate-end">
				<Text bold>{`${dialog.name}: ${dialog.revealed ? dialog.command : maskOutputLine(dialog.command)}`}</Text>
				<Text color={tones[dialog.tone]}>{` — ${dialog.ending}`}</Text>
			</Text>
			<Text dimColor wrap="truncate-end">
				{[position, dialog.dropped > 0 ? `${dialog.dropped} older lines not kept` : '', scroll, reveal, close]
					.filter(Boolean)
					.join(' · ')}
			</Text>
			{dialog.lines.length === 0 ? (
				<Text dimColor>(no output)</Text>
			) : (
				shown.map((line, index) => (
					<Text key={first + index} wrap="truncate-end">
						{(dialog.revealed ? line : maskOutputLine(line)) || ' '}
					</Text>
				))
			)}
		</Box>
	);
}
