import {Table} from '@alcalzone/ink-table';
import {Box, Text} from 'ink';
import {clip} from '../state/resources/resource-columns.js';
import type {Command, KeyMap} from '../state/input/keymap.js';
import {keyHint} from '../state/input/key-text.js';
import type {PruneCategory} from '../state/resources/prune.js';
import type {ResourceDialog} from '../state/resources/resource-dialogs.js';
import {formatSize} from '../state/core/size.js';

type Props = {
	readonly dialog: Extract<ResourceDialog, {kind: 'prune'}>;
	readonly keys: KeyMap;
	readonly height: number;
	/** Columns available; table cells are cut to fit rather than wrapped. */
	readonly width: number;
	/** The --filter scope, shown so the person knows what "unused" is limited to. */
	readonly scope: readonly string[];
};

const categories: ReadonlyArray<readonly [PruneCategory, Command, string]> = [
	['containers', 'pruneContainers', 'stopped containers'],
	['danglingImages', 'pruneDangling', 'dangling images'],
	['unusedImages', 'pruneImages', 'all unused images'],
	['volumes', 'pruneVolumes', 'unused anonymous volumes'],
	['namedVolumes', 'pruneNamedVolumes', 'named volumes too'],
	['networks', 'pruneNetworks', 'unused networks'],
	['buildCache', 'pruneBuildCache', 'build cache'],
];

/** Cleanup: choose what to prune, see exactly what goes and the space it frees, confirm once, read the result. */
export function PruneDialog({dialog, keys, height, width, scope}: Props) {
	const key = (command: Command) => keyHint(keys, command, 'prune');
	const {phase, preview, outcomes} = dialog;
	// Each table row takes two lines; when not even one fits (a small terminal), the items go on one line.
	const fit = Math.max(0, Math.floor((height - 12) / 2));
	const title = `Clean up${scope.length > 0 ? ` (scope ${scope.join(' ')})` : ' (the whole engine: no --filter scope)'}`;
	const body = () => {
		if (phase === 'loading') return <Text color="cyan">Reading what the engine holds…</Text>;
		if (phase === 'done' && outcomes) {
			const ok = outcomes.filter((outcome) => outcome.ok).length;
			return (
				<>
					<Text bold color={ok === outcomes.length ? 'green' : 'red'}>
						Removed {ok} of {outcomes.length}; reclaimed {formatSize(dialog.reclaimed ?? 0)}
					</Text>
					{fit < 1 ? (
						<Text wrap="truncate-end">
							{outcomes.map((outcome) => `${outcome.ok ? '✓' : '✗'} ${outcome.item.name}`).join('  ')}
						</Text>
					) : (
						<Table
							data={outcomes.slice(0, fit).map((outcome) => ({
								kind: outcome.item.kind,
								name: clip(outcome.item.name, Math.floor(width / 3)),
								result: clip(
									outcome.ok ? `✓ removed ${formatSize(outcome.item.size)}` : `✗ ${outcome.error ?? 'failed'}`,
									Math.floor(width / 2) - 12,
								),
							}))}
						/>
					)}
					{fit >= 1 && outcomes.length > fit ? <Text dimColor>…and {outcomes.length - fit} more</Text> : null}
				</>
			);
		}

		if (!preview) return null;
		return (
			<>
				<Text bold>
					{preview.items.length === 0
						? 'Nothing to remove with these choices.'
						: `Will remove ${preview.items.length} item${preview.items.length === 1 ? '' : 's'}, reclaiming ${formatSize(preview.total)} (sizes from the engine's /system/df):`}
				</Text>
				{preview.items.length > 0 && fit < 1 ? (
					<Text wrap="truncate-end">{preview.items.map((item) => `${item.kind} ${item.name}`).join(', ')}</Text>
				) : null}
				{preview.items.length > 0 && fit >= 1 ? (
					<Table
						data={preview.items.slice(0, fit).map((item) => ({
							kind: item.kind,
							name: clip(item.name, width - 40),
							size: formatSize(item.size),
						}))}
					/>
				) : null}
				{fit >= 1 && preview.items.length > fit ? <Text dimColor>…and {preview.items.length - fit} more</Text> : null}
			</>
		);
	};

	const footer =
		phase === 'done'
			? `[${keyHint(keys, 'close', 'result')}] close`
			: phase === 'ready'
				? `[${key('yes')}] prune ${preview?.items.length ?? 0}   [${key('no')}] cancel`
				: phase === 'checking'
					? 'Re-checking that the engine still holds exactly this…'
					: phase === 'running'
						? 'Pruning…'
						: `[${key('no')}] cancel`;
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1} height={height}>
			<Text bold color="yellow" wrap="truncate-end">
				{title}
			</Text>
			<Text wrap="wrap">
				{categories.map(([category, command, label]) => {
					const unavailable = category === 'buildCache' && scope.length > 0;
					return (
						<Text key={category} dimColor={unavailable || !dialog.choices[category]}>
							{`[${dialog.choices[category] ? 'x' : ' '}] ${key(command)} ${label}${unavailable ? ' (not in a scope: it has no labels)' : ''}   `}
						</Text>
					);
				})}
			</Text>
			{body()}
			{dialog.note ? (
				<Text color="yellow" wrap="wrap">
					{dialog.note}
				</Text>
			) : null}
			<Box flexGrow={1} />
			<Text>{footer}</Text>
		</Box>
	);
}
