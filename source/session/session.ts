// One dockpit session: the store, the engine (loaded after the first frame), the live feed,
// and the container operations the keys ask for.
import {appReducer, initialAppState, type AppAction, type AppState, type EngineInfo} from '../state/core/app.js';
import {createStore, type Store} from './store.js';
import {createKeyMap, type KeyMap} from '../state/input/keymap.js';
import {defaultConfig, type Config} from '../state/settings/config.js';
import {createContextActions, type ContextActions} from './context-actions.js';
import {applyEach, containerFeedActions, engineFeedActions} from './feed-actions.js';
import {createExactTimes} from './exact-times.js';
import {engineIdOf, qualifyNews, splitRowKey, type EngineEntry} from '../state/core/engines.js';
import {opFailure, opProgress, opSuccess} from '../state/core/messages.js';
import type {ContainerOp} from '../state/core/model.js';
import type {ExecRequest} from '../state/details/exec.js';
import type {Endpoint} from '../docker/connect/endpoint.js';
import type {Filters} from '../docker/filters.js';
import {toContainer, type ApiContainer} from '../docker/mapping.js';
import type {Engine} from '../docker/engine.js';
import type {Feed} from '../docker/streams/container-feed.js';
import {toEngineError} from '../docker/errors.js';
import {createReadGate} from '../docker/streams/read-gate.js';
import {createLogActions, type LogActions} from './log-actions.js';
import {createResourceActions, type ResourceActions} from './resource-actions.js';
import {createMakeActions, type MakeActions} from './make-actions.js';
import {runMemoryFile} from './run-memory.js';
import {copiedStatus, osc52} from '../state/core/clipboard.js';
import {createUsageFeeds, usageBatchMs, type UsageFeeds} from './usage-feeds.js';
import {settleRows} from './settle-rows.js';
import {createSwarmActions, type SwarmActions} from './swarm-actions.js';

/** One of several engines to show, with what its first contact brought (or why it failed). */
export type EngineTarget = {
	/** The ENGINE column's text: the context's name or the host's address. */
	readonly name: string;
	readonly endpoint: Endpoint;
	readonly version?: string;
	readonly apiVersion?: string;
	readonly initial?: {readonly containers: readonly ApiContainer[]; readonly at: number};
	/** Why the first contact failed; the feed keeps trying. */
	readonly error?: string;
};

export type SessionOptions = {
	/** Two or more: several engines in one view (the first is `endpoint`, which panes other than containers show). */
	readonly engines?: readonly EngineTarget[];
	readonly endpoint: Endpoint;
	readonly scope: Filters;
	readonly scopeText: readonly string[];
	readonly version?: string;
	readonly apiVersion?: string;
	/** The list fetched on the start-up path, and the engine's clock when it was taken. */
	readonly initial?: {readonly containers: readonly ApiContainer[]; readonly at: number};
	readonly keys?: KeyMap;
	/** The docker context the endpoint came from, shown in the header. */
	readonly context?: string;
	/** Settings from the config file and flags (settings.ts). */
	readonly config?: Config;
	/** --identity, kept for ssh:// contexts switched to later. */
	readonly identity?: string;
	/** The logs pane's line cap (--log-lines). */
	readonly logLines?: number;
	/** Writes a sequence to the terminal beside Ink's frames (the clipboard's OSC 52); none: copying says so. */
	readonly writeTerminal?: (data: string) => void;
	/** Running inside tmux ($TMUX), where OSC 52 reaches the clipboard only with `set-clipboard on`. */
	readonly inTmux?: boolean;
};

export type Session = {
	readonly store: Store<AppState, AppAction>;
	readonly keys: KeyMap;
	/** Loads dockerode and starts following the engine. */
	readonly connect: () => Promise<void>;
	readonly runOp: (op: ContainerOp) => Promise<void>;
	/** Log streams and saving them (log-actions.ts). */
	readonly logs: LogActions;
	/** Images, volumes, networks, bulk actions and prune (resource-actions.ts). */
	readonly resources: ResourceActions;
	/** Docker contexts: list them in a dialog, and move the session to another one's engine (session-contexts.ts). */
	readonly contexts: ContextActions;
	/** The engine a container's row (its key) is on, loading it on first use; the first engine without a key. */
	readonly engine: (key?: string) => Promise<Engine>;
	/** Asks run.tsx to hand the terminal to an exec or attach once the UI has let go of it. */
	readonly requestExec: (request: ExecRequest) => void;
	/** Run, create, build, copy, commit, tag, networks and volumes (make-actions.ts). */
	readonly make: MakeActions;
	/** The stats streams behind the list's CPU and MEM columns (usage-feeds.ts). */
	readonly usage: UsageFeeds;
	/** The containers list's rows on screen now: once they stay, their exact times are read, each from its own engine. */
	readonly showRows: (ids: readonly string[]) => void;
	/** The rows whose CPU and MEM the list shows now: once they stay, their stats streams open (settle-rows.ts). */
	readonly showWindow: (ids: readonly string[]) => void;
	/** Swarm services, tasks and nodes of this engine, when it is a manager (swarm-actions.ts). */
	readonly swarm: SwarmActions;
	/** Listens for a handover the session asks for by itself (a run with -it); returns the unsubscribe. */
	readonly onHandOver: (listener: () => void) => () => void;
	/** The handover asked for, if any; taking it clears it. */
	readonly takeExec: () => ExecRequest | undefined;
	/** Puts sanitised text on the clipboard through the terminal (OSC 52) and says so. */
	readonly copy: (text: string, what: string) => void;
	readonly stop: () => void;
};

