// The arithmetic of `docker stats` against samples recorded from a real engine, plus the history and
// sparkline the Stats tab draws from them.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	blockTotals,
	cpuPercent,
	formatBytes,
	formatPercent,
	memoryUsed,
	networkTotals,
	pushPoint,
	rates,
	sparkline,
	toStatsPoint,
	type StatsPoint,
	type StatsSample,
} from '../../source/state/details/stats.js';
import {busyLoopSamples} from '../helpers/stats-samples.js';

const [first, second, third] = busyLoopSamples as [StatsSample, StatsSample, StatsSample];

describe('cpuPercent', () => {
	it('has no value for the first sample of a stream, which has no previous reading', () => {
		assert.equal(cpuPercent(first), undefined);
		assert.equal(formatPercent(cpuPercent(first)), '—');
	});

	it('is Δcpu / Δsystem × online CPUs × 100 for the samples after it', () => {
		// (1077526739 − 73718379) / (2643130000000 − 2641110000000) × 2 × 100
		assert.ok(Math.abs(cpuPercent(second)! - 99.387) < 0.001, String(cpuPercent(second)));
		assert.ok(Math.abs(cpuPercent(third)! - 100.1637) < 0.001, String(cpuPercent(third)));
		assert.equal(formatPercent(cpuPercent(second)), '99.39%');
	});

	it('counts per-CPU entries when the engine does not report online CPUs', () => {
		const old: StatsSample = {
			cpu_stats: {cpu_usage: {total_usage: 300, percpu_usage: [100, 100, 100, 0]}, system_cpu_usage: 2000},
			precpu_stats: {cpu_usage: {total_usage: 100}, system_cpu_usage: 1000},
		};
		assert.equal(cpuPercent(old), 80);
	});

	it('shows a real 0 % for an idle container, unlike the first sample', () => {
		const idle: StatsSample = {
			cpu_stats: {cpu_usage: {total_usage: 500}, system_cpu_usage: 2000, online_cpus: 2},
			precpu_stats: {cpu_usage: {total_usage: 500}, system_cpu_usage: 1000, online_cpus: 2},
		};
		assert.equal(cpuPercent(idle), 0);
		assert.equal(formatPercent(cpuPercent(idle)), '0.00%');
	});
});

describe('memoryUsed', () => {
	it('subtracts total_inactive_file on cgroup v1, as docker stats does', () => {
		const v1: StatsSample = {
			memory_stats: {usage: 10_000_000, limit: 1e9, stats: {total_inactive_file: 4_000_000, cache: 6_000_000}},
		};
		assert.equal(memoryUsed(v1), 6_000_000);
		// The recorded sample has no inactive file pages: usage as it is.
		assert.equal(memoryUsed(second), 618_496);
	});

	it('subtracts inactive_file on cgroup v2', () => {
		assert.equal(memoryUsed({memory_stats: {usage: 5000, stats: {inactive_file: 1200}}}), 3800);
	});

	it('falls back to cache on engines that report only that', () => {
		assert.equal(memoryUsed({memory_stats: {usage: 5000, stats: {cache: 2000}}}), 3000);
	});

	it('never goes negative, and has no value without a reading', () => {
		assert.equal(memoryUsed({memory_stats: {usage: 1000, stats: {inactive_file: 4000}}}), 1000);
		assert.equal(memoryUsed({}), undefined);
	});
});

describe('IO totals', () => {
	it('sums every network interface', () => {
		assert.deepEqual(networkTotals(second), {read: 266, written: 0});
		assert.deepEqual(networkTotals({networks: {eth0: {rx_bytes: 10, tx_bytes: 1}, eth1: {rx_bytes: 5, tx_bytes: 2}}}), {
			read: 15,
			written: 3,
		});
	});

	it('reads block IO by operation, whatever its case', () => {
		const sample: StatsSample = {
			blkio_stats: {
				io_service_bytes_recursive: [
					{op: 'Read', value: 4096},
					{op: 'Write', value: 8192},
					{op: 'read', value: 4096},
					{op: 'Total', value: 16384},
				],
			},
		};
		assert.deepEqual(blockTotals(sample), {read: 8192, written: 8192});
		assert.deepEqual(blockTotals({blkio_stats: {io_service_bytes_recursive: null}}), {read: 0, written: 0});
	});
});

describe('history', () => {
	const point = (at: number, rx: number): StatsPoint => ({at, network: {read: rx, written: 0}, block: {read: 0, written: 0}});

	it('keeps the last minute of readings', () => {
		let history: StatsPoint[] = [];
		for (let second = 0; second <= 90; second++) history = pushPoint(history, point(second * 1000, 0));
		assert.equal(history[0]!.at, 31_000);
		assert.equal(history.length, 60);
	});

	it('turns counters into rates per second', () => {
		const history = [point(0, 0), point(1000, 500), point(3000, 2500)];
		assert.deepEqual(
			rates(history, (p) => p.network.read),
			[500, 1000],
		);
	});

	it('takes the engine’s read time for each point', () => {
		const recorded = toStatsPoint(second, 0);
		assert.equal(recorded.at, Date.parse('2026-11-23T18:10:34.874Z'));
		assert.equal(recorded.cpu !== undefined && Math.round(recorded.cpu), 99);
		assert.equal(toStatsPoint(first, 0).cpu, undefined);
	});
});

describe('sparkline', () => {
	it('scales to the ceiling given, or to its own highest value', () => {
		assert.equal(sparkline([0, 50, 100], 10, 100), '▁▅█');
		assert.equal(sparkline([1, 2, 4], 10), '▃▅█');
	});

	it('shows only the last `width` values and a gap where there was no reading', () => {
		assert.equal(sparkline([undefined, 10, 10, 10], 3, 10), '███');
		assert.equal(sparkline([undefined, 10], 5, 10), ' █');
	});
});

describe('formatBytes', () => {
	it('writes sizes in docker’s binary units', () => {
		assert.equal(formatBytes(512), '512B');
		assert.equal(formatBytes(1536), '1.50KiB');
		assert.equal(formatBytes(25_276_026_880), '23.5GiB');
	});
});
