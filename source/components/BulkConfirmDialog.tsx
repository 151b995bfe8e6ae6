import {Table} from '@alcalzone/ink-table';
import {Box, Text} from 'ink';
import {clip} from '../state/resources/resource-columns.js';
import {shortId} from '../state/core/format.js';
import type {KeyMap} from '../state/input/keymap.js';
import {keyHint} from '../state/input/key-text.js';
import {bulkQuestion, type ResourceDialog} from '../state/resources/resource-dialogs.js';

type Props = {
	readonly dialog: Extract<ResourceDialog, {kind: 'bulkConfirm'}>;
	readonly keys: KeyMap;
	/** Lines available; rows beyond them are summed up in one line. */
	readonly height: number;
	/** Columns available; table cells are cut to fit rather than wrapped. */
	readonly width: number;
};

/** One confirmation for a bulk action, listing every marked container it applies to. */
export function BulkConfirmDialog({dialog, keys, height, width}: Props) {
	const {op, targets} = dialog;
	const key = (command: 'yes' | 'no' | 'force') => keyHint(keys, command, 'confirm');
	const question = bulkQuestion(op, targets, dialog.group);
	// Each table row takes two lines; when not even one fits (a small terminal), the names go on one line.
	const fit = Math.floor((height - 9) / 2);
	const shown = targets.slice(0, Math.max(0, fit));
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="red" paddingX={1} height={height}>
			<Text bold color="red" wrap="wrap">
				{question}
			</Text>
			{fit < 1 ? (
				<Text wrap="truncate-end">{targets.map((target) => target.name).join(', ')}</Text>
			) : (
				<Table
					data={shown.map((target) => ({
						name: clip(target.name, Math.floor(width / 3)),
						id: shortId(target.id),
						image: clip(target.image, Math.floor(width / 3)),
						state: target.state,
					}))}
				/>
			)}
			{fit >= 1 && targets.length > shown.length ? <Text dimColor>…and {targets.length - shown.length} more</Text> : null}
			<Box flexGrow={1} />
			<Text>
				[{key('yes')}] {op} all {targets.length}
				{op === 'remove' ? `   [${key('force')}] force remove all` : ''}
				{`   [${key('no')}] cancel`}
			</Text>
		</Box>
	);
}
