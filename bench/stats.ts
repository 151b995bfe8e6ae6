// Small helpers shared by the benchmarks: percentiles and timing of whole commands.
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {cpus, loadavg} from 'node:os';

export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Median wall time of a command run `times` times. */
export function timeCommand(command: string, args: readonly string[], times: number): number {
	const samples: number[] = [];
	for (let run = 0; run < times; run++) {
		const start = performance.now();
		const result = spawnSync(command, args, {stdio: 'ignore'});
		if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
		samples.push(performance.now() - start);
	}

	return median(samples);
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return ticks / 100;
}

export function rssMegabytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
	return kb / 1024;
}

/** The machine's busy share (all cores, waiting for the disk included) over `ms`, from /proc/stat: 0 idle, 1 all busy. */
export async function machineBusy(ms: number): Promise<number> {
	const read = () => {
		const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
		// iowait counts as busy: a fleet just made keeps the disk busy (load 19 at 2 % CPU once), and a start
		// waits for it as much as for the CPU.
		const idle = fields[3]!;
		return {idle, total: fields.reduce((sum, value) => sum + value, 0)};
	};

	const before = read();
	await new Promise((resolve) => setTimeout(resolve, ms));
	const after = read();
	return after.total === before.total ? 0 : 1 - (after.idle - before.idle) / (after.total - before.total);
}

/**
 * Waits (at most `limitMs`) until the machine has been quiet for two seconds running (under 15 % busy, and
 * a one-minute load under two per core: the load also counts tasks waiting for the disk),
 * so a figure is not taken while the fleet just made is still starting; says how busy it was when done.
 */
export async function waitForQuiet(limitMs = 180_000): Promise<string> {
	const started = performance.now();
	let quietSeconds = 0;
	let busy = 1;
	while (performance.now() - started < limitMs) {
		busy = await machineBusy(1000);
		quietSeconds = busy < 0.15 && loadavg()[0]! < 2 * cpus().length ? quietSeconds + 1 : 0;
		if (quietSeconds >= 2)
			return `quiet (${(busy * 100).toFixed(0)} % busy, load ${loadavg()[0]!.toFixed(2)}) after ${((performance.now() - started) / 1000).toFixed(0)} s`;
	}

	return `still ${(busy * 100).toFixed(0)} % busy, load ${loadavg()[0]!.toFixed(2)}, after ${(limitMs / 1000).toFixed(0)} s`;
}
