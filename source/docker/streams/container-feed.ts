// Keeps the containers table live from the engine's /events stream: a full list on (re)connect,
// then each event applied at once and the container re-read, so nothing is refreshed on a timer;
// only after a burst of events is the list read again once, to put right what a lost race left.
import type {ContainerNews, ContainerTimes} from '../../state/core/model.js';
import type {EngineEvent} from '../../state/events/events.js';
import {eventInScope, eventKinds, toEngineEvent} from '../engine-events.js';
import {notAnswering, type Engine} from '../engine.js';
import {eventFilters, type Filters} from '../filters.js';
import {toContainer, toContainerEvent, type ApiContainer} from '../mapping.js';
import {keepSubscribed} from './reconnect.js';

/** What the feed learns; the session turns each into a state change. */
export type ContainerFeedEvent =
	| ContainerNews
	| {readonly type: 'connected'; readonly version?: string; readonly apiVersion?: string}
	| {readonly type: 'disconnected'; readonly error: string}
	/** Any event of the listed kinds within the scope, for the events pane (its one source: this stream). */
	| {readonly type: 'activity'; readonly event: EngineEvent};

export type FeedOptions = {
	readonly engine: Engine;
	readonly scope: Filters;
	readonly emit: (event: ContainerFeedEvent) => void;
	/** A list already fetched (on the fast start-up path), and the engine time it was taken at. */
	readonly initial?: {readonly containers: readonly ApiContainer[]; readonly at: number};
	/**
	 * Read exact start/finish times, one inspect per container, for the rows wantTimes names (off for ssh,
	 * where each request is a handshake).
	 */
	readonly exactTimes: boolean;
	/** Delay before retrying a lost connection, doubled up to maxRetryMs. */
	readonly retryMs?: number;
	readonly maxRetryMs?: number;
	/** A burst: this many row-changing events (default 10)… */
	readonly burstEvents?: number;
	/** …followed by this long without one (default 500 ms, but never more than 4× it after the burst began) brings one list read. */
	readonly settleMs?: number;
};

export type Feed = {
	readonly stop: () => void;
	/**
	 * The containers whose exact times are wanted now (the rows on screen): each is inspected once per
	 * connection. The list only estimates them ("Up 3 hours"); a thousand inspects at start were a second
	 * of the engine's and dockpit's time for rows nobody looked at.
	 */
	readonly wantTimes: (ids: readonly string[]) => void;
};

/** How long exact times read wait to be handed on with others. */
const timesBatchMs = 100;

/** Actions that can change what a row shows; exec_*, attach, resize, top… do not. */
const rowChanging = /^(create|start|restart|die|stop|kill|oom|pause|unpause|rename|destroy|update|health_status)/;

