// What reaches the terminal, adapted to it at the one place every frame passes: colours remapped by
// the theme or dropped (NO_COLOR, --no-color), and, under a locale that is not UTF-8, every
// non-ASCII character replaced by one ASCII character of the same width, so box borders, ● ▶ …
// and container names alike stay aligned instead of turning into "?" or mojibake.
import {colorCodes, type ColorMap, type ColorName} from '../state/settings/theme.js';
import {createFrameWriter} from './frame-writer.js';

export type OutputOptions = {
	/** Colour replacements; a colour mapped to null is dropped. */
	readonly colors: ColorMap;
	readonly ascii: boolean;
};

/** The locale the C library would pick (LC_ALL, then LC_CTYPE, then LANG) names UTF-8. Unset means C/POSIX: ASCII. */
export function isUtf8Locale(env: NodeJS.ProcessEnv): boolean {
	const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
	return /utf-?8/i.test(locale);
}

/** One column each, so Ink's layout (computed on the Unicode text) still holds. */
const asciiFor: Readonly<Record<string, string>> = {
	'●': '*',
	'◐': '~',
	'○': 'o',
	'◉': '*',
	'▶': '>',
	'▸': '>',
	'▾': 'v',
	'◀': '<',
	'←': '<',
	'→': '>',
	'↑': '^',
	'↓': 'v',
	'·': '|',
	'•': '*',
	'—': '-',
	'–': '-',
	'…': '.',
	'✓': '+',
	'✔': '+',
	'✗': 'x',
	'✘': 'x',
	'×': 'x',
	'“': '"',
	'”': '"',
	'‘': "'",
	'’': "'",
	'▁': '_',
	'▂': '_',
	'▃': '.',
	'▄': '.',
	'▅': ':',
	'▆': ':',
	'▇': '|',
	'█': '#',
	'░': ' ',
	'▒': ':',
	'▓': '#',
	' ': ' ',
};

function asciiChar(char: string): string {
	const mapped = asciiFor[char];
	if (mapped !== undefined) return mapped;
	const code = char.codePointAt(0) ?? 0;
	// Box drawing: corners and joints become "+", lines "-" and "|".
	if (code >= 0x2500 && code <= 0x257f) {
		if ('─━═╌╍┄┅┈┉╴╶╸╺'.includes(char)) return '-';
		if ('│┃║╎╏┆┇┊┋╵╷╹╻'.includes(char)) return '|';
		return '+';
	}

	return '?';
}

const sgr = /\u001B\[([\d;]*)m/g;

function codeMap(colors: ColorMap): Map<number, number | null> {
	const map = new Map<number, number | null>();
	for (const [from, to] of Object.entries(colors) as Array<[ColorName, ColorName | null]>) {
		const code = colorCodes[from];
		map.set(code, to === null ? null : colorCodes[to]);
		map.set(code + 10, to === null ? null : colorCodes[to] + 10);
	}

	return map;
}

/** Rewrites the parameters of one SGR sequence; 38/48 extended colours follow the "drop all colour" rule. */
function rewriteSgr(parameters: string, map: Map<number, number | null>, dropAll: boolean): string {
	if (parameters === '') return parameters;
	const codes = parameters.split(';').map(Number);
	const out: number[] = [];
	for (let index = 0; index < codes.length; index++) {
		const code = codes[index]!;
		if (code === 38 || code === 48) {
			const length = codes[index + 1] === 5 ? 2 : codes[index + 1] === 2 ? 4 : 0;
			if (!dropAll) out.push(...codes.slice(index, index + 1 + length));
			index += length;
			continue;
		}

		// With every colour dropped, "back to the default colour" (39, 49) has nothing to undo either.
		if (dropAll && (code === 39 || code === 49)) continue;
		const mapped = map.get(code);
		if (mapped === undefined) out.push(code);
		else if (mapped !== null) out.push(mapped);
	}

	return out.join(';');
}

/** The text transform for the options, or undefined when there is nothing to change. */
export function outputFilter(options: OutputOptions): ((text: string) => string) | undefined {
	const map = codeMap(options.colors);
	const dropAll = [...map.values()].filter((value) => value === null).length >= 32;
	if (map.size === 0 && !options.ascii) return undefined;
	return (text) => {
		let result =
			map.size === 0
				? text
				: text.replace(sgr, (whole, parameters: string) => {
						const rewritten = rewriteSgr(parameters, map, dropAll);
						// A sequence whose every parameter was a dropped colour disappears.
						return rewritten === '' && parameters !== '' ? '' : `\u001B[${rewritten}m`;
					});
		if (options.ascii) result = result.replace(/[^\u0000-\u007F]/gu, asciiChar);
		return result;
	};
}

export type DashboardStdout = {
	/** Give it to Ink's render as `stdout`. */
	readonly stream: NodeJS.WriteStream;
	/** Call when the screen was changed behind Ink's back, so the next frame is drawn whole. */
	readonly reset: () => void;
	/** The last frame whole, to write on a screen just cleared (cursor home); empty when there is none. */
	readonly repaint: (columns: number, rows: number) => string;
};

/**
 * process.stdout as Ink should see it: on a terminal, each redraw becomes writes of only the lines that
 * changed (frame-writer.ts), and whatever is written passes through the output filter. Everything else
 * (size, resize events, isTTY) is the real stream's.
 */
export function dashboardStdout(stdout: NodeJS.WriteStream, options?: OutputOptions): DashboardStdout {
	const filter = options ? outputFilter(options) : undefined;
	const frames = stdout.isTTY ? createFrameWriter(filter) : undefined;
	const transform = frames ? frames.write : filter;
	if (!transform) return {stream: stdout, reset() {}, repaint: () => ''};
	const write = (chunk: unknown, ...rest: unknown[]): boolean => {
		const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : undefined;
		if (text === undefined) return (stdout.write as (...args: unknown[]) => boolean)(chunk, ...rest);
		const out = transform(text);
		if (out === '') {
			// Nothing to draw; still honour a write callback.
			const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
			if (callback) queueMicrotask(callback);
			return true;
		}

		return (stdout.write as (...args: unknown[]) => boolean)(out, ...rest);
	};

	const stream = new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') return write;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
	return {stream, reset: frames ? frames.reset : () => {}, repaint: frames ? frames.repaint : () => ''};
}
