import {Box, Text} from 'ink';
import {useCallback, useMemo} from 'react';
import {engineDetailsSource} from '../session/details-source.js';
import {selection, type AppState} from '../state/core/app.js';
import type {DetailsAction} from '../state/details/details.js';
import type {Session} from '../session/session.js';
import {DetailsPanel} from './DetailsPanel.js';
import {ResourceDetailsPanel} from './ResourceDetailsPanel.js';
import type {ResourceKind} from '../state/details/resource-info.js';

/** Who uses the resource, from its row in the list; undefined when the row is gone. */
function resourceUsers(state: AppState, kind: ResourceKind, id: string): readonly string[] | undefined {
	const {rows} = state.resources;
	switch (kind) {
		case 'image':
			return rows.images.find((image) => image.id === id)?.usedBy;
		case 'volume':
			return rows.volumes.find((volume) => volume.name === id)?.usedBy;
		case 'network':
			return rows.networks.find((network) => network.id === id)?.attached;
	}
}

type Props = {
	readonly state: AppState;
	readonly session: Session;
	readonly height: number;
	readonly width: number;
};

/** Connects the details panel to the session: its engine-backed data and the store. */
export function DetailsSlot({state, session, height, width}: Props) {
	const source = useMemo(() => engineDetailsSource(session.engine), [session]);
	const dispatch = useCallback((action: DetailsAction) => session.store.dispatch({type: 'ui/details', action}), [session]);
	const view = state.ui.details;
	if (view && view.subject !== 'container') {
		return (
			<ResourceDetailsPanel
				key={`${view.subject}:${view.id}`}
				view={view}
				kind={view.subject}
				usedBy={resourceUsers(state, view.subject, view.id)}
				source={source}
				height={height}
				width={width}
				dispatch={dispatch}
				keys={session.keys}
			/>
		);
	}

	// The panel follows the selection (app.ts); with every row filtered out there is none to show.
	const {container, group} = selection(state);
	if (view && !container) {
		return (
			<Box height={height} width={width}>
				<Text dimColor>
					{group
						? `${group.label}: a project's row; select one of its containers`
						: 'No container selected: the filter shows none'}
				</Text>
			</Box>
		);
	}

	if (!view) {
		return (
			<Box height={height} width={width}>
				<Text dimColor>No container chosen</Text>
			</Box>
		);
	}

	return (
		<DetailsPanel
			view={view}
			container={state.containers.byId[view.id]}
			source={source}
			height={height}
			width={width}
			dispatch={dispatch}
			keys={session.keys}
		/>
	);
}
