// The session's side of the swarm panes: follows this engine's swarm once connected (swarm-feed.ts),
// tells the feed which swarm pane is on screen, and carries out the actions the keys ask for.
import type {AppAction, AppState} from '../state/core/app.js';
import type {SwarmRequest} from '../state/input/effect.js';
import {isSwarmPane} from '../state/swarm/swarm.js';
import {swarmOpFailure, swarmOpProgress, swarmOpSuccess} from '../state/swarm/swarm-messages.js';
import type {Engine} from '../docker/engine.js';
import type {Filters} from '../docker/filters.js';
import type {SwarmFeed, SwarmFeedEvent} from '../docker/streams/swarm-feed.js';
import {toEngineError} from '../docker/errors.js';
import type {Store} from './store.js';

export type SwarmActions = {
	/** Starts following the swarm (after the engine is connected). */
	readonly start: () => Promise<void>;
	readonly run: (request: SwarmRequest) => Promise<void>;
	/**
	 * Reads the tasks once: a service's log named a task the panes do not know yet, and its prefix wants the
	 * task's slot. Tasks have no events; the logs pane asks once per unknown task, never on a timer, and
	 * reads asked for while one runs are made one.
	 */
	readonly learnTasks: () => void;
	readonly stop: () => void;
};

export function swarmFeedActions(event: SwarmFeedEvent): AppAction[] {
	switch (event.type) {
		case 'role':
			return [{type: 'swarm/role', role: event.role}];
		case 'unscopable':
			return [{type: 'swarm/unscopable', reason: event.reason}];
		default:
			return [{type: `swarm/${event.type}`, rows: event.rows} as AppAction];
	}
}

export function createSwarmActions(options: {
	readonly store: Store<AppState, AppAction>;
	readonly loadEngine: () => Promise<Engine>;
	readonly scope: Filters;
	readonly readOnly: boolean;
}): SwarmActions {
	const {store, loadEngine, scope} = options;
	let feed: SwarmFeed | undefined;
	let stopped = false;
	let unsubscribe: (() => void) | undefined;
	const status = (text: string, tone: 'progress' | 'success' | 'error' | 'info') =>
		store.dispatch({type: 'ui/status', status: {text, tone}});

	const visiblePane = () => {
		const {pane} = store.getState().ui;
		return isSwarmPane(pane) ? pane : undefined;
	};

	return {
		async start() {
			const [engine, {startSwarmFeed}] = await Promise.all([loadEngine(), import('../docker/streams/swarm-feed.js')]);
			if (stopped) return;
			feed = startSwarmFeed({
				engine,
				scope,
				emit(event) {
					for (const action of swarmFeedActions(event)) store.dispatch(action);
				},
			});
			feed.setVisible(visiblePane());
			unsubscribe = store.subscribe(() => feed?.setVisible(visiblePane()));
		},
		async run(request) {
			const {op} = request;
			// The key layer already refuses these (read-only.ts); this keeps any other path from changing the swarm.
			if (options.readOnly) {
				status(`Read-only mode: ${op.kind} was not run`, 'error');
				return;
			}

			status(swarmOpProgress(op), 'progress');
			try {
				const [engine, {runSwarmOp}] = await Promise.all([loadEngine(), import('../docker/swarm.js')]);
				await runSwarmOp(engine, op);
				status(swarmOpSuccess(op), 'success');
			} catch (error) {
				status(swarmOpFailure(op, toEngineError(error).message), 'error');
			} finally {
				feed?.refresh(['services', 'nodes', 'tasks']);
			}
		},
		learnTasks() {
			feed?.refresh(['tasks']);
		},
		stop() {
			stopped = true;
			unsubscribe?.();
			feed?.stop();
		},
	};
}
