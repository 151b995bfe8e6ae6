// Docker contexts inside a running session: the dialog listing them (read from the docker config
// directory when it opens), and the switch, which resets every pane before the new engine's feed
// starts, so nothing shown belongs to the old engine.
import {contextEndpoint, defaultSocket, listContexts, type Endpoint} from '../docker/connect/endpoint.js';
import os from 'node:os';
import type {AppAction, AppState} from '../state/core/app.js';
import type {ContextItem} from '../state/contexts/contexts.js';
import type {Store} from './store.js';

export type ContextActions = {
	readonly open: () => void;
	readonly switchTo: (name: string) => Promise<void>;
};

export function createContextActions(options: {
	readonly store: Store<AppState, AppAction>;
	readonly identity?: string;
	readonly current: () => string | undefined;
	/** Stops the old engine's streams and starts the new one's feed. */
	readonly switchTo: (endpoint: Endpoint) => Promise<void>;
}): ContextActions {
	const {store} = options;
	const environment = () => ({env: process.env, home: os.homedir()});
	const say = (text: string, tone: 'progress' | 'success' | 'error') => store.dispatch({type: 'ui/status', status: {text, tone}});

	return {
		open() {
			const host = process.env['DOCKER_HOST'];
			const items: ContextItem[] = [
				{name: 'default', url: host || `unix://${defaultSocket}`, description: host ? 'DOCKER_HOST' : 'the local engine'},
				...listContexts(environment()).map((context) => ({
					name: context.name,
					url: context.host ?? `unix://${defaultSocket}`,
					description: context.description,
				})),
			];
			const current = options.current() ?? 'default';
			const index = Math.max(
				0,
				items.findIndex((item) => item.name === current),
			);
			store.dispatch({type: 'ui/openDialog', dialog: {kind: 'contexts', items, index, current}});
		},
		async switchTo(name) {
			let endpoint: Endpoint;
			let context: string | undefined;
			try {
				({endpoint, context} = contextEndpoint(name, environment(), options.identity));
			} catch (error) {
				say(`Cannot use context ${name}: ${error instanceof Error ? error.message : String(error)}`, 'error');
				return;
			}

			// Panels and marks refer to the old engine's containers; the lists are re-read from the new one.
			store.dispatch({type: 'ui/panel', panel: 'none'});
			store.dispatch({type: 'ui/markClear'});
			store.dispatch({type: 'ui/pane', pane: 'containers'});
			store.dispatch({type: 'engine/switched', endpoint: endpoint.url, context});
			store.dispatch({type: 'containers/snapshot', containers: []});
			say(`Switching to context ${name} (${endpoint.url})…`, 'progress');
			try {
				await options.switchTo(endpoint);
				say(`Now on context ${name} (${endpoint.url})`, 'success');
			} catch (error) {
				say(`Context ${name}: ${error instanceof Error ? error.message : String(error)}`, 'error');
			}
		},
	};
}
