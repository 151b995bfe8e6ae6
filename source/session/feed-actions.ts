// Turns what the engine feeds report (domain events) into state changes: the one place where the engine's
// news meets the reducer's vocabulary, so source/docker/ never speaks in UI actions.
import type {AppAction} from '../state/core/app.js';
import type {ContainerFeedEvent} from '../docker/streams/container-feed.js';
import type {ResourceFeedEvent} from '../docker/streams/resource-feed.js';
import {qualifyNews, rowKey} from '../state/core/engines.js';

export function containerFeedActions(event: ContainerFeedEvent): AppAction[] {
	switch (event.type) {
		case 'connected':
			return [{type: 'engine/connected', version: event.version, apiVersion: event.apiVersion}];
		case 'disconnected':
			return [{type: 'engine/disconnected', error: event.error}];
		case 'activity':
			return [{type: 'events/add', events: [event.event]}];
		default:
			return [{...event, type: `containers/${event.type}`} as AppAction];
	}
}

/**
 * One of several engines' feed: its rows keyed by the engine (core/engines.ts), its connection news naming
 * it, and its container events pointing at its rows.
 */
export const engineFeedActions =
	(engine: {readonly key: string; readonly name: string}) =>
	(event: ContainerFeedEvent): AppAction[] => {
		switch (event.type) {
			case 'connected':
				return [{type: 'engine/connected', version: event.version, apiVersion: event.apiVersion, engine: engine.key}];
			case 'disconnected':
				return [{type: 'engine/disconnected', error: event.error, engine: engine.key}];
			case 'activity': {
				const {event: activity} = event;
				const qualified =
					activity.type === 'container'
						? {...activity, id: rowKey(engine.key, activity.id), key: rowKey(engine.key, activity.key)}
						: {...activity, key: rowKey(engine.key, activity.key)};
				return [{type: 'events/add', events: [qualified]}];
			}

			default:
				return containerFeedActions(qualifyNews(event, engine));
		}
	};

export function resourceFeedActions(event: ResourceFeedEvent): AppAction[] {
	if (event.type === 'unscopable') return [{type: 'resources/unscopable', pane: event.pane, reason: event.reason}];
	const {images, volumes, networks} = event.rows;
	return [
		...(images ? [{type: 'resources/images', rows: images} as const] : []),
		...(volumes ? [{type: 'resources/volumes', rows: volumes} as const] : []),
		...(networks ? [{type: 'resources/networks', rows: networks} as const] : []),
	];
}

/** A feed's listener that applies each event to the store. */
export const applyEach =
	<E>(toActions: (event: E) => AppAction[], dispatch: (action: AppAction) => void) =>
	(event: E): void => {
		for (const action of toActions(event)) dispatch(action);
	};
