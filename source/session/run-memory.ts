// The run form's last values per image, kept in the user's state directory ($XDG_STATE_HOME/dockpit/
// run-forms.json, else ~/.local/state/dockpit/), written 0600 through a new file and a rename, and read
// only from a regular file of bounded size (never through a symlink).
import {closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';

type Memory = Record<string, Record<string, string>>;

/** Images remembered at most; the oldest is forgotten first. */
const keep = 50;
const sizeCap = 256 * 1024;

export function runMemoryFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const state = env['XDG_STATE_HOME'];
	const home = env['HOME'];
	const base =
		state && path.isAbsolute(state) ? state : home && path.isAbsolute(home) ? path.join(home, '.local', 'state') : undefined;
	return base && path.join(base, 'dockpit', 'run-forms.json');
}

function read(file: string): Memory {
	let fd: number;
	try {
		fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
	} catch {
		return {};
	}

	try {
		const info = fstatSync(fd);
		if (!info.isFile() || info.size > sizeCap) return {};
		const buffer = Buffer.alloc(info.size);
		readSync(fd, buffer, 0, info.size, 0);
		const json = JSON.parse(buffer.toString('utf8')) as unknown;
		return json && typeof json === 'object' && !Array.isArray(json) ? (json as Memory) : {};
	} catch {
		return {};
	} finally {
		closeSync(fd);
	}
}

/** The values last used with this image, or none. */
export function recallRun(file: string | undefined, image: string): Record<string, string> {
	if (!file) return {};
	const values = read(file)[image];
	if (!values || typeof values !== 'object') return {};
	return Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value === 'string'));
}

/** Remembers the values for the image; a failure to write is not the person's problem, so it is silent. */
export function rememberRun(file: string | undefined, image: string, values: Readonly<Record<string, string>>): void {
	if (!file) return;
	try {
		const directory = path.dirname(file);
		mkdirSync(directory, {recursive: true, mode: 0o700});
		const info = lstatSync(directory);
		if (info.isSymbolicLink() || !info.isDirectory()) return;
		if (process.getuid && info.uid !== process.getuid()) return;
		const {[image]: _old, ...others} = read(file);
		const entries = [...Object.entries(others), [image, {...values}] as const].slice(-keep);
		const temporary = `${file}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify(Object.fromEntries(entries)), {mode: 0o600, flag: 'wx'});
		renameSync(temporary, file);
	} catch {
		// Nothing to remember with; the form still works.
	}
}
