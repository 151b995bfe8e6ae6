import {Box, Text} from 'ink';
import {fit} from '../state/core/format.js';
import type {KeyMap} from '../state/input/keymap.js';
import {hintText, keyHint} from '../state/input/key-text.js';
import type {SwarmDialog} from '../state/swarm/swarm.js';
import type {TaskRow} from '../state/swarm/swarm-view.js';
import {LineInput} from './LineInput.js';

type Props = {
	readonly dialog: SwarmDialog;
	/** The tasks a confirmation affects, named as the tasks pane names them. */
	readonly tasks: readonly TaskRow[];
	readonly keys: KeyMap;
	/** Lines the dialog may take. */
	readonly height: number;
};

function question(dialog: Extract<SwarmDialog, {kind: 'confirm'}>, count: number): string {
	const {op} = dialog;
	const tasks = count === 1 ? '1 task' : `${count} tasks`;
	if (op.kind === 'removeService')
		return `Remove service ${op.name}? Its ${tasks} stop and its containers are removed on every node.`;
	if (op.kind === 'availability') return `Drain node ${op.name}? Its ${tasks} stop here and are started on other nodes.`;
	return `${op.kind} ${op.name}?`;
}

/** A swarm action's question: the replica count being typed, or a confirmation listing the tasks it stops. */
export function SwarmDialogView({dialog, tasks, keys, height}: Props) {
	if (dialog.kind === 'scale') {
		return (
			<LineInput
				label={`Scale ${dialog.name} (now ${dialog.current}) to: `}
				editor={dialog.editor}
				hint={hintText(keys, 'prompt', [
					['submit', 'scales'],
					['back', 'cancels'],
				])}
			/>
		);
	}

	const room = Math.max(1, height - 5);
	const shown = tasks.slice(0, room);
	const more = tasks.length - shown.length;
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="red" paddingX={1} height={height}>
			<Text bold color="red" wrap="wrap">
				{question(dialog, tasks.length)}
			</Text>
			{shown.map((task) => (
				<Text key={task.id} wrap="truncate-end">
					{fit(task.name, 24)} {fit(task.node, 16)} {fit(task.state, 10)} {task.id.slice(0, 12)}
				</Text>
			))}
			{more > 0 ? <Text dimColor>{`…and ${more} more`}</Text> : null}
			{tasks.length === 0 ? <Text dimColor>No running tasks</Text> : null}
			<Box flexGrow={1} />
			<Text>{`[${keyHint(keys, 'yes', 'confirm')}] ${dialog.op.kind === 'removeService' ? 'remove' : 'drain'}   [${keyHint(keys, 'no', 'confirm')}] cancel`}</Text>
		</Box>
	);
}
