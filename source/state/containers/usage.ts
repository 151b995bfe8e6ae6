// CPU and memory in the containers list (issue 16): the figures kept per container, whether the columns
// are on, which rows get a stats stream, and the cells' text.
import {cpuPercent, memoryUsed, type StatsSample} from '../details/stats.js';
import type {Container, ContainerState} from '../core/model.js';

/** The last figures read from a container's stats stream; cpu is undefined until a second sample. */
export type Usage = {readonly cpu?: number; readonly memory?: number; readonly memoryLimit?: number};

/** Figures per container id; null in a batch forgets a container's figures (it stopped). */
export type UsageReadings = Readonly<Record<string, Usage | null>>;

/** auto: on while the list shows at most `usageRowLimit` rows; on and off: what the toggle key chose. */
export type UsageMode = 'auto' | 'on' | 'off';

/**
 * In auto mode the columns are on while the list is at most this many rows tall: one stats stream per
 * running row on screen, and dockpit's own idle CPU stays under 2 % at this many (docs/performance.md).
 */
export const usageRowLimit = 50;

export const usageShown = (mode: UsageMode, listRows: number): boolean =>
	mode === 'on' || (mode === 'auto' && listRows <= usageRowLimit);

/** The containers whose stats are streamed: the running rows on screen, while the columns are on. */
export const usageTargets = (windowRows: readonly Container[], shown: boolean): string[] =>
	shown ? windowRows.filter((container) => container.state === 'running').map((container) => container.id) : [];

export function toUsage(sample: StatsSample): Usage {
	return {cpu: cpuPercent(sample), memory: memoryUsed(sample), memoryLimit: sample.memory_stats?.limit || undefined};
}

/** Two figures that read the same on screen. */
const sameText = (a: Usage | undefined, b: Usage): boolean =>
	a !== undefined && cpuCell(a, 'running') === cpuCell(b, 'running') && memoryCell(a, 'running') === memoryCell(b, 'running');

/**
 * A batch applied to the figures held. A reading without CPU (the first sample of a stream reopened
 * after the row scrolled back) keeps the CPU read before, so a sort by CPU does not jump. A reading that
 * would show the same text as the one held is dropped, and a batch that changes no text returns `held`
 * itself: a screen of idle containers then costs no render at all.
 */
export function applyReadings(held: Readonly<Record<string, Usage>>, readings: UsageReadings): Readonly<Record<string, Usage>> {
	let next: Record<string, Usage> | undefined;
	for (const [id, reading] of Object.entries(readings)) {
		if (reading === null) {
			if (!Object.hasOwn(held, id)) continue;
			next ??= {...held};
			delete next[id];
			continue;
		}

		const figures = reading.cpu === undefined && held[id]?.cpu !== undefined ? {...reading, cpu: held[id].cpu} : reading;
		if (sameText(held[id], figures)) continue;
		next ??= {...held};
		next[id] = figures;
	}

	return next ?? held;
}

/** Sizes in three significant figures, so "used / limit" fits its column: 812KiB, 45.3MiB, 1.95GiB. */
export function compactBytes(bytes: number): string {
	const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}

	const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
	return `${value.toFixed(digits)}${units[unit]}`;
}

/** The CPU % cell: blank for a container that is not running, "—" until a second sample gives a figure. */
export function cpuCell(usage: Usage | undefined, state: ContainerState): string {
	if (state !== 'running') return '';
	if (usage?.cpu === undefined) return '—';
	return `${usage.cpu.toFixed(usage.cpu >= 1000 ? 0 : 1)}%`;
}

/** The MEM / LIMIT cell: used without the page cache, as `docker stats` shows it, over the limit. */
export function memoryCell(usage: Usage | undefined, state: ContainerState): string {
	if (state !== 'running') return '';
	if (usage?.memory === undefined) return '—';
	const used = compactBytes(usage.memory);
	return usage.memoryLimit ? `${used} / ${compactBytes(usage.memoryLimit)}` : used;
}
