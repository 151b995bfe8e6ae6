// dockpit's settings: their defaults, validation of the config file's JSON with messages that name
// the bad key, and where each effective value came from (for --print-config). Pure: no file access.
import {sortKeys, type SortKey} from '../containers/view.js';
import {timeFormats, type TimeFormat} from '../core/time-format.js';
import {colorNames, isColorName, isThemeName, themeNames, type ThemeSpec} from './theme.js';

/** Key remaps: command → key(s); "scope.command" targets one scope only. */
export type KeyRemap = Readonly<Record<string, readonly string[]>>;

export type Config = {
	readonly readOnly: boolean;
	readonly keys: KeyRemap;
	readonly theme: ThemeSpec;
	/** Lines the logs pane starts with (the last N); 1000 matches the pane's own default. */
	readonly logTail: number;
	readonly timeFormat: TimeFormat;
	readonly sort: SortKey;
	readonly sortDescending: boolean;
	/** False: no colour escapes at all (NO_COLOR, --no-color). */
	readonly color: boolean;
	/** ASCII borders and marks; on by default when the locale is not UTF-8. */
	readonly ascii: boolean;
	/** Docker contexts to show together (several engines in one view), when no --host or --context is given. */
	readonly contexts: readonly string[];
};

export type ConfigKey = keyof Config;

export const defaultConfig: Config = {
	readOnly: false,
	keys: {},
	theme: 'default',
	logTail: 1000,
	timeFormat: 'relative',
	sort: 'state',
	sortDescending: false,
	color: true,
	ascii: false,
	contexts: [],
};

/** Where a value came from: "default", the config file's path, a flag or an environment variable. */
export type Sources = Readonly<Partial<Record<ConfigKey, string>>>;

export class ConfigError extends Error {}

const describe = (value: unknown): string =>
	value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : JSON.stringify(value);

const oneOf = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

/** Key names as the key table writes them: one character, a named key, or ctrl+letter. */
const namedKeys = new Set([
	'up',
	'down',
	'left',
	'right',
	'pageup',
	'pagedown',
	'home',
	'end',
	'enter',
	'escape',
	'tab',
	'space',
	'backspace',
	'delete',
]);
export const isKeyName = (key: string): boolean =>
	[...key].length === 1 || namedKeys.has(key) || /^ctrl\+[a-z]$/.test(key) || /^meta\+.$/.test(key);

function validateKeys(value: unknown, where: string, errors: string[]): KeyRemap {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		errors.push(`${where}: "keys" must be an object like {"stop": "x"}, not ${describe(value)}`);
		return {};
	}

	const remap: Record<string, string[]> = {};
	for (const [command, keys] of Object.entries(value)) {
		const list = typeof keys === 'string' ? [keys] : keys;
		if (!Array.isArray(list) || list.length === 0 || !list.every((key) => typeof key === 'string')) {
			errors.push(`${where}: "keys.${command}" must be a key or a list of keys, not ${describe(keys)}`);
			continue;
		}

		const bad = (list as string[]).filter((key) => !isKeyName(key));
		if (bad.length > 0) {
			errors.push(
				`${where}: "keys.${command}": ${bad.map((key) => `"${key}"`).join(', ')} is not a key (use one character, a name such as "pagedown" or "escape", or "ctrl+x")`,
			);
			continue;
		}

		remap[command] = list as string[];
	}

	return remap;
}

function validateTheme(value: unknown, where: string, errors: string[]): ThemeSpec | undefined {
	if (typeof value === 'string') {
		if (isThemeName(value)) return value;
		errors.push(`${where}: "theme" must be one of ${oneOf(themeNames)} or an object of colours, not "${value}"`);
		return undefined;
	}

	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		errors.push(`${where}: "theme" must be a theme name or an object of colours, not ${describe(value)}`);
		return undefined;
	}

	const spec: Record<string, string> = {};
	for (const [name, color] of Object.entries(value)) {
		if (name === 'base') {
			if (isThemeName(color)) spec['base'] = color;
			else errors.push(`${where}: "theme.base" must be one of ${oneOf(themeNames)}, not ${describe(color)}`);
		} else if (!isColorName(name)) {
			errors.push(`${where}: "theme.${name}" is not a colour to replace (known: base, ${colorNames.join(', ')})`);
		} else if (!isColorName(color)) {
			errors.push(`${where}: "theme.${name}" must be a colour name (${colorNames.join(', ')}), not ${describe(color)}`);
		} else spec[name] = color;
	}

	return spec as ThemeSpec;
}

