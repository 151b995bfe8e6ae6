// docker build for the session: opens the build pane, streams the engine's output into it (the context's
// size first), and leaves it open with the engine's message when a step fails. The new image reaches the
// images pane through the engine's events, like any other.
import type {AppAction, AppState} from '../state/core/app.js';
import type {MakeRequest} from '../state/make/make-request.js';
import {buildEventLines, type BuildLine} from '../state/make/build-log.js';
import {formatSize} from '../state/core/size.js';
import type {Store} from './store.js';
import type {Engine} from '../docker/engine.js';
import {toEngineError} from '../docker/errors.js';
import {hostPath} from './host-path.js';

export type BuildContext = {
	readonly store: Store<AppState, AppAction>;
	readonly loadEngine: () => Promise<Engine>;
	readonly cwd: string;
};

export async function runBuild(context: BuildContext, request: Extract<MakeRequest, {kind: 'build'}>): Promise<void> {
	const {store} = context;
	const folder = hostPath(request.context, context.cwd);
	const title = `Build ${request.tag || folder}`;
	store.dispatch({type: 'ui/openDialog', dialog: {kind: 'buildLog', title, phase: 'running', lines: []}});
	store.dispatch({type: 'ui/status', status: {text: `Building ${request.tag || folder}…`, tone: 'progress'}});
	const add = (lines: readonly BuildLine[]) => {
		if (store.getState().ui.dialog?.kind === 'buildLog') store.dispatch({type: 'ui/buildLog', action: {kind: 'lines', lines}});
	};

	const end = (phase: 'done' | 'failed', line: BuildLine) => {
		if (store.getState().ui.dialog?.kind === 'buildLog')
			store.dispatch({type: 'ui/buildLog', action: {kind: 'end', phase, line}});
		store.dispatch({type: 'ui/status', status: {text: line.text, tone: phase === 'done' ? 'success' : 'error'}});
	};

	try {
		const [engine, build] = await Promise.all([context.loadEngine(), import('../docker/build.js')]);
		add([{text: `Sending the context ${folder} (.dockerignore honoured)…`, tone: 'info'}]);
		const result = await build.buildImage(
			engine.docker,
			{...request, context: folder},
			(bytes) =>
				add([{text: `Sent the build context: ${formatSize(bytes)} (${bytes.toLocaleString('en-US')} bytes)`, tone: 'info'}]),
			(event) => add(buildEventLines(event)),
		);
		if (result.ok)
			end('done', {text: `Built ${request.tag || (result.id ?? 'an image').replace(/^sha256:/, '').slice(0, 12)}`, tone: 'info'});
		else end('failed', {text: `Build failed: ${result.error}`, tone: 'error'});
	} catch (error) {
		end('failed', {text: `Build failed: ${toEngineError(error).message}`, tone: 'error'});
	}
}
