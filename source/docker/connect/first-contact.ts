// The requests dockpit makes before its UI exists: the engine's version and the first container list
// (for the first frame), and `--version`'s engine line. Over unix and plain tcp they are bare requests
// (raw-http.ts), so dockerode is imported only where the endpoint needs it.
import type {Endpoint} from './endpoint.js';
import {canUseRawHttp, getJson} from './raw-http.js';
import {statSync} from 'node:fs';
import {EngineError, toEngineError} from '../errors.js';
import {filtersQuery, type Filters} from '../filters.js';
import type {ApiContainer} from '../mapping.js';

type ApiVersion = {Version?: string; ApiVersion?: string};

export type FirstContact = {
	readonly version?: string;
	readonly apiVersion?: string;
	readonly initial?: {readonly containers: ApiContainer[]; readonly at: number};
};

/** The first contact, or why the engine could not be reached; it never rejects. */
export type ContactResult = {readonly ok: true; readonly start: FirstContact} | {readonly ok: false; readonly error: EngineError};

const loadEngine = async (endpoint: Endpoint) => {
	const {Engine} = await import('../engine.js');
	return new Engine(endpoint);
};

/** The version and the first list, over a bare request where the endpoint allows, else through dockerode. */
async function firstContact(endpoint: Endpoint, scope: Filters): Promise<FirstContact> {
	if (canUseRawHttp(endpoint)) {
		const [version, {body, date}] = await Promise.all([
			getJson<ApiVersion>(endpoint, '/version'),
			getJson<ApiContainer[]>(endpoint, `/containers/json?all=1&filters=${filtersQuery(scope)}`),
		]);
		return {
			version: version.body.Version,
			apiVersion: version.body.ApiVersion,
			initial: {containers: body, at: date ?? Date.now()},
		};
	}

	// The list is taken here so the feed need not list again. Over ssh one after the other, on one
	// dial-stdio channel: a second channel at once costs a second remote docker process (~0.9 s here).
	const engine = await loadEngine(endpoint);
	const [version, containers] =
		endpoint.kind === 'ssh'
			? [await engine.version(), await engine.listContainers(scope)]
			: await Promise.all([engine.version(), engine.listContainers(scope)]);
	return {version: version.Version, apiVersion: version.ApiVersion, initial: {containers, at: Date.now()}};
}

/**
 * Connecting to a unix path that is not a socket fails as ECONNREFUSED, as if the engine were down; say
 * what the path is instead.
 */
function whyRefused(endpoint: Endpoint, error: EngineError): EngineError {
	if (endpoint.kind !== 'unix' || error.code !== 'ECONNREFUSED') return error;
	let info;
	try {
		info = statSync(endpoint.socketPath);
	} catch {
		return error;
	}

	if (info.isSocket()) return error;
	const kind = info.isFile() ? 'a regular file' : info.isDirectory() ? 'a directory' : 'not a socket';
	return new EngineError('unreachable', `ENOTSOCK: ${endpoint.socketPath} is ${kind}, not a socket`, undefined, 'ENOTSOCK');
}

/** Starts the first contact; call it before importing the UI, so the engine answers while that loads. */
export const contactEngine = (endpoint: Endpoint, scope: Filters): Promise<ContactResult> =>
	firstContact(endpoint, scope).then(
		(start) => ({ok: true, start}),
		(error: unknown) => ({ok: false, error: whyRefused(endpoint, toEngineError(error))}),
	);

/**
 * `--version`'s second line: the engine's version when it answers within 5 s, else why not. The 5 s are
 * the engine's: they start once dockpit's own code for it is loaded (ssh2 too, for ssh://), which on a busy
 * machine took a good part of them (a timeout seen at load 20).
 */
export async function engineVersionLine(endpoint: Endpoint): Promise<string> {
	const deadline = () =>
		new Promise<never>((_resolve, reject) => {
			setTimeout(() => reject(new Error('no answer within 5 s')), 5000).unref();
		});
	try {
		const version = canUseRawHttp(endpoint)
			? (await getJson<ApiVersion>(endpoint, '/version', 5000)).body
			: await Promise.all([loadEngine(endpoint), endpoint.kind === 'ssh' ? import('ssh2') : undefined]).then(async ([engine]) =>
					Promise.race([engine.version(), deadline()]),
				);
		return `Docker Engine ${version.Version ?? '?'} (API ${version.ApiVersion ?? '?'}) at ${endpoint.url}`;
	} catch (error) {
		return `Docker Engine: not reachable at ${endpoint.url} (${toEngineError(error).message})`;
	}
}
