// npm run pack:check — packs dockpit, installs the tarball into a temporary global prefix with no build
// tools, runs the installed `dockpit --version`, and prints the sizes README's install section quotes.
import {execFile} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {fileURLToPath} from 'node:url';
import {mebibytes, packAndInstall} from './package-install.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = await mkdtemp(path.join(os.tmpdir(), 'dockpit-pack-'));
try {
	const installed = await packAndInstall(root, folder);
	const {stdout} = await promisify(execFile)(installed.bin, ['--version']);
	process.stdout.write(
		[
			`tarball    ${path.basename(installed.tarball)}: ${mebibytes(installed.packedBytes)} packed, ${mebibytes(installed.unpackedBytes)} unpacked, ${installed.files} files`,
			`installed  ${mebibytes(installed.installedBytes)} with its dependencies (npm install -g, no compiler)`,
			`runs       ${stdout.trim().split('\n').join(' · ')}`,
			'',
		].join('\n'),
	);
} finally {
	await rm(folder, {recursive: true, force: true});
}
