// Several engines in one view: each engine's rows are keyed by the engine's key and the container's id
// ("1:3f2a…"), so ids from two engines never collide and every action knows which engine it goes to.
// With one engine nothing is qualified: a row's key is the container's id, as before.
import type {ContainerNews} from './model.js';

/** An engine's connection as the header shows it. */
export type EngineConnection = 'connected' | 'reconnecting' | 'unreachable';

/** One of several engines in the view. */
export type EngineEntry = {
	/** Its place in the command line, as text ("0", "1"…): the prefix of its rows' keys. */
	readonly key: string;
	/** The context's name, or the host's address: the ENGINE column's text. */
	readonly name: string;
	/** Its address, as the banner names it. */
	readonly endpoint: string;
	readonly connection: EngineConnection;
	/** Why it is not connected, in the daemon's or the OS's words. */
	readonly error?: string;
	readonly version?: string;
};

const qualified = /^(\d+):(.+)$/;

/** The key of a container's row: its id, qualified by its engine when there are several. */
export const rowKey = (engine: string | undefined, id: string): string => (engine === undefined ? id : `${engine}:${id}`);

/** A row's key taken apart: the engine's key (absent with one engine) and the container's id on that engine. */
export function splitRowKey(key: string): {readonly engine?: string; readonly id: string} {
	const match = qualified.exec(key);
	return match ? {engine: match[1], id: match[2]!} : {id: key};
}

/** The id the engine knows the container by. */
export const engineIdOf = (key: string): string => splitRowKey(key).id;

/** An engine's news with every id qualified by its key and every container labelled with its name. */
export function qualifyNews(news: ContainerNews, engine: {readonly key: string; readonly name: string}): ContainerNews {
	const key = (id: string) => rowKey(engine.key, id);
	switch (news.type) {
		case 'snapshot':
			return {
				type: 'snapshot',
				engine: engine.key,
				containers: news.containers.map((container) => ({...container, id: key(container.id), engine: engine.name})),
			};
		case 'upsert':
			return {type: 'upsert', container: {...news.container, id: key(news.container.id), engine: engine.name}};
		case 'remove':
			return {type: 'remove', id: key(news.id)};
		case 'event':
			return {type: 'event', event: {...news.event, id: key(news.event.id)}};
		case 'times':
			return {type: 'times', times: news.times.map((times) => ({...times, id: key(times.id)}))};
	}
}

/** What the banners under the header need to know about the engines. */
export type EngineView = {
	readonly endpoint: string;
	readonly connection: 'connected' | 'disconnected';
	readonly error?: string;
	readonly engines?: readonly EngineEntry[];
};

/** One banner line per engine that is not connected; with one engine, the one banner of old. */
export function engineBanners(engine: EngineView): string[] {
	if (!engine.engines) {
		return engine.connection === 'disconnected'
			? [` Disconnected from ${engine.endpoint} (${engine.error ?? 'no answer'}) — retrying… `]
			: [];
	}

	return engine.engines
		.filter((entry) => entry.connection !== 'connected')
		.map((entry) =>
			entry.connection === 'unreachable'
				? ` Engine ${entry.name} unreachable at ${entry.endpoint} (${entry.error ?? 'no answer'}) — retrying… `
				: ` Engine ${entry.name}: lost ${entry.endpoint} (${entry.error ?? 'no answer'}) — reconnecting… `,
		);
}

/** An engine answered (again): connected. */
export const engineConnected = (entry: EngineEntry, version?: string): EngineEntry => ({
	...entry,
	connection: 'connected',
	error: undefined,
	version: version ?? entry.version,
});

/** An engine was lost: reconnecting when it had answered, still unreachable when it never had. */
export const engineLost = (entry: EngineEntry, error: string): EngineEntry => ({
	...entry,
	connection: entry.connection === 'unreachable' ? 'unreachable' : 'reconnecting',
	error,
});

/** The ENGINE column's width: the longest name, within bounds. */
export const engineColumnWidth = (engines: readonly EngineEntry[] | undefined): number =>
	engines ? Math.min(20, Math.max('ENGINE'.length, ...engines.map((entry) => entry.name.length))) : 0;
