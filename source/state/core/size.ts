// Byte counts as the docker CLI prints them (decimal units, three significant digits: "1.99MB", "72.8kB"),
// and exactly, for details.

const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/** `docker images`' SIZE column: 0B, 512B, 1.99MB, 72.8kB, 1.2GB. */
export function formatSize(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) return '?';
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}

	// Rounding to three digits can reach 1000 (999.9kB); the CLI would print "1e+03kB", one unit up reads better.
	let rounded = Number(value.toPrecision(3));
	if (rounded >= 1000 && unit < units.length - 1) {
		rounded = Number((rounded / 1000).toPrecision(3));
		unit++;
	}

	return `${rounded}${units[unit]}`;
}

/** "1,985,123 bytes", for the detail line under a human size. */
export const exactBytes = (bytes: number): string => `${Math.round(bytes).toLocaleString('en-US')} bytes`;
