import {Table} from '@alcalzone/ink-table';
import {Box, Text} from 'ink';
import {shortId} from '../state/core/format.js';
import type {KeyMap} from '../state/input/keymap.js';
import {keyHint} from '../state/input/key-text.js';
import type {Dialog} from '../state/core/ui.js';

type Props = {
	readonly dialog: Extract<Dialog, {kind: 'confirm'}>;
	readonly keys: KeyMap;
};

const volumesText = (op: Props['dialog']['op']): string =>
	op.volumes ? 'its anonymous volumes are deleted too (rm -v); named ones are kept' : 'named and anonymous volumes are kept';

const questionFor = ({op, running}: Props['dialog']): string =>
	op.kind === 'kill'
		? (op.signal ?? 'SIGKILL') === 'SIGKILL'
			? `Kill ${op.name}? It gets SIGKILL at once, with no chance to shut down cleanly.`
			: `Send ${op.signal} to ${op.name}? Its main process decides what to do with it.`
		: running
			? `Remove ${op.name}? It is running: removing it kills it first; ${volumesText(op)}.`
			: `Remove ${op.name}? Its writable layer is deleted; ${volumesText(op)}.`;

/** Lines the dialog takes at a width: borders, the (wrapped) question, the table's five lines, the choices. */
export function confirmDialogHeight(dialog: Props['dialog'], width: number): number {
	const inner = Math.max(10, width - 4);
	return 2 + Math.ceil(questionFor(dialog).length / inner) + 5 + 1;
}

/** Asks before a destructive action, showing exactly what it will destroy. */
export function ConfirmDialog({dialog, keys}: Props) {
	const {op, running} = dialog;
	const key = (command: 'yes' | 'no' | 'force') => keyHint(keys, command, 'confirm');
	const question = questionFor(dialog);
	const option =
		op.kind === 'kill'
			? `   [${keyHint(keys, 'signal', 'confirm')}] signal: ${op.signal ?? 'SIGKILL'}`
			: `   [${keyHint(keys, 'volumes', 'confirm')}] anonymous volumes: ${op.volumes ? 'remove' : 'keep'}`;
	const choices =
		op.kind === 'remove' && running
			? `[${key('force')}] force remove   [${key('no')}] cancel${option}`
			: `[${key('yes')}] ${op.kind}   [${key('no')}] cancel${option}`;
	return (
		<Box flexDirection="column" flexShrink={0} borderStyle="round" borderColor="red" paddingX={1}>
			<Text bold color="red" wrap="wrap">
				{question}
			</Text>
			<Table data={[{name: op.name, id: shortId(op.id), image: dialog.image, state: running ? 'running' : 'stopped'}]} />
			<Text>{choices}</Text>
		</Box>
	);
}
