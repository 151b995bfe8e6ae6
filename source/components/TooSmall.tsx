import {Box, Text} from 'ink';

type Props = {
	readonly columns: number;
	readonly rows: number;
	readonly minColumns: number;
	readonly minRows: number;
};

/** Shown instead of the dashboard when it cannot be drawn legibly. */
export function TooSmall({columns, rows, minColumns, minRows}: Props) {
	return (
		<Box flexDirection="column">
			<Text color="yellow" wrap="wrap">
				Terminal too small: {columns}×{rows}.
			</Text>
			<Text wrap="wrap">
				dockpit needs at least {minColumns}×{minRows}. Enlarge the window, or press q to quit.
			</Text>
		</Box>
	);
}
