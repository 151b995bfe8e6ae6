import {Text} from 'ink';
import type {LineEditor} from '../state/core/line-editor.js';

type Props = {
	/** Text before the field, e.g. "Filter: ". */
	readonly label: string;
	readonly editor: LineEditor;
	/** A hint after the field. */
	readonly hint?: string;
};

/** A one-line text field with a visible cursor. */
export function LineInput({label, editor, hint}: Props) {
	const chars = [...editor.value];
	const before = chars.slice(0, editor.cursor).join('');
	const under = chars[editor.cursor] ?? ' ';
	const after = chars.slice(editor.cursor + 1).join('');
	return (
		<Text wrap="truncate-end">
			<Text color="cyan">{label}</Text>
			{before}
			<Text inverse>{under}</Text>
			{after}
			{hint ? <Text dimColor> {hint}</Text> : null}
		</Text>
	);
}
