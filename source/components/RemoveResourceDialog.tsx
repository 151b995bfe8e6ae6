import {Table} from '@alcalzone/ink-table';
import {Box, Text} from 'ink';
import {clip} from '../state/resources/resource-columns.js';
import {shortId} from '../state/core/format.js';
import type {KeyMap} from '../state/input/keymap.js';
import {keyHint} from '../state/input/key-text.js';
import {removalNote, removalRefusal, type ResourceDialog} from '../state/resources/resource-dialogs.js';
import {formatSize} from '../state/core/size.js';

type Props = {
	readonly dialog: Extract<ResourceDialog, {kind: 'removeResource'}>;
	readonly keys: KeyMap;
	readonly height: number;
	/** Columns available; table cells are cut to fit rather than wrapped. */
	readonly width: number;
};

/** Asks before removing an image tag, volume or network, naming who uses it; images in use can be forced. */
export function RemoveResourceDialog({dialog, keys, height, width}: Props) {
	const {target} = dialog;
	const kind = target.pane.slice(0, -1);
	const key = (command: 'yes' | 'no' | 'force') => keyHint(keys, command, 'confirm');
	const inUse = target.usedBy.length > 0;
	const canForce = target.pane === 'images';
	const refusal = removalRefusal(target);
	const note = removalNote(target);
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="red" paddingX={1} height={height}>
			<Text bold color="red" wrap="wrap">
				Remove {kind} {target.name}?
			</Text>
			<Table
				data={[
					{
						name: clip(target.name, Math.floor(width / 3)),
						id: shortId(target.id.replace(/^sha256:/, '')),
						size: target.size === undefined ? '-' : formatSize(target.size),
						'used by': inUse ? clip(target.usedBy.join(', '), Math.floor(width / 4)) : '-',
					},
				]}
			/>
			{refusal ? (
				<Text color="yellow" wrap="wrap">
					{refusal}
				</Text>
			) : null}
			{note ? <Text wrap="wrap">{note}</Text> : null}
			<Box flexGrow={1} />
			<Text>
				[{key('yes')}] remove{canForce ? `   [${key('force')}] force` : ''} [{key('no')}] cancel
			</Text>
		</Box>
	);
}
