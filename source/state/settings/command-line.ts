// What the command line asks for beyond meow's parsing: --log-lines checked, the argv colour libraries
// may see, and --print-config's report. Pure: the entry passes argv and settings in.
import {ConfigError, printConfig, type Config, type Sources} from './config.js';

/** The logs pane's line cap; more would not fit the 128 MB heap cli.tsx starts node with. */
export const maxLogLines = 200_000;

/**
 * --log-lines, as typed: a whole number from 1 to maxLogLines; throws ConfigError (bad usage) otherwise,
 * quoting what was typed (a number parser would have turned "abc" into NaN).
 */
export function checkLogLines(typed: string | number | undefined): number | undefined {
	if (typed === undefined) return undefined;
	const text = String(typed).trim();
	const lines = /^\d+$/.test(text) ? Number(text) : Number.NaN;
	if (lines >= 1 && lines <= maxLogLines) return lines;
	const shown = text === '' ? '(no value)' : /^[\w.+-]*$/.test(text) ? text : JSON.stringify(text);
	throw new ConfigError(
		`--log-lines ${shown}: expected a whole number of lines from 1 to ${maxLogLines} (the heap is capped at 128 MB)`,
	);
}

/** The string flags that take a value: given with none (`--host` last, or `--host=`), they are bad usage. */
export function missingValues(
	flags: Readonly<Record<string, unknown>>,
	names: readonly string[],
	argv: readonly string[] = [],
	shortFlags: Readonly<Record<string, string>> = {},
): string | undefined {
	const kebab = (name: string) => name.replaceAll(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
	// Repeatable flags (--host, --context) come as lists: any empty one is missing its value.
	const empty = (value: unknown) => value === '' || (Array.isArray(value) && value.includes(''));
	// …but a repeatable flag given last, or before another flag, comes as [], as when it is not given at all:
	// the command line itself says whether it was there without a value.
	const bare = (name: string) => {
		const spellings = [`--${kebab(name)}`, ...(shortFlags[name] ? [`-${shortFlags[name]}`] : [])];
		return argv.some((argument, index) => {
			if (argument === `--${kebab(name)}=`) return true;
			if (!spellings.includes(argument)) return false;
			const next = argv[index + 1];
			return next === undefined || (next.startsWith('-') && !/^-\d/.test(next));
		});
	};

	const missing = names.find((name) => empty(flags[name]) || bare(name));
	return missing === undefined ? undefined : `--${kebab(missing)} needs a value`;
}

/**
 * argv without --no-color: chalk reads it from argv itself and would drop bold and inverse too (the selected
 * row's highlight); colour is removed where frames are written instead (terminal-output.ts).
 */
export const argvForColorLibraries = (argv: readonly string[]): string[] => argv.filter((argument) => argument !== '--no-color');

/** The engine as --print-config shows it: its address, the context it came from, and why it was chosen. */
export type EngineChoice = {readonly url: string; readonly context?: string; readonly source: string};

/** What the settings were read from, as session/settings.ts reports it. */
export type SettingsOrigin = {
	readonly config: Config;
	readonly sources: Sources;
	readonly file: string;
	readonly fileFound: boolean;
};

/** `--print-config`: the config file, the engine (or each of several), then every setting with its value and source. */
export function configReport(settings: SettingsOrigin, engine: EngineChoice | readonly EngineChoice[]): string {
	const engines = Array.isArray(engine) ? (engine as readonly EngineChoice[]) : [engine as EngineChoice];
	return printConfig(settings.config, settings.sources, [
		['config file', settings.file, settings.fileFound ? 'read' : 'not present: defaults apply'],
		...engines.map(
			(choice) => ['engine', choice.url + (choice.context ? ` (context ${choice.context})` : ''), choice.source] as const,
		),
	]);
}
