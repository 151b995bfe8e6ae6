// docker cp through the archive endpoints (filled in below).
import type {AppAction, AppState} from '../state/core/app.js';
import type {MakeRequest} from '../state/make/make-request.js';
import type {Store} from './store.js';
import type {Engine} from '../docker/engine.js';

export type CopyContext = {
	readonly store: Store<AppState, AppAction>;
	readonly loadEngine: () => Promise<Engine>;
	readonly cwd: string;
};

export async function runCopy(context: CopyContext, _request: Extract<MakeRequest, {kind: 'copy'}>): Promise<void> {
	context.store.dispatch({type: 'ui/status', status: {text: 'Copy is not available yet', tone: 'error'}});
}
