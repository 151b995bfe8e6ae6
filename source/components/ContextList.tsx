import {Box, Text} from 'ink';
import {fit} from '../state/core/format.js';
import type {ContextsDialog} from '../state/contexts/contexts.js';
import type {KeyMap} from '../state/input/keymap.js';
import {hintText, keyHint} from '../state/input/key-text.js';

type Props = {
	readonly dialog: ContextsDialog;
	/** For the keys the title names, which a config may have remapped. */
	readonly keys: KeyMap;
	readonly height: number;
	readonly width: number;
};

/** The docker contexts to switch to, with the engine each names; the current one is marked. */
export function ContextList({dialog, keys, height, width}: Props) {
	const choose = `${keyHint(keys, 'up', 'list')}/${keyHint(keys, 'down', 'list')} choose`;
	const hint = [
		choose,
		hintText(
			keys,
			'contexts',
			[
				['pick', 'switches'],
				['close', 'closes'],
			],
			', ',
		),
	].join(', ');
	const rows = Math.max(1, height - 3 - (dialog.note ? 2 : 0));
	const start = Math.max(0, Math.min(dialog.index - rows + 1, dialog.items.length - rows));
	const nameWidth = Math.min(24, Math.max(8, ...dialog.items.map((item) => item.name.length + 2)));
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1} height={height} width={width}>
			<Text bold color="cyan" wrap="truncate-end">
				Docker contexts <Text dimColor>({hint})</Text>
			</Text>
			{dialog.note ? (
				<>
					<Text color="red" wrap="truncate-end">{`✗ ${dialog.note}`}</Text>
					<Text bold wrap="truncate-end">
						{`${keyHint(keys, 'pick', 'contexts')}: switch to ${dialog.items[dialog.index]?.name ?? 'the highlighted context'} · ${keyHint(keys, 'close', 'contexts')}: stay on ${dialog.current} and keep retrying`}
					</Text>
				</>
			) : null}
			{dialog.items.slice(start, start + rows).map((item, offset) => {
				const selected = start + offset === dialog.index;
				const current = item.name === dialog.current;
				return (
					<Text key={item.name} inverse={selected} wrap="truncate-end">
						{selected ? '▶ ' : '  '}
						<Text bold={current}>{fit(`${item.name}${current ? ' *' : ''}`, nameWidth)}</Text> {item.url}
						{item.description ? <Text dimColor> · {item.description}</Text> : null}
					</Text>
				);
			})}
		</Box>
	);
}
