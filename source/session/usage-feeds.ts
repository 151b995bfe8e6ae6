// The containers list's stats streams (issue 16): one per running row on screen while the CPU and MEM
// columns are on, opened and closed as rows scroll in and out and containers start and stop. Samples are
// handed to the store in one batch for all rows, at most once a second, so a screen of busy containers
// costs one render a second, not one per sample.
import type {AppAction, AppState} from '../state/core/app.js';
import type {StatsSample} from '../state/details/stats.js';
import {toUsage, usageShown, type Usage} from '../state/containers/usage.js';
import type {StatsSubscription} from './details-source.js';
import type {Store} from './store.js';

export type OpenStats = (id: string, onSample: (sample: StatsSample) => void) => Promise<StatsSubscription>;

/** The shortest time between two batches handed to the store. */
export const usageBatchMs = 1000;

/**
 * How often the rows' streams are read, by how many batches in a row changed no text on screen: once a
 * second while figures move; after 3 still batches every 2 s, after 3 more every 4 s, and after a minute
 * with nothing moved (12 more) every 8 s. A stream opened (a row scrolled in, a container started) or a batch
 * that changes a figure brings it back to once a second, so a container that wakes up shows it within 8 s
 * (4 s in the first minute of stillness), and the next figures come every second. The details panel's stats
 * tab reads its container's own stream every second throughout.
 */
export function usagePeriodMs(stillBatches: number): number {
	if (stillBatches < 3) return usageBatchMs;
	if (stillBatches < 6) return 2 * usageBatchMs;
	return stillBatches < 18 ? 4 * usageBatchMs : 8 * usageBatchMs;
}

export type Clock = {
	readonly now: () => number;
	readonly setTimeout: (run: () => void, ms: number) => unknown;
	readonly clearTimeout: (timer: unknown) => void;
};

const realClock: Clock = {
	now: () => Date.now(),
	setTimeout: (run, ms) => setTimeout(run, ms),
	clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

export type UsageFeeds = {
	/** Streams open from now on (the session connected to its engine); before, rows are only noted. */
	readonly start: () => void;
	/** The ids of the rows the list shows now, in any state; [] when the list is not on screen. */
	readonly show: (ids: readonly string[]) => void;
	/** Closes every stream and forgets why any failed (another engine); the next change reopens what is wanted. */
	readonly reset: () => void;
	/** Closes every stream for good (the session ends). */
	readonly stop: () => void;
	/** The containers with a stream open or opening, for tests and the bench. */
	readonly streaming: () => readonly string[];
};

type Stream = {closed: boolean; close?: () => void};

export function createUsageFeeds(options: {
	readonly store: Store<AppState, AppAction>;
	readonly openStats: OpenStats;
	readonly clock?: Clock;
	/** Told how often the streams are worth reading now (usagePeriodMs); the session's read gate follows it. */
	readonly pace?: (periodMs: number) => void;
}): UsageFeeds {
	const {store, openStats} = options;
	const clock = options.clock ?? realClock;
	const streams = new Map<string, Stream>();
	/** Streams the engine ended (or refused) while their row still wanted one: not reopened until it stops wanting it. */
	const failed = new Set<string>();
	const pending = new Map<string, Usage | null>();
	let rowIds: readonly string[] = [];
	let timer: unknown;
	let lastBatch = Number.NEGATIVE_INFINITY;
	let connection = store.getState().engine.connection;
	let stopped = false;
	let started = false;
	/** Batches in a row that changed no text on screen. */
	let still = 0;

	function setStill(count: number) {
		const before = usagePeriodMs(still);
		still = count;
		const after = usagePeriodMs(still);
		if (after !== before) options.pace?.(after);
	}

	const isRunning = (id: string) => store.getState().containers.byId[id]?.state === 'running';

	function flush() {
		timer = undefined;
		if (pending.size === 0) return;
		lastBatch = clock.now();
		const readings = Object.fromEntries(pending);
		pending.clear();
		const before = store.getState().containers.usage;
		store.dispatch({type: 'containers/usage', readings});
		setStill(store.getState().containers.usage === before ? still + 1 : 0);
	}

	function queue(id: string, usage: Usage | null) {
		pending.set(id, usage);
		if (timer !== undefined || stopped) return;
		timer = clock.setTimeout(flush, Math.max(0, lastBatch + usageBatchMs - clock.now()));
	}

	/** A stopped container's figures go; a running one's stay for when its row scrolls back (and for a sort by them). */
	const forgetIfStopped = (id: string) => {
		if (!isRunning(id) && store.getState().containers.usage?.[id] !== undefined) queue(id, null);
	};

	function close(id: string) {
		const stream = streams.get(id);
		if (!stream) return;
		stream.closed = true;
		stream.close?.();
		streams.delete(id);
	}

	function open(id: string) {
		// A new row's first figures come within a second.
		setStill(0);
		const stream: Stream = {closed: false};
		streams.set(id, stream);
		const ended = () => {
			if (stream.closed) return;
			streams.delete(id);
			failed.add(id);
			forgetIfStopped(id);
		};

		openStats(id, (sample) => {
			if (!stream.closed) queue(id, toUsage(sample));
		}).then((subscription) => {
			if (stream.closed) {
				subscription.close();
				return;
			}

			stream.close = subscription.close;
			void subscription.ended.then(ended);
		}, ended);
	}

	function reconcile() {
		if (stopped || !started) return;
		const state = store.getState();
		if (state.engine.connection !== connection) {
			// Back from a lost connection: every stream may be opened again.
			connection = state.engine.connection;
			failed.clear();
		}

		const shown = connection === 'connected' && usageShown(state.ui.usageColumns, state.ui.pageSize);
		const wanted = new Set(shown ? rowIds.filter(isRunning) : []);
		for (const id of [...streams.keys()]) {
			if (wanted.has(id)) continue;
			close(id);
			forgetIfStopped(id);
		}

		for (const id of [...failed]) {
			if (wanted.has(id)) continue;
			failed.delete(id);
			forgetIfStopped(id);
		}

		for (const id of wanted) if (!streams.has(id) && !failed.has(id)) open(id);
	}

	const unsubscribe = store.subscribe(reconcile);

	function closeAll() {
		for (const id of [...streams.keys()]) close(id);
		failed.clear();
		pending.clear();
		if (timer !== undefined) clock.clearTimeout(timer);
		timer = undefined;
	}

	return {
		start() {
			started = true;
			reconcile();
		},
		show(ids) {
			rowIds = ids;
			reconcile();
		},
		reset: closeAll,
		stop() {
			stopped = true;
			unsubscribe();
			closeAll();
		},
		streaming: () => [...streams.keys()],
	};
}
