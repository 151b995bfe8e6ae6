// The Engine API through dockerode: typed reads, container operations and the event stream.
// This module is loaded after the first frame is on screen; nothing on that path waits for it.
import Dockerode from 'dockerode';
import type {Agent} from 'node:http';
import {dockerodeOptions} from './connect/connection.js';
import type {Endpoint} from './connect/endpoint.js';
import {EngineError, toEngineError} from './errors.js';
import {matchesScope, type Filters} from './filters.js';
import {fromInspect, inspectTimes, type ApiContainer, type ApiEvent, type ApiInspect, type ApiInspectState} from './mapping.js';
import {createNdjsonParser} from './streams/ndjson.js';
import type {Container, ContainerOp} from '../state/core/model.js';

export type EventStream = {readonly close: () => void; readonly closed: Promise<string>};

/**
 * How long a request may go unanswered before dockpit says so. A frozen engine (a stopped daemon, a hung
 * socket) otherwise leaves a request waiting forever. Streams (events, logs, stats, an exec's connection)
 * have a deadline to open and none once open; the feed's resubscription after a timeout is their liveness check.
 */
export const deadlines = {
	/** Lists, inspects, the version. */
	readMs: 8000,
	/** start, pause, kill, rename… */
	opMs: 10_000,
	/** remove deletes the container's files, which takes longer on a loaded disk. */
	removeMs: 30_000,
	/** Added to a container's own stop timeout for stop and restart, which legitimately wait that long. */
	stopMarginMs: 10_000,
	/** Opening /events, a followed log, a stats stream or an exec's connection: the engine answers at once, then streams. */
	subscribeMs: 8000,
	/** A log read that is not followed: the whole answer (up to the buffer's lines) arrives before it resolves. */
	logReadMs: 20_000,
};

/** What a request that passed its deadline says. */
export const notAnswering = 'the engine is not answering';

