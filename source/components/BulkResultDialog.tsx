import {Table} from '@alcalzone/ink-table';
import {Box, Text} from 'ink';
import {bulkVerb, type ResourceDialog} from '../state/resource-dialogs.js';

type Props = {
	readonly dialog: Extract<ResourceDialog, {kind: 'bulkResult'}>;
	readonly height: number;
};

/** Progress, then the outcome of a bulk action: which containers it reached, which failed and why. */
export function BulkResultDialog({dialog, height}: Props) {
	const {op, targets, outcomes, force} = dialog;
	const done = outcomes.length === targets.length;
	const failed = outcomes.filter((outcome) => !outcome.ok).length;
	const fit = Math.max(1, Math.floor((height - 8) / 2));
	const rows = targets.slice(0, fit).map((target) => {
		const outcome = outcomes.find((entry) => entry.id === target.id);
		return {
			name: target.name,
			result: !outcome ? '…' : outcome.ok ? `✓ ${bulkVerb(op, true)}` : `✗ ${outcome.error ?? 'failed'}`,
		};
	});
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={failed > 0 ? 'red' : 'green'} paddingX={1} height={height}>
			<Text bold wrap="wrap">
				{done
					? `${bulkVerb(op, true)} ${outcomes.length - failed} of ${targets.length}${failed > 0 ? `, ${failed} failed` : ''}`
					: `${force ? 'Force-' : ''}${bulkVerb(op)} ${targets.length} containers: ${outcomes.length} done…`}
			</Text>
			<Table data={rows} />
			{targets.length > rows.length ? <Text dimColor>…and {targets.length - rows.length} more</Text> : null}
			<Box flexGrow={1} />
			<Text dimColor>[Enter] close</Text>
		</Box>
	);
}
