// Small helpers shared by the benchmarks: percentiles and timing of whole commands.
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';

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