/** Checks a parsed config file; throws ConfigError listing every problem, each naming its key. */
export function validateConfig(json: unknown, where: string): Partial<Config> {
	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		throw new ConfigError(`${where}: the configuration must be a JSON object, not ${describe(json)}`);
	}

	const errors: string[] = [];
	const config: Record<string, unknown> = {};
	const boolean = (key: ConfigKey, value: unknown) => {
		if (typeof value === 'boolean') config[key] = value;
		else errors.push(`${where}: "${key}" must be true or false, not ${describe(value)}`);
	};

	const choice = (key: ConfigKey, value: unknown, values: readonly string[]) => {
		if (typeof value === 'string' && values.includes(value)) config[key] = value;
		else errors.push(`${where}: "${key}" must be one of ${oneOf(values)}, not ${describe(value)}`);
	};

	for (const [key, value] of Object.entries(json)) {
		switch (key) {
			case '$schema':
				break;
			case 'readOnly':
			case 'sortDescending':
			case 'color':
			case 'ascii':
				boolean(key, value);
				break;
			case 'keys':
				config[key] = validateKeys(value, where, errors);
				break;
			case 'theme': {
				const theme = validateTheme(value, where, errors);
				if (theme) config[key] = theme;
				break;
			}

			case 'logTail':
				if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100_000) config[key] = value;
				else errors.push(`${where}: "logTail" must be a whole number of lines from 1 to 100000, not ${describe(value)}`);
				break;
			case 'timeFormat':
				choice(key, value, timeFormats);
				break;
			case 'sort':
				choice(key, value, sortKeys);
				break;
			case 'contexts':
				if (Array.isArray(value) && value.every((name) => typeof name === 'string' && name.trim() !== '')) {
					config[key] = value.map((name: string) => name.trim());
				} else errors.push(`${where}: "contexts" must be a list of docker context names, not ${describe(value)}`);
				break;
			default:
				errors.push(`${where}: unknown key "${key}" (known: ${Object.keys(defaultConfig).join(', ')})`);
		}
	}

	if (errors.length > 0) throw new ConfigError(errors.join('\n'));
	return config as Partial<Config>;
}

export type Layer = {readonly values: Partial<Config>; readonly source: string};

/** Later layers win: defaults, then the file, then environment, then flags. */
export function mergeConfig(layers: readonly Layer[]): {config: Config; sources: Sources} {
	let config: Config = defaultConfig;
	const sources: Partial<Record<ConfigKey, string>> = {};
	for (const key of Object.keys(defaultConfig) as ConfigKey[]) sources[key] = 'default';
	for (const {values, source} of layers) {
		for (const [key, value] of Object.entries(values) as Array<[ConfigKey, unknown]>) {
			if (value === undefined) continue;
			config = {...config, [key]: value};
			sources[key] = source;
		}
	}

	return {config, sources};
}

/** `--print-config`: every setting, its value and where it came from. */
export function printConfig(
	config: Config,
	sources: Sources,
	extra: ReadonlyArray<readonly [string, string, string]> = [],
): string {
	const rows: Array<readonly [string, string, string]> = [
		...extra,
		...(Object.keys(defaultConfig) as ConfigKey[]).map(
			(key) => [key, JSON.stringify(config[key]), sources[key] ?? 'default'] as const,
		),
	];
	const width = Math.max(...rows.map(([key]) => key.length));
	const valueWidth = Math.min(40, Math.max(...rows.map(([, value]) => value.length)));
	return rows.map(([key, value, source]) => `${key.padEnd(width)}  ${value.padEnd(valueWidth)}  (${source})`).join('\n');
}
