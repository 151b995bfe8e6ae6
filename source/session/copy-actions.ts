// docker cp for the session: resolves the host path, runs the copy (docker/copy.ts), and keeps the status
// line on a progress line with the bytes so far, then what was copied where.
import type {AppAction, AppState} from '../state/core/app.js';
import type {MakeRequest} from '../state/make/make-request.js';
import {formatSize} from '../state/core/size.js';
import type {Store} from './store.js';
import type {Engine} from '../docker/engine.js';
import {toEngineError} from '../docker/errors.js';
import {hostPath} from './host-path.js';
import {engineIdOf} from '../state/core/engines.js';

export type CopyContext = {
	readonly store: Store<AppState, AppAction>;
	/** The engine a container's row (its key) is on. */
	readonly loadEngine: (key?: string) => Promise<Engine>;
	readonly cwd: string;
};

/** At most this often the progress line changes (a copy of many small chunks would redraw every chunk). */
const progressEveryMs = 200;

export async function runCopy(context: CopyContext, request: Extract<MakeRequest, {kind: 'copy'}>): Promise<void> {
	const {store} = context;
	const status = (text: string, tone: 'progress' | 'success' | 'error') =>
		store.dispatch({type: 'ui/status', status: {text, tone}});
	const host = hostPath(request.hostPath, context.cwd);
	const inside = `${request.name}:${request.containerPath}`;
	const [from, to] = request.direction === 'from-container' ? [inside, host] : [host, inside];
	status(`Copying ${from} to ${to}…`, 'progress');
	let shown = 0;
	const onBytes = (total: number) => {
		const now = Date.now();
		if (now - shown < progressEveryMs) return;
		shown = now;
		status(`Copying ${from} to ${to}… ${formatSize(total)} (${total.toLocaleString('en-US')} bytes)`, 'progress');
	};

	try {
		const [engine, copy] = await Promise.all([context.loadEngine(request.id), import('../docker/copy.js')]);
		const id = engineIdOf(request.id);
		const options = {overwrite: request.overwrite, onBytes};
		const result =
			request.direction === 'from-container'
				? await copy.copyFromContainer(engine.docker, id, request.containerPath, host, options)
				: await copy.copyToContainer(engine.docker, id, host, request.containerPath, options);
		const where = request.direction === 'from-container' ? result.destination : `${request.name}:${result.destination}`;
		status(`Copied ${from} to ${where} (${formatSize(result.bytes)} sent as tar)`, 'success');
	} catch (error) {
		// The reason first: the paths can be long enough to push it off a narrow status line.
		status(`Could not copy: ${toEngineError(error).message} (${from} to ${to})`, 'error');
	}
}
