// Following an engine stream through lost connections: subscribe, do the reads that go with it, wait
// for the stream to close, then try again after a pause that doubles up to a maximum.
import type {EventStream} from '../engine.js';

export type Backoff = {
	/** The pause before the next try; each call doubles the one after, up to the maximum. */
	readonly next: () => number;
	/** Back to the first pause, after a success. */
	readonly reset: () => void;
};

export function createBackoff(firstMs = 500, maxMs = 4000): Backoff {
	let delay = firstMs;
	return {
		next() {
			const current = delay;
			delay = Math.min(delay * 2, maxMs);
			return current;
		},
		reset() {
			delay = firstMs;
		},
	};
}

export type ReconnectOptions = {
	/** Opens the stream (the engine's /events). */
	readonly subscribe: () => Promise<EventStream>;
	/** Runs once the stream is open: the reads that go with a (re)subscription. A throw counts as a lost connection. */
	readonly connected: () => Promise<void> | void;
	/** The stream closed, or could not be opened or read, and why; never after stop(). */
	readonly lost?: (reason: string) => void;
	/** The pause before retrying, doubled up to maxRetryMs, and back to retryMs once connected. */
	readonly retryMs?: number;
	readonly maxRetryMs?: number;
};

export type Reconnecting = {
	readonly stop: () => void;
	/** Gives up on the open stream, which may be alive but silent (a frozen engine), and subscribes again. */
	readonly drop: (reason: string) => void;
	readonly stopped: () => boolean;
};

export function keepSubscribed(options: ReconnectOptions): Reconnecting {
	const backoff = createBackoff(options.retryMs ?? 500, options.maxRetryMs ?? 4000);
	let stopped = false;
	let closeStream: (() => void) | undefined;
	let wake: (() => void) | undefined;
	let dropped: string | undefined;

	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, ms);
			wake = () => {
				clearTimeout(timer);
				resolve();
			};
		});

	async function run(): Promise<void> {
		while (!stopped) {
			dropped = undefined;
			try {
				const stream = await options.subscribe();
				closeStream = stream.close;
				if (stopped) {
					stream.close();
					return;
				}

				await options.connected();
				backoff.reset();
				const reason = await stream.closed;
				closeStream = undefined;
				if (stopped) return;
				options.lost?.(dropped ?? reason);
			} catch (error) {
				closeStream?.();
				closeStream = undefined;
				if (stopped) return;
				options.lost?.(error instanceof Error ? error.message : String(error));
			}

			await sleep(backoff.next());
		}
	}

	void run();
	return {
		stop() {
			stopped = true;
			closeStream?.();
			wake?.();
		},
		drop(reason) {
			if (!closeStream || dropped !== undefined) return;
			dropped = reason;
			closeStream();
		},
		stopped: () => stopped,
	};
}
