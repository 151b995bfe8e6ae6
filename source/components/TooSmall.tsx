import {Box, Text} from 'ink';
import type {KeyMap} from '../state/input/keymap.js';
import {keyHint} from '../state/input/key-text.js';

type Props = {
	readonly columns: number;
	readonly rows: number;
	readonly minColumns: number;
	readonly minRows: number;
	/** For the key that quits, which a config may have remapped. */
	readonly keys: KeyMap;
};

/** Shown instead of the dashboard when it cannot be drawn legibly. */
export function TooSmall({columns, rows, minColumns, minRows, keys}: Props) {
	return (
		<Box flexDirection="column">
			<Text color="yellow" wrap="wrap">
				Terminal too small: {columns}×{rows}.
			</Text>
			<Text wrap="wrap">
				dockpit needs at least {minColumns}×{minRows}. Enlarge the window, or press {keyHint(keys, 'quit', 'global')} to quit.
			</Text>
		</Box>
	);
}
