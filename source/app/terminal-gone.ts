import {closeSync} from 'node:fs';

// A terminal that vanished without a SIGHUP (its window killed around a `setsid` process, a closed
// pipe): the next write fails with EIO or EPIPE. That ends dockpit quietly, as a hang-up would.

/** The exit code for a terminal that went away: that of SIGHUP. */
export const terminalGoneExit = 128 + 1;

/** Codes of a write or read on a terminal or pipe whose other end is gone. */
const goneCodes = new Set(['EIO', 'EPIPE', 'ECONNRESET', 'ENXIO']);

export const isTerminalGone = (error: unknown): boolean =>
	error instanceof Error && goneCodes.has((error as NodeJS.ErrnoException).code ?? '');

/**
 * Calls `gone` (once) when a stream of the terminal fails because its other end is gone; any other
 * stream error is handed to `otherwise`.
 */
export function onTerminalGone(
	streams: ReadonlyArray<NodeJS.EventEmitter>,
	gone: () => void,
	otherwise: (error: unknown) => void,
): () => void {
	let called = false;
	const listener = (error: unknown) => {
		if (!isTerminalGone(error)) {
			otherwise(error);
			return;
		}

		if (called) return;
		called = true;
		gone();
	};

	for (const stream of streams) stream.on('error', listener);
	return () => {
		for (const stream of streams) stream.off('error', listener);
	};
}

/**
 * Exits with `terminalGoneExit`. The dead terminal's descriptors are closed first: at exit Node puts
 * back the terminal modes it found at start-up, and on a hung-up terminal that fails an internal
 * assertion (a native stack trace and exit 139); it skips descriptors that were closed.
 */
export function exitTerminalGone(streams: ReadonlyArray<{readonly fd: number; readonly isTTY?: boolean}>): never {
	for (const {fd, isTTY} of streams) {
		if (!isTTY) continue;
		try {
			closeSync(fd);
		} catch {
			// Already closed.
		}
	}

	process.exit(terminalGoneExit);
}
