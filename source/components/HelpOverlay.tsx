import {Box, Text} from 'ink';
import type {Binding, KeyMap, Scope} from '../state/input/keymap.js';
import {helpLines, keyHint} from '../state/input/key-text.js';

type Props = {
	readonly bindings: readonly Binding[];
	/** The scopes whose keys act under the overlay, listed first (focus.ts). */
	readonly here?: readonly Scope[];
	/** For the keys the title names, which a config may have remapped. */
	readonly keys: KeyMap;
	/** First line shown, for scrolling. */
	readonly offset: number;
	readonly height: number;
	readonly width: number;
};

/** Every key binding, grouped by where it applies, those that act here first; scrolls when it is taller than the screen. */
export function HelpOverlay({bindings, here = [], keys, offset, height, width}: Props) {
	const lines = helpLines(bindings, here);
	const closes = `${keyHint(keys, 'help', 'global')} or ${keyHint(keys, 'close', 'help')} closes`;
	const scroll = `${keyHint(keys, 'up', 'list')}/${keyHint(keys, 'down', 'list')} scroll`;
	const bodyHeight = Math.max(1, height - 3);
	const first = Math.max(0, Math.min(offset, lines.length - bodyHeight));
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1} height={height} width={width}>
			<Text bold color="cyan">
				Keys <Text dimColor>{lines.length > bodyHeight ? `(${scroll}, ${closes})` : `(${closes})`}</Text>
			</Text>
			{lines.slice(first, first + bodyHeight).map((line, index) => (
				<Text key={first + index} bold={line.heading} wrap="truncate-end">
					{line.text || ' '}
				</Text>
			))}
		</Box>
	);
}
