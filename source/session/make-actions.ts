// The session's side of making things: opens the run form with remembered values, checks what only the
// host and the engine can tell (a bind path, a name in use elsewhere), then creates, starts or attaches;
// commit, tag, untag, networks, volumes, copy and build. Every result and failure goes to the status line.
import {existsSync} from 'node:fs';
import type {AppAction, AppState} from '../state/core/app.js';
import type {MakeRequest} from '../state/make/make-request.js';
import {runForm} from '../state/make/run-form.js';
import {runCommandLine, type MountSpec, type RunSpec} from '../state/make/run-spec.js';
import {scopeLabels} from '../state/make/scope-labels.js';
import type {ExecRequest} from '../state/details/exec.js';
import type {Store} from './store.js';
import type {Engine} from '../docker/engine.js';
import {engineIdOf} from '../state/core/engines.js';
import {toEngineError} from '../docker/errors.js';
import {recallRun, rememberRun} from './run-memory.js';
import {runCopy} from './copy-actions.js';
import {runBuild} from './build-actions.js';
import {hostPath} from './host-path.js';

export type MakeActions = {readonly run: (request: MakeRequest) => Promise<void>};

export type MakeOptions = {
	readonly store: Store<AppState, AppAction>;
	/** The engine a container's row (its key) is on; the first engine without one (new containers go there). */
	readonly loadEngine: (key?: string) => Promise<Engine>;
	readonly readOnly: boolean;
	/** Hands the terminal to an attach once the UI lets go (run.tsx), for -it. */
	readonly handOver: (request: ExecRequest) => void;
	/** Where the run form's values are remembered (run-memory.ts); undefined: nowhere. */
	readonly memoryFile?: string;
	/** The folder relative paths are read from (the current directory). */
	readonly cwd?: string;
};

export function createMakeActions(options: MakeOptions): MakeActions {
	const {store, loadEngine} = options;
	const cwd = options.cwd ?? process.cwd();
	const status = (text: string, tone: 'progress' | 'success' | 'error' | 'info') =>
		store.dispatch({type: 'ui/status', status: {text, tone}});
	const formErrors = (errors: Record<string, string>) => {
		if (store.getState().ui.dialog?.kind === 'form') store.dispatch({type: 'ui/form', action: {kind: 'errors', errors}});
		status(`Not sent: ${Object.values(errors)[0]}`, 'error');
	};

	const ops = (key?: string) => Promise.all([loadEngine(key), import('../docker/make-ops.js')]);
	const scopeNote = () => {
		const note = scopeLabels(store.getState().engine.scope).note;
		return note ? ` · ${note}` : '';
	};

	async function run(spec: RunSpec, remember: Readonly<Record<string, string>>) {
		const errors: Record<string, string> = {};
		const mounts: MountSpec[] = spec.mounts.map((mount) =>
			mount.kind === 'bind' ? {...mount, source: hostPath(mount.source, cwd)} : mount,
		);
		const missing = mounts.filter((mount) => mount.kind === 'bind' && !existsSync(mount.source));
		if (missing.length > 0) {
			errors['volumes'] = missing
				.map((mount) => `host path ${mount.kind === 'bind' ? mount.source : ''} does not exist`)
				.join('; ');
		}

		const [engine, makeOps] = await ops();
		try {
			if (spec.name && (await makeOps.containerNameTaken(engine.docker, spec.name))) {
				errors['name'] = `the name "${spec.name}" is already in use by a container`;
			}
		} catch (error) {
			status(`Could not check the name: ${toEngineError(error).message}`, 'error');
			return;
		}

		if (Object.keys(errors).length > 0) {
			formErrors(errors);
			return;
		}

		const resolved: RunSpec = {...spec, mounts};
		status(`${runCommandLine(resolved)}…`, 'progress');
		let id: string;
		try {
			id = await makeOps.createFromSpec(engine.docker, resolved);
		} catch (error) {
			status(`Could not create the container: ${toEngineError(error).message}`, 'error');
			return;
		}

		rememberRun(options.memoryFile, spec.image, remember);
		if (store.getState().ui.dialog?.kind === 'form') store.dispatch({type: 'ui/closeDialog'});
		const name = spec.name ?? id.slice(0, 12);
		if (!spec.start) {
			status(`Created ${name}${scopeNote()}`, 'success');
			return;
		}

		if (spec.interactive) {
			options.handOver({kind: 'attach', id, name, start: true});
			return;
		}

		try {
			await makeOps.startContainer(engine.docker, id);
			status(`Started ${name}${scopeNote()}`, 'success');
		} catch (error) {
			status(`Created ${name}, but could not start it: ${toEngineError(error).message}`, 'error');
		}
	}

	async function perform(request: Exclude<MakeRequest, {kind: 'openRun' | 'run' | 'copy' | 'build'}>) {
		const [engine, makeOps] = await ops(request.kind === 'commit' ? request.id : undefined);
		const {docker} = engine;
		switch (request.kind) {
			case 'commit': {
				status(`Committing ${request.name} to ${request.repository}:${request.tag}…`, 'progress');
				const id = await makeOps.commitContainer(docker, engineIdOf(request.id), request);
				status(
					`Committed ${request.name} to ${request.repository}:${request.tag} (${id.replace(/^sha256:/, '').slice(0, 12)})`,
					'success',
				);
				return;
			}

			case 'tag':
				await makeOps.tagImage(docker, request.source, request.repository, request.tag);
				status(`Tagged ${request.source} as ${request.repository}:${request.tag}`, 'success');
				return;
			case 'untag':
				await makeOps.untagImage(docker, request.reference);
				status(`Untagged ${request.reference}`, 'success');
				return;
			case 'createNetwork':
				await makeOps.createNetwork(docker, request);
				status(`Created network ${request.name}${scopeNote()}`, 'success');
				return;
			case 'createVolume': {
				const name = await makeOps.createVolume(docker, request);
				status(`Created volume ${name}${scopeNote()}`, 'success');
				return;
			}

			case 'connect':
			case 'disconnect':
				await makeOps.connectNetwork(docker, request.networkId, request.container, request.kind === 'connect');
				status(
					request.kind === 'connect'
						? `Connected ${request.container} to ${request.networkName}`
						: `Disconnected ${request.container} from ${request.networkName}`,
					'success',
				);
		}
	}

	const verbs: Record<string, string> = {
		commit: 'commit',
		tag: 'tag',
		untag: 'untag',
		createNetwork: 'create the network',
		createVolume: 'create the volume',
		connect: 'connect',
		disconnect: 'disconnect',
	};

	return {
		async run(request) {
			// The key layer refuses these in read-only mode (read-only.ts); this keeps any other path from changing the engine.
			if (options.readOnly && request.kind !== 'openRun') {
				status(`Read-only mode: ${request.kind} was not run`, 'error');
				return;
			}

			try {
				switch (request.kind) {
					case 'openRun': {
						const remembered = request.image === undefined ? {} : recallRun(options.memoryFile, request.image);
						const [engine, makeOps] = await ops();
						const images = await makeOps.localImageReferences(engine.docker).catch(() => []);
						store.dispatch({type: 'ui/openDialog', dialog: runForm(request.image ?? '', remembered, images)});
						return;
					}

					case 'run':
						await run(request.spec, request.remember);
						return;
					case 'copy':
						await runCopy({store, loadEngine, cwd}, request);
						return;
					case 'build':
						await runBuild({store, loadEngine, cwd}, request);
						return;
					default:
						await perform(request);
				}
			} catch (error) {
				status(`Could not ${verbs[request.kind] ?? request.kind}: ${toEngineError(error).message}`, 'error');
			}
		},
	};
}
