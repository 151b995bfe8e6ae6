import {Box} from 'ink';
import type {AppState} from '../state/core/app.js';
import type {Session} from '../session/session.js';
import {DetailsSlot} from './DetailsSlot.js';
import {LogPane} from './LogPane.js';

type Props = {
	readonly state: AppState;
	readonly session: Session;
	readonly height: number;
	readonly width: number;
};

/** The lower panel for the selected container (logs, details…), chosen by ui.panel. */
export function Panel({state, session, height, width}: Props) {
	switch (state.ui.panel) {
		case 'none':
			return <Box height={height} width={width} />;
		case 'details':
			return <DetailsSlot state={state} session={session} height={height} width={width} />;
		case 'logs':
			return <LogPane state={state} session={session} height={height} width={width} />;
	}
}