export function startContainerFeed(options: FeedOptions): Feed {
	const {engine, scope} = options;
	// Nothing is said once stopped: a list or version asked before a context switch may answer after it, and the
	// old engine's "connected" would read as the new one's answer.
	const emit = (event: ContainerFeedEvent): void => {
		if (!stopped()) options.emit(event);
	};
	let initial = options.initial;
	const inFlight = new Map<string, boolean>();
	// Destroyed ids, so a re-read started before the destroy (it may answer "Removal In Progress") cannot bring the row back.
	const destroyed = new Set<string>();
	const forget = (id: string) => {
		destroyed.add(id);
		// Ids are never reused and a late re-read settles within a deadline: the oldest can go.
		if (destroyed.size > 4096) destroyed.delete(destroyed.values().next().value!);
	};
	// `subscription` is set below; what asks this runs only once the stream is open.
	const stopped = (): boolean => subscription.stopped();

	async function reread(id: string): Promise<void> {
		if (inFlight.has(id)) {
			inFlight.set(id, true);
			return;
		}

		inFlight.set(id, false);
		try {
			// Inspect, not list: the engine reports an event before its list view catches up.
			const container = await engine.findContainer(id, scope);
			if (stopped()) return;
			if (container && !destroyed.has(id)) emit({type: 'upsert', container});
			else emit({type: 'remove', id});
		} catch {
			// The stream's own failure handling reports a lost engine; one failed re-read is not news.
		} finally {
			const again = inFlight.get(id);
			inFlight.delete(id);
			if (again && !stopped() && !destroyed.has(id)) void reread(id);
		}
	}

	let connectedOnce = false;
	/** Ids read (or queued) since the engine last connected, and the ones wanted last. */
	const timesRead = new Set<string>();
	let timesWanted: readonly string[] = [];
	const timesQueue: string[] = [];
	let timesWorkers = 0;
	let batch: ContainerTimes[] = [];
	let batchTimer: NodeJS.Timeout | undefined;
	// Handed on in batches: one update for many rows, not one per container.
	const flushTimes = () => {
		clearTimeout(batchTimer);
		batchTimer = undefined;
		if (batch.length === 0 || stopped()) return;
		emit({type: 'times', times: batch});
		batch = [];
	};

	async function timesWorker(): Promise<void> {
		timesWorkers++;
		try {
			for (let id = timesQueue.shift(); id !== undefined && !stopped(); id = timesQueue.shift()) {
				try {
					batch.push({id, ...(await engine.containerTimes(id))});
					batchTimer ??= setTimeout(flushTimes, timesBatchMs);
				} catch {
					// Removed meanwhile: its destroy event takes the row away.
				}
			}
		} finally {
			timesWorkers--;
			if (timesWorkers === 0) flushTimes();
		}
	}

	function wantTimes(ids: readonly string[]): void {
		timesWanted = ids;
		if (!options.exactTimes || !connectedOnce || stopped()) return;
		for (const id of ids) {
			if (timesRead.has(id)) continue;
			timesRead.add(id);
			timesQueue.push(id);
		}

		while (timesWorkers < 4 && timesQueue.length > timesWorkers) void timesWorker();
	}

	// After a burst of events (a hundred containers removed at once, under load) the per-event re-reads can
	// lose a race or fail; one list read once the burst settles puts every row right.
	const burstEvents = options.burstEvents ?? 10;
	const settleMs = options.settleMs ?? 500;
	let burst: {count: number; since: number; timer?: NodeJS.Timeout} | undefined;

	async function reconcile(): Promise<void> {
		burst = undefined;
		try {
			const rows = await engine.listContainers(scope);
			if (!stopped()) emit({type: 'snapshot', containers: rows.map((row) => toContainer(row, Date.now()))});
		} catch {
			// The stream's own failure handling reports a lost engine.
		}
	}

	function noteEvent(): void {
		const now = Date.now();
		burst ??= {count: 0, since: now};
		burst.count++;
		clearTimeout(burst.timer);
		const wait = Math.max(0, Math.min(settleMs, burst.since + settleMs * 4 - now));
		const {count} = burst;
		burst.timer = setTimeout(() => {
			if (count >= burstEvents) void reconcile();
			else burst = undefined;
		}, wait);
	}

	const subscription = keepSubscribed({
		retryMs: options.retryMs,
		maxRetryMs: options.maxRetryMs,
		// Subscribe first, from just before the list was taken, so no event falls between the two. Image, volume and
		// network events come on the same stream for the events pane (a label scope keeps only labelled ones).
		subscribe: () =>
			engine.events({since: (initial?.at ?? Date.now()) - 1000, filters: {...eventFilters(scope), type: eventKinds}}, (api) => {
				const activity = eventInScope(api, scope) ? toEngineEvent(api) : undefined;
				if (activity) emit({type: 'activity', event: activity});
				const event = toContainerEvent(api);
				if (!event || !rowChanging.test(event.action)) return;
				emit({type: 'event', event});
				noteEvent();
				if (event.action === 'destroy') forget(event.id);
				else void reread(event.id);
			}),
		async connected() {
			let rows = initial?.containers;
			initial = undefined;
			if (!rows) {
				rows = await engine.listContainers(scope);
				emit({type: 'snapshot', containers: rows.map((row) => toContainer(row, Date.now()))});
			}

			const version = await engine.version().catch(() => undefined);
			emit({type: 'connected', version: version?.Version, apiVersion: version?.ApiVersion});
			// The list just read has estimates only: the rows on screen are read again.
			connectedOnce = true;
			timesRead.clear();
			timesQueue.length = 0;
			wantTimes(timesWanted);
		},
		lost: (error) => emit({type: 'disconnected', error}),
	});
	// A request past its deadline: the engine may be frozen with the event stream still open, silent.
	const unsubscribe = engine.onUnanswered(() => subscription.drop(notAnswering));
	return {
		stop() {
			unsubscribe();
			clearTimeout(burst?.timer);
			clearTimeout(batchTimer);
			subscription.stop();
		},
		wantTimes,
	};
}
