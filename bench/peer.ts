// The peer dockpit is measured against: dockly, installed from ../shared/peers/dockly (an unchanged copy)
// into a temporary folder for this run only, never as a dependency of dockpit.
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {REPO_ROOT} from '../test/helpers/pty.js';

export type Peer =
	{readonly ok: true; readonly entry: string; readonly remove: () => void} | {readonly ok: false; readonly why: string};

/** Copies dockly to a temporary folder and installs its dependencies there; says why not when it cannot. */
export function installDockly(): Peer {
	const source = process.env['DOCKPIT_BENCH_DOCKLY'] ?? path.resolve(REPO_ROOT, '..', 'shared', 'peers', 'dockly');
	if (!existsSync(path.join(source, 'package.json'))) return {ok: false, why: `no copy of dockly at ${source}`};
	const folder = mkdtempSync(path.join(tmpdir(), 'dockpit-bench-dockly-'));
	const remove = () => rmSync(folder, {recursive: true, force: true});
	cpSync(source, folder, {recursive: true, filter: (file) => !file.includes(`${path.sep}node_modules`)});
	const install = spawnSync('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: folder,
		encoding: 'utf8',
		timeout: 300_000,
	});
	if (install.status !== 0) {
		remove();
		const reason = (install.stderr || install.error?.message || '').trim().split('\n').slice(-2).join(' ');
		return {ok: false, why: `its dependencies could not be installed (${reason || `npm exited ${install.status}`})`};
	}

	return {ok: true, entry: path.join(folder, 'index.js'), remove};
}