export const timeoutError = (ms: number): EngineError =>
	new EngineError('timeout', `timed out after ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`}: ${notAnswering}`);

export class Engine {
	readonly docker: Dockerode;
	/** The connections dockerode goes through when they are ours (SSH dial-stdio pool, TLS agent), not Node's global agent. */
	private readonly agent: Agent | undefined;

	private readonly unanswered = new Set<() => void>();

	constructor(readonly endpoint: Endpoint) {
		const options = dockerodeOptions(endpoint);
		this.agent = options.agent;
		this.docker = new Dockerode(options);
	}

	/**
	 * Closes the connections kept open to this engine, for a switch away from it. Every Engine for the same
	 * ssh:// endpoint shares one dial-stdio pool, so theirs close too; a later request opens a new one.
	 */
	close(): void {
		this.agent?.destroy();
	}

	/** Listens for a request passing its deadline; returns the unsubscribe. */
	onUnanswered(listener: () => void): () => void {
		this.unanswered.add(listener);
		return () => this.unanswered.delete(listener);
	}

	/**
	 * Runs a dockerode call, turning any failure into an EngineError with the daemon's message, and giving up
	 * after `ms`. The request itself is left to finish or fail on its own: there is no way to take it back.
	 */
	private async call<T>(work: () => Promise<T>, ms: number = deadlines.readMs): Promise<T> {
		return this.within(work(), ms);
	}

	/**
	 * Waits for a request dockerode has started (an inspect, a log read, a stream opening) at most `ms`,
	 * with the engine's error as an EngineError. Past the deadline the caller gets a timeout and the engine's
	 * listeners hear of it; a stream the engine opens after that (a thawed engine) has no reader and is
	 * destroyed when it comes.
	 */
	async within<T>(request: Promise<T>, ms: number = deadlines.readMs): Promise<T> {
		let late = false;
		void request.then(
			(value) => {
				if (late) (value as {destroy?: () => void} | undefined)?.destroy?.();
			},
			() => undefined,
		);
		let timer: NodeJS.Timeout | undefined;
		const deadline = new Promise<never>((_resolve, reject) => {
			timer = setTimeout(() => {
				late = true;
				reject(timeoutError(ms));
				for (const listener of this.unanswered) listener();
			}, ms);
		});
		try {
			return await Promise.race([request, deadline]);
		} catch (error) {
			throw toEngineError(error);
		} finally {
			clearTimeout(timer);
		}
	}

	version(): Promise<{Version?: string; ApiVersion?: string}> {
		return this.call(() => this.docker.version());
	}

	listContainers(scope: Filters): Promise<ApiContainer[]> {
		return this.call(
			async () => (await this.docker.listContainers({all: true, filters: scope as Record<string, string[]>})) as ApiContainer[],
		);
	}

	/** One container, if it still exists and is inside the scope. */
	async findContainer(id: string, scope: Filters): Promise<Container | undefined> {
		let info: ApiInspect;
		try {
			info = (await this.call(() => this.docker.getContainer(id).inspect())) as ApiInspect;
		} catch (error) {
			if (error instanceof EngineError && error.kind === 'not-found') return undefined;
			throw error;
		}

		const container = fromInspect(info);
		const inScope =
			matchesScope(scope, container) ?? (await this.listContainers({...scope, id: [id]})).some((row) => row.Id === id);
		return inScope ? container : undefined;
	}

	async containerTimes(id: string): Promise<ReturnType<typeof inspectTimes>> {
		const info = await this.call(() => this.docker.getContainer(id).inspect());
		return inspectTimes(info.State as ApiInspectState);
	}

	async run(op: ContainerOp): Promise<void> {
		const container = this.docker.getContainer(op.id);
		return this.call(
			async () => {
				switch (op.kind) {
					case 'start':
						await container.start();
						break;
					case 'stop':
						await container.stop(op.timeout === undefined ? {} : {t: op.timeout});
						break;
					case 'restart':
						await container.restart();
						break;
					case 'pause':
						await container.pause();
						break;
					case 'unpause':
						await container.unpause();
						break;
					case 'kill':
						await container.kill(op.signal === undefined ? {} : {signal: op.signal});
						break;
					case 'remove':
						// Anonymous volumes go only when the dialog's option asked for them (rm -v); named ones always stay.
						await container.remove({force: op.force ?? false, v: op.volumes ?? false});
						break;
					case 'rename':
						await container.rename({name: op.newName ?? ''});
						break;
				}
			},
			await this.opDeadline(op),
		);
	}

	/** stop and restart wait up to the container's own stop timeout (10 s unless set) before killing it. */
	private async opDeadline(op: ContainerOp): Promise<number> {
		if (op.kind === 'remove') return deadlines.removeMs;
		if (op.kind !== 'stop' && op.kind !== 'restart') return deadlines.opMs;
		if (op.timeout !== undefined) return op.timeout * 1000 + deadlines.stopMarginMs;
		const info = (await this.call(() => this.docker.getContainer(op.id).inspect())) as {Config?: {StopTimeout?: number}};
		return (info.Config?.StopTimeout ?? 10) * 1000 + deadlines.stopMarginMs;
	}

	/** Follows /events from `since` (epoch ms); `closed` resolves with the reason the stream ended. */
	async events(options: {since?: number; filters: Filters}, onEvent: (event: ApiEvent) => void): Promise<EventStream> {
		const request = this.docker.getEvents({
			since: options.since === undefined ? undefined : Math.floor(options.since / 1000),
			filters: options.filters as Record<string, string[]>,
		}) as Promise<NodeJS.ReadableStream & {destroy?: () => void}>;
		const stream = await this.within(request, deadlines.subscribeMs);
		const parse = createNdjsonParser<ApiEvent>();
		let closing = false;
		const closed = new Promise<string>((resolve) => {
			stream.on('data', (chunk: Buffer) => {
				for (const event of parse(chunk)) onEvent(event);
			});
			stream.on('end', () => resolve(closing ? 'closed' : 'the engine closed the event stream'));
			stream.on('close', () => resolve(closing ? 'closed' : 'the engine closed the event stream'));
			stream.on('error', (error: unknown) => resolve(toEngineError(error).message));
		});
		return {
			close() {
				closing = true;
				stream.destroy?.();
			},
			closed,
		};
	}
}
