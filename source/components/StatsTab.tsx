import {Box, Text} from 'ink';
import {formatBytes, formatPercent, rates, sparkline, type StatsPoint} from '../state/stats.js';

type Props = {
	/** The last minute of readings, oldest first. */
	readonly history: readonly StatsPoint[];
	/** Why readings stopped, if they did. */
	readonly ended?: string;
	readonly width: number;
};

const rate = (bytesPerSecond: number | undefined) => (bytesPerSecond === undefined ? '—' : `${formatBytes(bytesPerSecond)}/s`);

/** CPU, memory, network and block IO, each with its number and a sparkline of the last minute. */
export function StatsTab({history, ended, width}: Props) {
	const latest = history.at(-1);
	const labelWidth = 36;
	const chart = Math.max(5, width - labelWidth - 4);
	const rx = rates(history, (point) => point.network.read);
	const tx = rates(history, (point) => point.network.written);
	const blockRead = rates(history, (point) => point.block.read);
	const blockWritten = rates(history, (point) => point.block.written);
	const sum = (a: readonly number[], b: readonly number[]) => a.map((value, index) => value + (b[index] ?? 0));
	const memory =
		latest?.memory === undefined
			? '—'
			: `${formatBytes(latest.memory)} / ${latest.memoryLimit ? formatBytes(latest.memoryLimit) : '—'}${
					latest.memoryLimit ? ` (${((latest.memory / latest.memoryLimit) * 100).toFixed(2)}%)` : ''
				}`;
	const rows: Array<[string, string, string]> = [
		[
			'CPU',
			formatPercent(latest?.cpu),
			sparkline(
				history.map((point) => point.cpu),
				chart,
				100,
			),
		],
		[
			'Memory',
			memory,
			sparkline(
				history.map((point) => point.memory),
				chart,
			),
		],
		[
			'Net I/O',
			latest ? `↓ ${formatBytes(latest.network.read)} ↑ ${formatBytes(latest.network.written)} · ${rate(rx.at(-1))} ↓` : '—',
			sparkline(sum(rx, tx), chart),
		],
		[
			'Block I/O',
			latest ? `r ${formatBytes(latest.block.read)} w ${formatBytes(latest.block.written)}` : '—',
			sparkline(sum(blockRead, blockWritten), chart),
		],
	];
	return (
		<Box flexDirection="column">
			{rows.map(([label, value, line]) => (
				<Text key={label} wrap="truncate-end">
					<Text bold>{label.padEnd(10)}</Text>
					{value.padEnd(labelWidth - 10).slice(0, labelWidth - 10)}
					<Text color="green">{line}</Text>
				</Text>
			))}
			<Text dimColor wrap="truncate-end">
				{ended
					? `Stats stopped: ${ended}`
					: history.length === 0
						? 'Waiting for the first reading…'
						: `Live · ${history.length} reading${history.length === 1 ? '' : 's'} in the last minute`}
			</Text>
		</Box>
	);
}
