// docker build through the Engine API (the legacy builder): the context folder as a tar stream that
// honours .dockerignore (@balena/dockerignore, the parser docker's JavaScript tools use), its size, and the
// engine's progress events as they come. A failed step arrives as an {error} event, not a rejection.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {Transform} from 'node:stream';
import type Dockerode from 'dockerode';
import dockerignore, {type Ignore} from '@balena/dockerignore';
import {pack} from 'tar-fs';
import {toEngineError} from './errors.js';
import {createNdjsonParser} from './streams/ndjson.js';

// The package is CommonJS whose module.exports is the factory; its types describe an ES default export.
const ignore = dockerignore as unknown as (options?: {ignorecase?: boolean}) => Ignore;

export type BuildEvent = {
	readonly stream?: string;
	readonly error?: string;
	readonly status?: string;
	readonly aux?: {ID?: string};
};

export type BuildOptions = {
	readonly context: string;
	readonly dockerfile: string;
	readonly tag: string;
	readonly buildArgs: Readonly<Record<string, string>>;
	readonly target?: string;
	readonly labels: Readonly<Record<string, string>>;
};

export type BuildResult = {readonly ok: true; readonly id?: string} | {readonly ok: false; readonly error: string};

/** The paths of the context to leave out, by its .dockerignore; the Dockerfile and .dockerignore always go. */
export function contextFilter(context: string, dockerfile: string): (absolute: string) => boolean {
	const file = path.join(context, '.dockerignore');
	const rules = existsSync(file) ? readFileSync(file, 'utf8') : '';
	const matcher = ignore().add(rules.split(/\r?\n/));
	const keep = new Set([path.normalize(dockerfile), '.dockerignore']);
	return (absolute) => {
		const relative = path.relative(context, absolute).split(path.sep).join('/');
		if (relative === '' || keep.has(path.normalize(relative))) return false;
		return matcher.ignores(relative);
	};
}

/**
 * Builds; `onContext` hears the context's size once it has all been sent, `onEvent` each progress event.
 * Resolves with the new image's id, or the engine's message for a failed step.
 */
export async function buildImage(
	docker: Dockerode,
	options: BuildOptions,
	onContext: (bytes: number) => void,
	onEvent: (event: BuildEvent) => void,
): Promise<BuildResult> {
	const context = path.resolve(options.context);
	if (!existsSync(path.join(context, options.dockerfile))) {
		return {ok: false, error: `no ${options.dockerfile} in ${context}`};
	}

	let bytes = 0;
	const counted = pack(context, {ignore: contextFilter(context, options.dockerfile)}).pipe(
		new Transform({
			transform(chunk: Buffer, _encoding, done) {
				bytes += chunk.length;
				done(null, chunk);
			},
			flush(done) {
				onContext(bytes);
				done();
			},
		}),
	);
	let stream: NodeJS.ReadableStream;
	try {
		stream = await docker.buildImage(
			counted as unknown as NodeJS.ReadableStream,
			{
				dockerfile: options.dockerfile,
				...(options.tag === '' ? {} : {t: options.tag}),
				buildargs: {...options.buildArgs},
				...(options.target === undefined ? {} : {target: options.target}),
				labels: {...options.labels},
				rm: true,
				forcerm: true,
			} as Dockerode.ImageBuildOptions,
		);
	} catch (error) {
		return {ok: false, error: toEngineError(error).message};
	}

	const parse = createNdjsonParser<BuildEvent>();
	let failure: string | undefined;
	let id: string | undefined;
	await new Promise<void>((resolve) => {
		stream.on('data', (chunk: Buffer) => {
			for (const event of parse(chunk)) {
				if (event.error !== undefined) failure ??= event.error.trim();
				if (event.aux?.ID) id = event.aux.ID;
				const built = /Successfully built ([\da-f]+)/.exec(event.stream ?? '');
				if (built) id ??= built[1];
				onEvent(event);
			}
		});
		stream.on('end', resolve);
		stream.on('close', resolve);
		stream.on('error', (error: unknown) => {
			failure ??= toEngineError(error).message;
			resolve();
		});
	});
	return failure === undefined ? {ok: true, ...(id === undefined ? {} : {id})} : {ok: false, error: failure};
}
