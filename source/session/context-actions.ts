// Docker contexts inside a running session: the dialog listing them (read from the docker config
// directory when it opens), and the switch, which resets every pane before the new engine's feed
// starts, so nothing shown belongs to the old engine.
import {contextEndpoint, defaultSocket, listContexts, type Endpoint} from '../docker/connect/endpoint.js';
import os from 'node:os';
import type {AppAction, AppState} from '../state/core/app.js';
import type {ContextItem} from '../state/contexts/contexts.js';
import type {Store} from './store.js';

export type ContextActions = {
	/** Opens the dialog on `highlight` (default: the current context), with a note above the list. */
	readonly open: (highlight?: string, note?: string) => void;
	readonly switchTo: (name: string) => Promise<void>;
};

/** The new engine's feed reads the list, then the version: past this without either, it does not answer. */
const answerMs = 15_000;

type Answer = {readonly ok: true} | {readonly ok: false; readonly error: string};

/**
 * Resolves at the switched engine's first word: connected (a version arrived; engine/switched cleared the
 * old one), disconnected (with why), or silence past `ms`.
 */
async function firstAnswer(store: Store<AppState, AppAction>, ms: number): Promise<Answer> {
	return new Promise((resolve) => {
		const check = (): Answer | undefined => {
			const {engine} = store.getState();
			if (engine.connection === 'disconnected' && engine.error) return {ok: false, error: engine.error};
			if (engine.connection === 'connected' && engine.version !== undefined) return {ok: true};
			return undefined;
		};

		const done = (answer: Answer) => {
			clearTimeout(timer);
			unsubscribe();
			resolve(answer);
		};

		const timer = setTimeout(() => done({ok: false, error: `no answer in ${Math.round(ms / 1000)} s`}), ms);
		const unsubscribe = store.subscribe(() => {
			const answer = check();
			if (answer) done(answer);
		});
		const now = check();
		if (now) done(now);
	});
}

export function createContextActions(options: {
	readonly store: Store<AppState, AppAction>;
	readonly identity?: string;
	readonly current: () => string | undefined;
	/** Stops the old engine's streams and starts the new one's feed. */
	readonly switchTo: (endpoint: Endpoint) => Promise<void>;
	/** How long the new engine has to answer before it is said not to (tests shorten it). */
	readonly answerMs?: number;
}): ContextActions {
	const {store} = options;
	const environment = () => ({env: process.env, home: os.homedir()});
	const say = (text: string, tone: 'progress' | 'success' | 'error') => store.dispatch({type: 'ui/status', status: {text, tone}});

	const open = (highlight?: string, note?: string): void => {
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
			items.findIndex((item) => item.name === (highlight ?? current)),
		);
		store.dispatch({type: 'ui/openDialog', dialog: {kind: 'contexts', items, index, current, note}});
	};

	return {
		open,
		async switchTo(name) {
			let endpoint: Endpoint;
			let context: string | undefined;
			try {
				({endpoint, context} = contextEndpoint(name, environment(), options.identity));
			} catch (error) {
				say(`Cannot use context ${name}: ${error instanceof Error ? error.message : String(error)}`, 'error');
				return;
			}

			const previous = options.current() ?? 'default';
			// Panels and marks refer to the old engine's containers; the lists are re-read from the new one.
			store.dispatch({type: 'ui/panel', panel: 'none'});
			store.dispatch({type: 'ui/markClear'});
			store.dispatch({type: 'ui/pane', pane: 'containers'});
			store.dispatch({type: 'engine/switched', endpoint: endpoint.url, context});
			store.dispatch({type: 'containers/snapshot', containers: []});
			say(`Switching to context ${name} (${endpoint.url})…`, 'progress');
			try {
				await options.switchTo(endpoint);
			} catch (error) {
				say(`Context ${name}: ${error instanceof Error ? error.message : String(error)}`, 'error');
				return;
			}

			// Starting the feed is not an answer: only the new engine's first list (or its failure) says whether it is there.
			const answer = await firstAnswer(store, options.answerMs ?? answerMs);
			// Another switch since: its own answer speaks for it.
			if (store.getState().engine.endpoint !== endpoint.url) return;
			if (answer.ok) {
				say(`Now on context ${name} (${endpoint.url})`, 'success');
				return;
			}

			const problem = `The engine of context ${name} (${endpoint.url}) does not answer (${answer.error})`;
			say(problem, 'error');
			// Offer the way back: the contexts dialog, on the context that was in use (issue 14, item 5).
			if (!store.getState().ui.dialog) open(previous, problem);
		},
	};
}
