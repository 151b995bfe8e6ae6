import {Table} from '@alcalzone/ink-table';
import {Box, Text} from 'ink';
import {clip} from '../state/resources/resource-columns.js';
import type {KeyMap} from '../state/input/keymap.js';
import {keyHint} from '../state/input/key-text.js';
import {bulkVerb, type ResourceDialog} from '../state/resources/resource-dialogs.js';

type Props = {
	readonly dialog: Extract<ResourceDialog, {kind: 'bulkResult'}>;
	/** For the key that closes it, which a config may have remapped. */
	readonly keys: KeyMap;
	readonly height: number;
	/** Columns available; table cells are cut to fit rather than wrapped. */
	readonly width: number;
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Progress, then the outcome of a bulk action: which containers it reached, which failed and why. */
export function BulkResultDialog({dialog, keys, height, width}: Props) {
	const {op, targets, outcomes, force} = dialog;
	const done = outcomes.length === targets.length;
	const failed = outcomes.filter((outcome) => !outcome.ok).length;
	const fit = Math.max(0, Math.floor((height - 8) / 2));
	const nameWidth = Math.max(4, ...targets.map((target) => target.name.length));
	// Borders and padding: the dialog's 4, the table's 7.
	const cell = Math.max(10, width - 4 - 7 - nameWidth);
	const rows = targets.slice(0, fit).map((target) => {
		const outcome = outcomes.find((entry) => entry.id === target.id);
		return {
			name: target.name,
			result: clip(!outcome ? '…' : outcome.ok ? `✓ ${bulkVerb(op, true)}` : `✗ ${outcome.error ?? 'failed'}`, cell),
		};
	});
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={failed > 0 ? 'red' : 'green'} paddingX={1} height={height}>
			<Text bold wrap="wrap">
				{done
					? `${capitalise(bulkVerb(op, true))} ${outcomes.length - failed} of ${targets.length}${failed > 0 ? `, ${failed} failed` : ''}`
					: `${force ? 'Force-' : ''}${bulkVerb(op)} ${targets.length} containers: ${outcomes.length} done…`}
			</Text>
			{fit < 1 ? (
				<Text wrap="truncate-end">{outcomes.map((outcome) => `${outcome.ok ? '✓' : '✗'} ${outcome.name}`).join('  ')}</Text>
			) : (
				<Table data={rows} />
			)}
			{targets.length > rows.length ? <Text dimColor>…and {targets.length - rows.length} more</Text> : null}
			<Box flexGrow={1} />
			<Text dimColor>[{keyHint(keys, 'close', 'result')}] close</Text>
		</Box>
	);
}
