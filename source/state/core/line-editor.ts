// A one-line text field (filter, rename): the value, the cursor, and the edits a terminal prompt needs.
import type {KeyPress} from '../input/keys.js';

export type LineEditor = {readonly value: string; readonly cursor: number};

export const emptyLine: LineEditor = {value: '', cursor: 0};

export const lineWith = (value: string): LineEditor => ({value, cursor: [...value].length});

/** Applies an editing key; returns undefined when the key is not an edit (enter, escape…). */
export function editLine(line: LineEditor, key: KeyPress): LineEditor | undefined {
	const chars = [...line.value];
	const at = Math.min(line.cursor, chars.length);
	switch (key.name) {
		case 'left':
			return {...line, cursor: Math.max(0, at - 1)};
		case 'right':
			return {...line, cursor: Math.min(chars.length, at + 1)};
		case 'home':
		case 'ctrl+a':
			return {...line, cursor: 0};
		case 'end':
		case 'ctrl+e':
			return {...line, cursor: chars.length};
		case 'backspace':
			if (at === 0) return line;
			return {value: [...chars.slice(0, at - 1), ...chars.slice(at)].join(''), cursor: at - 1};
		case 'ctrl+u':
			return emptyLine;
		case 'ctrl+w': {
			let start = at;
			while (start > 0 && chars[start - 1] === ' ') start--;
			while (start > 0 && chars[start - 1] !== ' ') start--;
			return {value: [...chars.slice(0, start), ...chars.slice(at)].join(''), cursor: start};
		}

		default: {
			// Pasted text arrives as one chunk; keep only its printable characters.
			const text = [...key.text].filter((char) => char >= ' ' && char !== '\u007F').join('');
			if (text === '') return undefined;
			const inserted = [...text];
			return {value: [...chars.slice(0, at), ...inserted, ...chars.slice(at)].join(''), cursor: at + inserted.length};
		}
	}
}
