// What every log follow (a container's, a service's) shares: whether it was closed, the stream it reads
// now, and how a failure of its steps becomes the stream's status.
import {toEngineError} from '../errors.js';
import type {LogFollow, LogFollowOptions} from './logs.js';

type Readable = NodeJS.ReadableStream & {destroy?: () => void};

/** What a follow's steps share: whether it was closed, and the stream it reads now. */
export type FollowRun = {
	readonly closed: boolean;
	/** Makes `stream` the one close() ends; false (and the stream ended) when the follow was closed meanwhile. */
	readonly adopt: (stream: Readable) => boolean;
	/** Runs the steps; their failure becomes the stream's status (removed, or the engine's error). */
	readonly start: (run: () => Promise<void>) => LogFollow;
};

export function createFollowRun(options: Pick<LogFollowOptions, 'onHistory' | 'onStatus'>): FollowRun {
	let closed = false;
	let stream: Readable | undefined;
	return {
		get closed() {
			return closed;
		},
		adopt(next) {
			if (closed) {
				next.destroy?.();
				return false;
			}

			stream = next;
			return true;
		},
		start(run) {
			run().catch((error: unknown) => {
				if (closed) return;
				options.onHistory();
				const failure = toEngineError(error);
				options.onStatus(failure.kind === 'not-found' ? {kind: 'removed'} : {kind: 'error', message: failure.message});
			});
			return {
				close() {
					closed = true;
					stream?.destroy?.();
				},
			};
		},
	};
}
