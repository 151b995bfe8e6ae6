// The effective settings at start-up: defaults, then the locale, then the config file
// ($XDG_CONFIG_HOME/dockpit/config.json), then NO_COLOR, then flags; each value remembers its source.
import {closeSync, constants, fstatSync, openSync, readSync, type Stats} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {ConfigError, mergeConfig, validateConfig, type Config, type Layer, type Sources} from '../state/settings/config.js';
import {createKeyMap, defaultBindings, type KeyMap} from '../state/input/keymap.js';
import {remapBindings} from '../state/settings/key-remap.js';
import {colorMapFor, noColor} from '../state/settings/theme.js';
import {isUtf8Locale, type OutputOptions} from '../app/terminal-output.js';

export type SettingFlags = {
	readonly readOnly?: boolean;
	/** false for --no-color. */
	readonly color?: boolean;
	readonly ascii?: boolean;
};

export type Settings = {
	readonly config: Config;
	readonly sources: Sources;
	/** Where the config file is looked for (it need not exist). */
	readonly file: string;
	readonly fileFound: boolean;
	readonly keys: KeyMap;
	readonly output: OutputOptions;
};

export function configFilePath(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
	const base = env['XDG_CONFIG_HOME'] || path.join(home, '.config');
	return path.join(base, 'dockpit', 'config.json');
}

/** A config file is a few hundred bytes; anything past this is not one. */
export const CONFIG_SIZE_CAP = 256 * 1024;

/**
 * The file's text, read only from a regular file (a symlink to one is fine) of at most CONFIG_SIZE_CAP
 * bytes: a FIFO would block start-up forever and /dev/zero would fill memory. Opened non-blocking, so
 * even a FIFO's open returns; what is checked is what was opened (fstat), not a name that could change.
 */
function readConfigText(file: string): string | undefined {
	let fd: number;
	try {
		fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		const {code} = error as NodeJS.ErrnoException;
		if (code === 'ENOENT') return undefined;
		throw new ConfigError(`${file}: cannot read it (${code ?? String(error)})`);
	}

	try {
		const info = fstatSync(fd);
		if (!info.isFile()) throw new ConfigError(`${file}: not a regular file (${fileKind(info)}); the config must be a JSON file`);
		if (info.size > CONFIG_SIZE_CAP) {
			throw new ConfigError(`${file}: ${info.size} bytes is too large for a config file (at most ${CONFIG_SIZE_CAP})`);
		}

		const buffer = Buffer.alloc(CONFIG_SIZE_CAP + 1);
		let length = 0;
		for (let read = -1; read !== 0 && length <= CONFIG_SIZE_CAP; length += read) {
			read = readSync(fd, buffer, length, buffer.length - length, null);
		}

		if (length > CONFIG_SIZE_CAP)
			throw new ConfigError(`${file}: too large for a config file (at most ${CONFIG_SIZE_CAP} bytes)`);
		return buffer.toString('utf8', 0, length);
	} catch (error) {
		if (error instanceof ConfigError) throw error;
		throw new ConfigError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
	} finally {
		closeSync(fd);
	}
}

const fileKind = (info: Stats): string =>
	info.isFIFO()
		? 'a FIFO'
		: info.isCharacterDevice()
			? 'a character device'
			: info.isBlockDevice()
				? 'a block device'
				: info.isSocket()
					? 'a socket'
					: info.isDirectory()
						? 'a directory'
						: 'not a file';

/** The file's settings; undefined when it does not exist. Throws ConfigError for unreadable or invalid files. */
export function readConfigFile(file: string): Partial<Config> | undefined {
	const text = readConfigText(file);
	if (text === undefined) return undefined;

	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
	}

	return validateConfig(json, file);
}

export function loadSettings(flags: SettingFlags = {}, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): Settings {
	const file = configFilePath(env, home);
	const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'];
	const fromFile = readConfigFile(file);
	const layers: Layer[] = [
		{values: isUtf8Locale(env) ? {} : {ascii: true}, source: `locale ${locale ? `"${locale}"` : 'unset'} is not UTF-8`},
		{values: fromFile ?? {}, source: file},
		// https://no-color.org: any non-empty value.
		{values: env['NO_COLOR'] ? {color: false} : {}, source: 'NO_COLOR'},
		{values: flags.readOnly ? {readOnly: true} : {}, source: 'flag --read-only'},
		{values: flags.color === false ? {color: false} : {}, source: 'flag --no-color'},
		{values: flags.ascii ? {ascii: true} : {}, source: 'flag --ascii'},
	];
	const {config, sources} = mergeConfig(layers);
	const bindings = remapBindings(defaultBindings, config.keys, file);
	return {
		config,
		sources,
		file,
		fileFound: fromFile !== undefined,
		keys: createKeyMap(bindings, {readOnly: config.readOnly}),
		output: {colors: config.color ? colorMapFor(config.theme) : noColor, ascii: config.ascii},
	};
}
