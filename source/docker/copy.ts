// docker cp through the Engine API's archive endpoints: a file or a folder, either way, as a tar stream
// (tar-fs) with its bytes counted for progress. Where the copy lands follows docker cp: into an existing
// folder under the source's name, else under the destination's own name. Nothing is overwritten unless asked.
import {existsSync, statSync} from 'node:fs';
import path from 'node:path';
import {Transform, type Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import type Dockerode from 'dockerode';
import {extract, pack, type Headers} from 'tar-fs';
import {EngineError, toEngineError} from './errors.js';

export type PathStat = {readonly name: string; readonly size: number; readonly isDirectory: boolean};

/** Go's os.ModeDir, as the engine reports a path's mode. */
const modeDir = 2 ** 31;

/** What the container holds at a path, or undefined when nothing is there. */
export async function containerPathStat(docker: Dockerode, id: string, inside: string): Promise<PathStat | undefined> {
	try {
		const response = (await docker.getContainer(id).infoArchive({path: inside})) as unknown as {
			headers?: Record<string, string | undefined>;
			resume?: () => void;
		};
		response.resume?.();
		const header = response.headers?.['x-docker-container-path-stat'];
		if (!header) return {name: path.posix.basename(inside), size: 0, isDirectory: false};
		const stat = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as {name: string; size: number; mode: number};
		return {name: stat.name, size: stat.size, isDirectory: Math.floor(stat.mode / modeDir) % 2 === 1};
	} catch (error) {
		const failure = toEngineError(error);
		if (failure.kind === 'not-found') return undefined;
		throw failure;
	}
}

/** Counts the bytes going through. */
function counter(onBytes: (total: number) => void): Transform {
	let total = 0;
	return new Transform({
		transform(chunk: Buffer, _encoding, done) {
			total += chunk.length;
			onBytes(total);
			done(null, chunk);
		},
	});
}

/** Renames the archive's top entry (and everything under it) from `from` to `to`. */
const renameTop =
	(from: string, to: string) =>
	(header: Headers): Headers => {
		if (from === to) return header;
		if (header.name === from || header.name === `${from}/`) return {...header, name: header.name.replace(from, to)};
		if (header.name.startsWith(`${from}/`)) return {...header, name: `${to}${header.name.slice(from.length)}`};
		return header;
	};

export type CopyResult = {readonly bytes: number; readonly destination: string};

const exists = (message: string) => new EngineError('conflict', message);

/** docker cp CONTAINER:inside host. */
export async function copyFromContainer(
	docker: Dockerode,
	id: string,
	inside: string,
	host: string,
	options: {readonly overwrite: boolean; readonly onBytes: (total: number) => void},
): Promise<CopyResult> {
	const source = await containerPathStat(docker, id, inside);
	if (!source) throw new EngineError('not-found', `${inside} does not exist in the container`);
	const intoFolder = existsSync(host) && statSync(host).isDirectory();
	const folder = intoFolder ? host : path.dirname(host);
	if (!existsSync(folder)) throw new EngineError('not-found', `the host folder ${folder} does not exist`);
	const name = intoFolder ? source.name : path.basename(host);
	const destination = path.join(folder, name);
	if (existsSync(destination) && !options.overwrite) {
		throw exists(`it already exists on the host (switch "Overwrite" on to replace it): ${destination}`);
	}

	try {
		const archive = (await docker.getContainer(id).getArchive({path: inside})) as unknown as Readable;
		let bytes = 0;
		await pipeline(
			archive,
			counter((total) => {
				bytes = total;
				options.onBytes(total);
			}),
			extract(folder, {map: renameTop(source.name, name)}),
		);
		return {bytes, destination};
	} catch (error) {
		throw toEngineError(error);
	}
}

/** docker cp host CONTAINER:inside. */
export async function copyToContainer(
	docker: Dockerode,
	id: string,
	host: string,
	inside: string,
	options: {readonly overwrite: boolean; readonly onBytes: (total: number) => void},
): Promise<CopyResult> {
	if (!existsSync(host)) throw new EngineError('not-found', `${host} does not exist on the host`);
	const target = await containerPathStat(docker, id, inside);
	const intoFolder = target?.isDirectory ?? false;
	const folder = intoFolder ? inside : path.posix.dirname(inside);
	if (!intoFolder && !(await containerPathStat(docker, id, folder))) {
		throw new EngineError('not-found', `the folder ${folder} does not exist in the container`);
	}

	const name = intoFolder ? path.basename(host) : path.posix.basename(inside);
	const destination = path.posix.join(folder, name);
	if (!options.overwrite && (intoFolder ? await containerPathStat(docker, id, destination) : target)) {
		throw exists(`it already exists in the container (switch "Overwrite" on to replace it): ${destination}`);
	}

	try {
		let bytes = 0;
		const tar = pack(path.dirname(path.resolve(host)), {
			entries: [path.basename(host)],
			map: renameTop(path.basename(host), name),
		});
		const counted = tar.pipe(
			counter((total) => {
				bytes = total;
				options.onBytes(total);
			}),
		);
		await docker.getContainer(id).putArchive(counted as unknown as NodeJS.ReadableStream, {path: folder});
		return {bytes, destination};
	} catch (error) {
		throw toEngineError(error);
	}
}
