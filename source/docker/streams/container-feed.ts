// Keeps the containers table live from the engine's /events stream: a full list on (re)connect,
// then each event applied at once and the container re-read, so nothing is refreshed on a timer.
import type {ContainerNews} from '../../state/core/model.js';
import type {Engine} from '../engine.js';
import {eventFilters, type Filters} from '../filters.js';
import {toContainer, toContainerEvent, type ApiContainer} from '../mapping.js';
import {keepSubscribed} from './reconnect.js';

/** What the feed learns; the session turns each into a state change. */
export type ContainerFeedEvent =
	| ContainerNews
	| {readonly type: 'connected'; readonly version?: string; readonly apiVersion?: string}
	| {readonly type: 'disconnected'; readonly error: string};

export type FeedOptions = {
	readonly engine: Engine;
	readonly scope: Filters;
	readonly emit: (event: ContainerFeedEvent) => void;
	/** A list already fetched (on the fast start-up path), and the engine time it was taken at. */
	readonly initial?: {readonly containers: readonly ApiContainer[]; readonly at: number};
	/** Read exact start/finish times with one inspect per container (off for ssh, where each request is a handshake). */
	readonly exactTimes: boolean;
	/** Delay before retrying a lost connection, doubled up to maxRetryMs. */
	readonly retryMs?: number;
	readonly maxRetryMs?: number;
};

export type Feed = {readonly stop: () => void};

/** Actions that can change what a row shows; exec_*, attach, resize, top… do not. */
const rowChanging = /^(create|start|restart|die|stop|kill|oom|pause|unpause|rename|destroy|update|health_status)/;

export function startContainerFeed(options: FeedOptions): Feed {
	const {engine, scope, emit} = options;
	let initial = options.initial;
	const inFlight = new Map<string, boolean>();
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
			if (container) emit({type: 'upsert', container});
			else emit({type: 'remove', id});
		} catch {
			// The stream's own failure handling reports a lost engine; one failed re-read is not news.
		} finally {
			const again = inFlight.get(id);
			inFlight.delete(id);
			if (again && !stopped()) void reread(id);
		}
	}

	async function readExactTimes(rows: readonly ApiContainer[]): Promise<void> {
		if (!options.exactTimes) return;
		const queue = rows.map((row) => row.Id);
		const worker = async () => {
			for (let id = queue.shift(); id !== undefined && !stopped(); id = queue.shift()) {
				try {
					emit({type: 'times', id, ...(await engine.containerTimes(id))});
				} catch {
					// Removed meanwhile: its destroy event takes the row away.
				}
			}
		};

		await Promise.all([worker(), worker(), worker(), worker()]);
	}

	const subscription = keepSubscribed({
		retryMs: options.retryMs,
		maxRetryMs: options.maxRetryMs,
		// Subscribe first, from just before the list was taken, so no event falls between the two.
		subscribe: () =>
			engine.events({since: (initial?.at ?? Date.now()) - 1000, filters: eventFilters(scope)}, (api) => {
				const event = toContainerEvent(api);
				if (!event || !rowChanging.test(event.action)) return;
				emit({type: 'event', event});
				if (event.action !== 'destroy') void reread(event.id);
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
			void readExactTimes(rows);
		},
		lost: (error) => emit({type: 'disconnected', error}),
	});
	return {stop: subscription.stop};
}
