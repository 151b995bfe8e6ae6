import {Box, Text} from 'ink';
import {formatBytes, formatPercent, rates, sparkline, type StatsPoint} from '../state/details/stats.js';

type Props = {
	/** The last minute of readings, oldest first. */
	readonly history: readonly StatsPoint[];
	/** Why readings stopped, if they did. */
	readonly ended?: string;
	readonly width: number;
};

const labelWidth = 10;
const valueWidth = 36;

const rate = (bytesPerSecond: number | undefined) => (bytesPerSecond === undefined ? '' : `${formatBytes(bytesPerSecond)}/s`);
const sum = (a: readonly number[], b: readonly number[]) => a.map((value, index) => value + (b[index] ?? 0));

function memoryText(point: StatsPoint | undefined): string {
	if (point?.memory === undefined) return '—';
	if (!point.memoryLimit) return formatBytes(point.memory);
	return `${formatBytes(point.memory)} / ${formatBytes(point.memoryLimit)} (${((point.memory / point.memoryLimit) * 100).toFixed(2)}%)`;
}

/** CPU, memory, network and block IO, each with its latest value and a sparkline of the last minute. */
export function StatsTab({history, ended, width}: Props) {
	const latest = history.at(-1);
	const chart = Math.max(5, Math.min(60, width - labelWidth - valueWidth - 14));
	const network = sum(
		rates(history, (point) => point.network.read),
		rates(history, (point) => point.network.written),
	);
	const block = sum(
		rates(history, (point) => point.block.read),
		rates(history, (point) => point.block.written),
	);
	// Label, latest value, sparkline, and for IO the current rate.
	const rows: Array<readonly [string, string, string, string]> = [
		[
			'CPU',
			formatPercent(latest?.cpu),
			sparkline(
				history.map((point) => point.cpu),
				chart,
				100,
			),
			'',
		],
		[
			'Memory',
			memoryText(latest),
			sparkline(
				history.map((point) => point.memory),
				chart,
			),
			'',
		],
		[
			'Net I/O',
			latest ? `↓ ${formatBytes(latest.network.read)}  ↑ ${formatBytes(latest.network.written)}` : '—',
			sparkline(network, chart),
			rate(network.at(-1)),
		],
		[
			'Block I/O',
			latest ? `read ${formatBytes(latest.block.read)}  write ${formatBytes(latest.block.written)}` : '—',
			sparkline(block, chart),
			rate(block.at(-1)),
		],
	];
	return (
		<Box flexDirection="column">
			{rows.map(([label, value, line, now]) => (
				<Text key={label} wrap="truncate-end">
					<Text bold>{label.padEnd(labelWidth)}</Text>
					{value.slice(0, valueWidth - 1).padEnd(valueWidth)}
					<Text color="green">{line}</Text>
					{now ? <Text dimColor>{` ${now}`}</Text> : null}
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