export function createSession(options: SessionOptions): Session {
	const several = options.engines && options.engines.length > 1 ? options.engines : undefined;
	const entries = several?.map((target, index): EngineEntry => ({
		key: String(index),
		name: target.name,
		endpoint: target.endpoint.url,
		connection: target.error === undefined ? 'connected' : 'unreachable',
		error: target.error,
		version: target.version,
	}));
	const engineInfo: Omit<EngineInfo, 'connection'> = {
		endpoint: options.endpoint.url,
		version: options.version,
		apiVersion: options.apiVersion,
		scope: options.scopeText,
		context: options.context,
		engines: entries,
	};
	const initial = initialAppState(engineInfo);
	const sort = options.config ? {key: options.config.sort, descending: options.config.sortDescending} : initial.ui.sort;
	const store = createStore(appReducer, {...initial, ui: {...initial.ui, sort}});
	const keys = options.keys ?? createKeyMap();
	let feed: Feed | undefined;
	let engine: Promise<Engine> | undefined;
	let pendingExec: ExecRequest | undefined;

	// A context switch replaces these; everything reads them through loadEngine and connect.
	let endpoint = options.endpoint;
	let initialList = several ? several[0]!.initial : options.initial;
	const now = Date.now();
	if (entries && several) {
		for (const [index, target] of several.entries()) {
			if (!target.initial) continue;
			const containers = target.initial.containers.map((row) => toContainer(row, now));
			for (const action of containerFeedActions(qualifyNews({type: 'snapshot', containers}, entries[index]!))) {
				store.dispatch(action);
			}
		}
	} else if (options.initial) {
		store.dispatch({type: 'containers/snapshot', containers: options.initial.containers.map((row) => toContainer(row, now))});
	}

	const newEngine = async (at: Endpoint) => import('../docker/engine.js').then(({Engine: EngineClass}) => new EngineClass(at));
	const firstEngine = () => (engine ??= newEngine(endpoint));
	// The engines after the first, with several: each its own connection (an ssh:// one its own channel pool).
	const others = (several ?? []).slice(1).map((target) => ({
		target,
		engine: undefined as Promise<Engine> | undefined,
		feed: undefined as Feed | undefined,
	}));
	/** The engine a row's key names; the first one for a key without an engine (or no key). */
	const loadEngine = (key?: string): Promise<Engine> => {
		const engineKey = key === undefined ? undefined : splitRowKey(key).engine;
		const other = engineKey === undefined ? undefined : others[Number(engineKey) - 1];
		if (!other) return firstEngine();
		return (other.engine ??= newEngine(other.target.endpoint));
	};

	const logs = createLogActions({store, loadEngine, keys});
	if (options.logLines !== undefined) store.dispatch({type: 'logs/configure', cap: options.logLines});
	// The config file's logTail: how many lines the logs pane starts with.
	if (options.config && options.config.logTail !== defaultConfig.logTail) {
		store.dispatch({type: 'logs/window', window: {kind: 'tail', lines: options.config.logTail}});
	}

	let resources = createResourceActions({store, loadEngine, scope: options.scope, engines: entries});
	const handOverListeners = new Set<() => void>();
	const make = createMakeActions({
		store,
		loadEngine,
		readOnly: keys.readOnly,
		memoryFile: runMemoryFile(),
		handOver(request) {
			pendingExec = request;
			for (const listener of handOverListeners) listener();
		},
	});

	// The rows' stats streams are read together once a batch period, not woken for one by one.
	const statsGate = createReadGate(usageBatchMs);
	const usage = createUsageFeeds({
		store,
		pace: statsGate.pace,
		// A row's key names its engine: each stream goes to the engine the container runs on.
		async openStats(key, onSample) {
			const [loaded, reads] = await Promise.all([loadEngine(key), import('../docker/container-details.js')]);
			return reads.followStats(loaded, engineIdOf(key), onSample, statsGate);
		},
	});
	const newSwarm = () => createSwarmActions({store, loadEngine, scope: options.scope, readOnly: keys.readOnly});
	let swarm = newSwarm();

	// Exact times for the rows on screen, each asked of its own engine's feed.
	const times = createExactTimes(store, () => [feed, ...others.map((other) => other.feed)]);
	// Rows a scroll key passes over get no stats stream and no inspect for their exact times. (Times read late
	// do not make the details panel read its inspect again: use-container-info.ts.)
	const settledUsage = settleRows(usage.show);
	const settledTimes = settleRows(times.show);

	async function connect(): Promise<void> {
		const [loaded, {startContainerFeed}] = await Promise.all([firstEngine(), import('../docker/streams/container-feed.js')]);
		feed = startContainerFeed({
			engine: loaded,
			scope: options.scope,
			emit: applyEach(entries ? engineFeedActions(entries[0]!) : containerFeedActions, store.dispatch),
			initial: initialList,
			exactTimes: endpoint.kind !== 'ssh',
		});
		initialList = undefined;
		times.refresh();
		usage.start();
		void swarm.start();
		if (!entries) return;
		await Promise.all(
			others.map(async (other, index) => {
				const otherEngine = await (other.engine ??= newEngine(other.target.endpoint));
				other.feed = startContainerFeed({
					engine: otherEngine,
					scope: options.scope,
					emit: applyEach(engineFeedActions(entries[index + 1]!), store.dispatch),
					initial: other.target.initial,
					exactTimes: other.target.endpoint.kind !== 'ssh',
				});
			}),
		);
		times.refresh();
	}

	const contextActions = createContextActions({
		store,
		identity: options.identity,
		current: () => store.getState().engine.context,
		async switchTo(next) {
			feed?.stop();
			resources.stop();
			swarm.stop();
			swarm = newSwarm();
			store.dispatch({type: 'swarm/reset'});
			const old = engine;
			endpoint = next;
			engine = undefined;
			usage.reset();
			resources = createResourceActions({store, loadEngine, scope: options.scope, engines: entries});
			// Its connections (an ssh:// engine's SSH connection) would otherwise stay open for the rest of the session.
			await old?.then(
				(loaded) => loaded.close(),
				() => undefined,
			);
			return connect();
		},
	});
	// Moving "the" engine to another context means nothing when several are shown side by side.
	const contexts: ContextActions = entries
		? {
				...contextActions,
				open() {
					store.dispatch({
						type: 'ui/status',
						status: {text: 'Several engines are shown: start dockpit with the ones you want (--context, --host)', tone: 'info'},
					});
				},
			}
		: contextActions;

	return {
		store,
		keys,
		logs,
		get resources() {
			return resources;
		},
		contexts,
		connect,
		async runOp(op) {
			// The key layer already refuses these (read-only.ts); this keeps any other path from changing the engine.
			if (keys.readOnly) {
				store.dispatch({type: 'ui/status', status: {text: `Read-only mode: ${op.kind} was not run`, tone: 'error'}});
				return;
			}

			store.dispatch({type: 'ui/status', status: {text: opProgress(op), tone: 'progress'}});
			try {
				await (await loadEngine(op.id)).run({...op, id: engineIdOf(op.id)});
				store.dispatch({type: 'ui/status', status: {text: opSuccess(op), tone: 'success'}});
			} catch (error) {
				const failure = toEngineError(error);
				const tone = failure.kind === 'not-modified' ? 'info' : 'error';
				store.dispatch({type: 'ui/status', status: {text: opFailure(op, failure), tone}});
			}
		},
		engine: loadEngine,
		make,
		usage,
		showRows: settledTimes.show,
		showWindow: settledUsage.show,
		get swarm() {
			return swarm;
		},
		onHandOver(listener) {
			handOverListeners.add(listener);
			return () => handOverListeners.delete(listener);
		},
		requestExec(request) {
			pendingExec = request;
		},
		takeExec() {
			const request = pendingExec;
			pendingExec = undefined;
			return request;
		},
		copy(text, what) {
			const write = options.writeTerminal;
			if (!write) {
				store.dispatch({type: 'ui/status', status: {text: 'No terminal to copy through', tone: 'error'}});
				return;
			}

			const written = osc52(text);
			write(written.sequence);
			const status = copiedStatus(what, written.text, {truncated: written.truncated, tmux: options.inTmux ?? false});
			store.dispatch({type: 'ui/status', status: {text: status, tone: 'success'}});
		},
		stop() {
			times.stop();
			feed?.stop();
			resources.stop();
			for (const other of others) {
				other.feed?.stop();
				void other.engine?.then(
					(loaded) => loaded.close(),
					() => undefined,
				);
			}

			settledTimes.stop();
			settledUsage.stop();
			usage.stop();
			statsGate.stop();
			swarm.stop();
			// An ssh:// engine's dial-stdio channels, or a TLS agent, end with the session.
			void engine?.then(
				(loaded) => loaded.close(),
				() => undefined,
			);
		},
	};
}
