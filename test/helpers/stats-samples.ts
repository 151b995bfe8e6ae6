// Three consecutive samples recorded from this engine (cgroup v1, 2 CPUs) for a busy-loop busybox
// container: the first has no previous reading (precpu system usage missing), the next two do.
import type {StatsSample} from '../../source/state/details/stats.js';

// Kept as recorded (every field the engine sent for these parts), so no excess-property check applies.
const recorded = [
	{
		read: '2026-11-23T18:10:33.866416419Z',
		preread: '0001-01-01T00:00:00Z',
		cpu_stats: {
			cpu_usage: {
				total_usage: 73718379,
				percpu_usage: [13691308, 60027071],
			},
			system_cpu_usage: 2641110000000,
			online_cpus: 2,
		},
		precpu_stats: {
			cpu_usage: {
				total_usage: 0,
			},
		},
		memory_stats: {
			usage: 618496,
			limit: 25276026880,
			stats: {
				cache: 40960,
				total_inactive_file: 0,
				inactive_file: 0,
			},
		},
		networks: {
			eth0: {
				rx_bytes: 90,
				rx_packets: 1,
				rx_errors: 0,
				rx_dropped: 0,
				tx_bytes: 0,
				tx_packets: 0,
				tx_errors: 0,
				tx_dropped: 0,
			},
		},
		blkio_stats: {
			io_service_bytes_recursive: [],
		},
	},
	{
		read: '2026-11-23T18:10:34.874800068Z',
		preread: '2026-11-23T18:10:33.866416419Z',
		cpu_stats: {
			cpu_usage: {
				total_usage: 1077526739,
				percpu_usage: [1017499668, 60027071],
			},
			system_cpu_usage: 2643130000000,
			online_cpus: 2,
		},
		precpu_stats: {
			cpu_usage: {
				total_usage: 73718379,
			},
			system_cpu_usage: 2641110000000,
			online_cpus: 2,
		},
		memory_stats: {
			usage: 618496,
			limit: 25276026880,
			stats: {
				cache: 40960,
				total_inactive_file: 0,
				inactive_file: 0,
			},
		},
		networks: {
			eth0: {
				rx_bytes: 266,
				rx_packets: 3,
				rx_errors: 0,
				rx_dropped: 0,
				tx_bytes: 0,
				tx_packets: 0,
				tx_errors: 0,
				tx_dropped: 0,
			},
		},
		blkio_stats: {
			io_service_bytes_recursive: [],
		},
	},
	{
		read: '2026-11-23T18:10:35.882599938Z',
		preread: '2026-11-23T18:10:34.874800068Z',
		cpu_stats: {
			cpu_usage: {
				total_usage: 2084171695,
				percpu_usage: [1025504516, 1058667179],
			},
			system_cpu_usage: 2645140000000,
			online_cpus: 2,
		},
		precpu_stats: {
			cpu_usage: {
				total_usage: 1077526739,
			},
			system_cpu_usage: 2643130000000,
			online_cpus: 2,
		},
		memory_stats: {
			usage: 618496,
			limit: 25276026880,
			stats: {
				cache: 40960,
				total_inactive_file: 0,
				inactive_file: 0,
			},
		},
		networks: {
			eth0: {
				rx_bytes: 426,
				rx_packets: 5,
				rx_errors: 0,
				rx_dropped: 0,
				tx_bytes: 0,
				tx_packets: 0,
				tx_errors: 0,
				tx_dropped: 0,
			},
		},
		blkio_stats: {
			io_service_bytes_recursive: [],
		},
	},
];

export const busyLoopSamples: readonly StatsSample[] = recorded;
