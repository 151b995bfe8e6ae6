// The arithmetic of `docker stats`: CPU % from the engine's own deltas, memory without the page cache,
// network and block IO totals, and a one-minute history of them for the sparklines.

/** The fields of one /containers/{id}/stats sample that dockpit reads, as the engine sends them. */
export type StatsSample = {
	readonly read?: string;
	readonly cpu_stats?: CpuStats;
	readonly precpu_stats?: CpuStats;
	readonly memory_stats?: {
		readonly usage?: number;
		readonly limit?: number;
		readonly stats?: Readonly<Record<string, number>>;
	};
	readonly networks?: Readonly<Record<string, {readonly rx_bytes?: number; readonly tx_bytes?: number}>>;
	readonly blkio_stats?: {
		readonly io_service_bytes_recursive?: ReadonlyArray<{readonly op?: string; readonly value?: number}> | null;
	};
};

type CpuStats = {
	readonly cpu_usage?: {readonly total_usage?: number; readonly percpu_usage?: readonly number[] | null};
	readonly system_cpu_usage?: number;
	readonly online_cpus?: number;
};

/**
 * CPU % as `docker stats` computes it, or undefined when there is no previous reading to compare
 * with (the first sample of a stream), so the screen says "—" rather than a false 0 %.
 */
export function cpuPercent(sample: StatsSample): number | undefined {
	const now = sample.cpu_stats;
	const before = sample.precpu_stats;
	if (!now?.system_cpu_usage || !before?.system_cpu_usage) return undefined;
	const cpuDelta = (now.cpu_usage?.total_usage ?? 0) - (before.cpu_usage?.total_usage ?? 0);
	const systemDelta = now.system_cpu_usage - before.system_cpu_usage;
	if (systemDelta <= 0 || cpuDelta < 0) return undefined;
	const cpus = now.online_cpus || now.cpu_usage?.percpu_usage?.length || 1;
	return (cpuDelta / systemDelta) * cpus * 100;
}

/**
 * Memory in use without the page cache the kernel can drop, as `docker stats` shows it:
 * cgroup v1 reports total_inactive_file, cgroup v2 inactive_file, older engines only cache.
 */
export function memoryUsed(sample: StatsSample): number | undefined {
	const memory = sample.memory_stats;
	if (memory?.usage === undefined) return undefined;
	const stats = memory.stats ?? {};
	for (const field of ['total_inactive_file', 'inactive_file', 'cache']) {
		const cache = stats[field];
		if (cache !== undefined && cache < memory.usage) return memory.usage - cache;
	}

	return memory.usage;
}

export type IoTotals = {readonly read: number; readonly written: number};

/** Bytes received and sent over every interface. */
export function networkTotals(sample: StatsSample): IoTotals {
	let read = 0;
	let written = 0;
	for (const network of Object.values(sample.networks ?? {})) {
		read += network.rx_bytes ?? 0;
		written += network.tx_bytes ?? 0;
	}

	return {read, written};
}

/** Bytes read from and written to block devices. */
export function blockTotals(sample: StatsSample): IoTotals {
	let read = 0;
	let written = 0;
	for (const entry of sample.blkio_stats?.io_service_bytes_recursive ?? []) {
		const op = entry.op?.toLowerCase();
		if (op === 'read') read += entry.value ?? 0;
		else if (op === 'write') written += entry.value ?? 0;
	}

	return {read, written};
}

/** One reading, reduced to the numbers on screen. */
export type StatsPoint = {
	/** Epoch ms the engine took it. */
	readonly at: number;
	readonly cpu?: number;
	readonly memory?: number;
	readonly memoryLimit?: number;
	readonly network: IoTotals;
	readonly block: IoTotals;
};

export function toStatsPoint(sample: StatsSample, fallbackAt: number): StatsPoint {
	const at = sample.read ? Date.parse(sample.read) : Number.NaN;
	return {
		at: Number.isNaN(at) || at <= 0 ? fallbackAt : at,
		cpu: cpuPercent(sample),
		memory: memoryUsed(sample),
		memoryLimit: sample.memory_stats?.limit,
		network: networkTotals(sample),
		block: blockTotals(sample),
	};
}

/** How far back the sparklines reach. */
export const historyMs = 60_000;

/** Appends a point and drops those older than a minute before it. */
export function pushPoint(history: readonly StatsPoint[], point: StatsPoint): StatsPoint[] {
	return [...history.filter((old) => point.at - old.at < historyMs), point];
}

/** Bytes per second between neighbouring points (IO totals are counters), one value per gap. */
export function rates(history: readonly StatsPoint[], pick: (point: StatsPoint) => number): number[] {
	const values: number[] = [];
	for (let index = 1; index < history.length; index++) {
		const seconds = (history[index]!.at - history[index - 1]!.at) / 1000;
		const delta = pick(history[index]!) - pick(history[index - 1]!);
		values.push(seconds > 0 && delta >= 0 ? delta / seconds : 0);
	}

	return values;
}

const bars = '▁▂▃▄▅▆▇█';

/** The last `width` values as bars, scaled to `ceiling` (or their own maximum); gaps read as spaces. */
export function sparkline(values: ReadonlyArray<number | undefined>, width: number, ceiling?: number): string {
	const shown = values.slice(-width);
	const top = Math.max(ceiling ?? 0, ...shown.map((value) => value ?? 0));
	return shown
		.map((value) => {
			if (value === undefined) return ' ';
			if (top <= 0) return bars[0];
			return bars[Math.min(bars.length - 1, Math.floor((value / top) * (bars.length - 1) + 0.5))];
		})
		.join('');
}

/** Sizes in docker's own units: 1.5MiB, 12.3GiB, 512B. */
export function formatBytes(bytes: number): string {
	const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}

	return unit === 0 ? `${Math.round(value)}B` : `${value.toFixed(value < 10 ? 2 : 1)}${units[unit]}`;
}

export const formatPercent = (value: number | undefined): string => (value === undefined ? '—' : `${value.toFixed(2)}%`);
