import {closeSync, fstatSync} from 'node:fs';
import {isatty} from 'node:tty';

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

/** Signals that end dockpit, and the exit code each gives (128 + its number, as a shell reports it). */
export const endingSignals = {SIGHUP: 129, SIGINT: 130, SIGTERM: 143} as const;

/**
 * Standard descriptors on a terminal that hung up: a character device that no longer answers terminal
 * requests (a pty slave whose master closed answers EIO). Node's own exit puts back the terminal modes it
 * found at start-up, and on such a descriptor that fails an assertion (a native stack trace, exit 134 or
 * 139), even on an exit by a signal dockpit does not handle.
 */
export function hungUpDescriptors(): number[] {
	return [0, 1, 2].filter((fd) => {
		try {
			return !isatty(fd) && fstatSync(fd).isCharacterDevice();
		} catch {
			return false;
		}
	});
}

/** Closes every standard descriptor whose terminal hung up: Node skips closed ones when it resets modes. */
export function closeHungUpDescriptors(): void {
	for (const fd of hungUpDescriptors()) {
		try {
			closeSync(fd);
		} catch {
			// Already closed.
		}
	}
}

/** Exits with `code`, closing first any standard descriptor whose terminal hung up, so the exit stays quiet. */
export function exitQuietly(code: number): never {
	closeHungUpDescriptors();
	process.exit(code);
}

/**
 * Until the dashboard installs its own handlers, SIGHUP, SIGINT and SIGTERM end dockpit quietly with their
 * code (start-up has not touched the terminal yet). Returns the function that removes these handlers.
 */
export function exitOnEndingSignals(): () => void {
	const handlers = Object.entries(endingSignals).map(([signal, code]) => {
		const handler = () => exitQuietly(code);
		process.on(signal, handler);
		return [signal, handler] as const;
	});
	return () => {
		for (const [signal, handler] of handlers) process.off(signal, handler);
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
