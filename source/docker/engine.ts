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

/** Runs a dockerode call, turning any failure into an EngineError with the daemon's message. */
async function call<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw toEngineError(error);
	}
}

export class Engine {
	readonly docker: Dockerode;
	/** The connections dockerode goes through when they are ours (SSH dial-stdio pool, TLS agent), not Node's global agent. */
	private readonly agent: Agent | undefined;

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

	version(): Promise<{Version?: string; ApiVersion?: string}> {
		return call(() => this.docker.version());
	}

	listContainers(scope: Filters): Promise<ApiContainer[]> {
		return call(
			async () => (await this.docker.listContainers({all: true, filters: scope as Record<string, string[]>})) as ApiContainer[],
		);
	}

	/** One container, if it still exists and is inside the scope. */
	async findContainer(id: string, scope: Filters): Promise<Container | undefined> {
		let info: ApiInspect;
		try {
			info = (await call(() => this.docker.getContainer(id).inspect())) as ApiInspect;
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
		const info = await call(() => this.docker.getContainer(id).inspect());
		return inspectTimes(info.State as ApiInspectState);
	}

	run(op: ContainerOp): Promise<void> {
		const container = this.docker.getContainer(op.id);
		return call(async () => {
			switch (op.kind) {
				case 'start':
					await container.start();
					break;
				case 'stop':
					await container.stop();
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
					await container.kill();
					break;
				case 'remove':
					// Volumes are never removed with the container: data stays unless asked for elsewhere.
					await container.remove({force: op.force ?? false, v: false});
					break;
				case 'rename':
					await container.rename({name: op.newName ?? ''});
					break;
			}
		});
	}

	/** Follows /events from `since` (epoch ms); `closed` resolves with the reason the stream ended. */
	async events(options: {since?: number; filters: Filters}, onEvent: (event: ApiEvent) => void): Promise<EventStream> {
		const stream = (await call(() =>
			this.docker.getEvents({
				since: options.since === undefined ? undefined : Math.floor(options.since / 1000),
				filters: options.filters as Record<string, string[]>,
			}),
		)) as NodeJS.ReadableStream & {destroy?: () => void};
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
