// Makes text that containers, image authors and engines control inert on a terminal: every C0 and C1
// control, and so every escape sequence (CSI, OSC, DCS, APC, PM, SOS, lone ESC), becomes visible text.
//
// Character by character, with no state: a sequence split across two strings, or cut short, is as
// inert as a whole one, because its introducer (ESC, or a C1 such as U+009B CSI or U+009D OSC) and its
// terminators (BEL, ST) are never written as themselves.

/** C0 controls, DEL and the C1 controls. */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
const HAS_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** C0 as Unicode's control pictures (␛ for ESC, ␇ for BEL, ␊ for LF…), DEL as ␡, C1 as `\x9b` text. */
function placeholder(character: string): string {
	const code = character.codePointAt(0)!;
	if (code < 0x20) return String.fromCodePoint(0x2400 + code);
	if (code === 0x7f) return '\u2421';
	return `\\x${code.toString(16)}`;
}

/** The text with every control character shown as a placeholder; text without one is returned as is. */
export function sanitize(text: string): string {
	return HAS_CONTROL.test(text) ? text.replace(CONTROLS, placeholder) : text;
}

/** An SGR sequence (colours, bold…): ESC [ parameters m, and nothing else. */
const SGR = /\u001B\[[\d;:]*m/g;

/**
 * Like sanitize, but keeps SGR colour sequences (ESC [ … m) working, for text whose colours are
 * worth showing (log lines). Everything else, other CSI sequences included, becomes visible.
 */
export function sanitizeKeepingSgr(text: string): string {
	if (!HAS_CONTROL.test(text)) return text;
	let out = '';
	let last = 0;
	for (const match of text.matchAll(SGR)) {
		out += sanitize(text.slice(last, match.index)) + match[0];
		last = match.index + match[0].length;
	}

	return out + sanitize(text.slice(last));
}

/**
 * A JSON value (an Engine API answer) with every string in it, keys included, sanitised. Applied where
 * engine data becomes domain values, so that no screen can forget it. Parts with nothing to change
 * are returned as they are, so a clean answer costs a walk and no copies.
 */
export function sanitizeDeep<T>(value: T): T {
	if (typeof value === 'string') return sanitize(value) as T;
	if (Array.isArray(value)) {
		let copy: unknown[] | undefined;
		for (const [index, item] of value.entries()) {
			const clean: unknown = sanitizeDeep(item);
			if (clean !== item) (copy ??= [...value])[index] = clean;
		}

		return (copy ?? value) as T;
	}

	if (value && typeof value === 'object' && isPlain(value)) {
		let copy: Record<string, unknown> | undefined;
		for (const [key, item] of Object.entries(value)) {
			const cleanKey = sanitize(key);
			const clean: unknown = sanitizeDeep(item);
			if (cleanKey === key && clean === item) continue;
			const target: Record<string, unknown> = (copy ??= {...(value as Record<string, unknown>)});
			if (cleanKey !== key) delete target[key];
			target[cleanKey] = clean;
		}

		return (copy ?? value) as T;
	}

	return value;
}

const isPlain = (value: object): boolean => {
	const prototype: unknown = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
};
