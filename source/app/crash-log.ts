// Where a crash's details go, and how they are written: under the user's own state directory, in a
// new file created exclusively with mode 0600, never through a symlink (a shared /tmp name let
// another local user point a root dockpit at any file).
import {constants, lstatSync, mkdirSync, openSync, writeSync, closeSync} from 'node:fs';
import path from 'node:path';

export type CrashLogEnv = {readonly XDG_STATE_HOME?: string; readonly HOME?: string};

/**
 * The directory and file name for a crash log: `$XDG_STATE_HOME/dockpit/` (an absolute value only,
 * as the XDG spec says), else `~/.local/state/dockpit/`, and a name unique to this process and moment.
 * Undefined when neither variable gives an absolute directory.
 */
export function crashLogLocation(
	env: CrashLogEnv,
	pid: number,
	now: Date,
): {readonly directory: string; readonly file: string} | undefined {
	const state = env.XDG_STATE_HOME;
	const home = env.HOME;
	const base =
		state && path.isAbsolute(state) ? state : home && path.isAbsolute(home) ? path.join(home, '.local', 'state') : undefined;
	if (!base) return undefined;
	const directory = path.join(base, 'dockpit');
	const stamp = now.toISOString().replaceAll(':', '-');
	return {directory, file: path.join(directory, `crash-${stamp}-${pid}.log`)};
}

/** The directory, made 0700 if missing; refused when it is a symlink or someone else's. */
function ownDirectory(directory: string): void {
	mkdirSync(directory, {recursive: true, mode: 0o700});
	const info = lstatSync(directory);
	if (info.isSymbolicLink() || !info.isDirectory()) throw new Error(`${directory} is not a plain directory`);
	if (process.getuid && info.uid !== process.getuid()) throw new Error(`${directory} belongs to another user`);
}

/** Writes the crash log and returns its path, or undefined when there is nowhere safe to write it. */
export function writeCrashLog(text: string, env: CrashLogEnv = process.env): string | undefined {
	const location = crashLogLocation(env, process.pid, new Date());
	if (!location) return undefined;
	try {
		ownDirectory(location.directory);
		// O_EXCL refuses an existing name, symlink or not; O_NOFOLLOW says so again for the last component.
		const fd = openSync(location.file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
		try {
			writeSync(fd, text);
		} finally {
			closeSync(fd);
		}

		return location.file;
	} catch {
		return undefined;
	}
}
