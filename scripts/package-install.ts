// Packs dockpit as `npm publish` would and installs the tarball globally into a private prefix, as a user
// with only Node and npm would: the proof that what we would publish installs and runs. Used by
// `npm run pack:check` (which prints the sizes README quotes) and by the e2e suite test/e2e/ship.test.ts.
import {execFile} from 'node:child_process';
import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';

const run = promisify(execFile);

export type Installed = {
	readonly tarball: string;
	/** Bytes of the .tgz, and of the files in it once unpacked. */
	readonly packedBytes: number;
	readonly unpackedBytes: number;
	readonly files: number;
	/** The installed command, `<prefix>/bin/dockpit`. */
	readonly bin: string;
	/** Bytes on disk of the installed package with its dependencies. */
	readonly installedBytes: number;
	/** What npm printed while installing (the optional native builds that failed, if any). */
	readonly log: string;
};

type PackEntry = {filename: string; size: number; unpackedSize: number; entryCount: number};

/**
 * `npm pack` into `folder` (without running `prepare`: dist/ must be built already, and a build here
 * would swap dist/ under other suites running from it), then `npm install -g --prefix`.
 *
 * No build tools: the compilers are pointed at `false`, so every optional native module of the
 * dependencies (ssh2's crypto binding, cpu-features) fails to build, as on a server without a
 * compiler, and the install must still succeed.
 */
export async function packAndInstall(root: string, folder: string): Promise<Installed> {
	const {stdout} = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], {cwd: root});
	const [entry] = JSON.parse(stdout) as PackEntry[];
	if (!entry) throw new Error('npm pack reported no tarball');
	const tarball = path.join(folder, entry.filename);
	const prefix = path.join(folder, 'prefix');
	const env = {...process.env, CC: 'false', CXX: 'false', npm_config_audit: 'false', npm_config_fund: 'false'};
	const install = await run('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', tarball], {
		cwd: folder,
		env,
		maxBuffer: 16 * 1024 * 1024,
	});
	const packed = await stat(tarball);
	return {
		tarball,
		packedBytes: packed.size,
		unpackedBytes: entry.unpackedSize,
		files: entry.entryCount,
		bin: path.join(prefix, 'bin', 'dockpit'),
		installedBytes: await diskUsage(path.join(prefix, 'lib', 'node_modules', 'dockpit')),
		log: `${install.stdout}${install.stderr}`,
	};
}

/** Bytes of every regular file under `folder`, links not followed. */
export async function diskUsage(folder: string): Promise<number> {
	let total = 0;
	for (const entry of await readdir(folder, {withFileTypes: true, recursive: true})) {
		if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
	}

	return total;
}

export const mebibytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
