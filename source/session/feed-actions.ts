// Turns what the engine feeds report (domain events) into state changes: the one place where the engine's
// news meets the reducer's vocabulary, so source/docker/ never speaks in UI actions.
import type {AppAction} from '../state/core/app.js';
import type {ContainerFeedEvent} from '../docker/streams/container-feed.js';
import type {ResourceFeedEvent} from '../docker/streams/resource-feed.js';

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
