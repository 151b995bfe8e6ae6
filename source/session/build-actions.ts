// docker build (filled in below).
import type {AppAction, AppState} from '../state/core/app.js';
import type {MakeRequest} from '../state/make/make-request.js';
import type {Store} from './store.js';
import type {Engine} from '../docker/engine.js';

export type BuildContext = {
	readonly store: Store<AppState, AppAction>;
	readonly loadEngine: () => Promise<Engine>;
	readonly cwd: string;
};

export async function runBuild(context: BuildContext, _request: Extract<MakeRequest, {kind: 'build'}>): Promise<void> {
	context.store.dispatch({type: 'ui/status', status: {text: 'Build is not available yet', tone: 'error'}});
}
