// Polling for state that settles asynchronously (the engine, child processes), so tests wait for a
// condition with a deadline instead of sleeping a fixed time.
import {setTimeout as delay} from 'node:timers/promises';
import {inspect} from 'node:util';

export type WaitOptions = {
	/** Give up after this many milliseconds. */
	readonly timeout?: number;
	/** Milliseconds between probes. */
	readonly interval?: number;
	/** What is being waited for, in words; it names the failure. */
	readonly what: string;
};

/**
 * Calls `probe` until it returns something other than `undefined` or `false`, and resolves with that.
 * A probe that throws is retried (an engine object may not exist yet); the last error is reported.
 */
export async function waitFor<T>(
	probe: () => Promise<T | undefined | false> | T | undefined | false,
	{timeout = 10_000, interval = 50, what}: WaitOptions,
): Promise<T> {
	const deadline = Date.now() + timeout;
	let last: unknown;
	for (;;) {
		try {
			const value = await probe();
			if (value !== undefined && value !== false) return value;
			last = value;
		} catch (error) {
			last = error;
		}

		const remaining = deadline - Date.now();
		if (remaining <= 0) {
			const shown = inspect(last, {depth: 4, breakLength: 120});
			throw new Error(`timed out after ${timeout} ms waiting for ${what}; last value: ${shown}`, {cause: last});
		}

		await delay(Math.min(interval, remaining));
	}
}
