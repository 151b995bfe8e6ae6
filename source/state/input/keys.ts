// Turns Ink's (input, key) pair into one canonical key name, the vocabulary of the key table.

export type KeyFlags = {
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly pageUp?: boolean;
	readonly pageDown?: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return?: boolean;
	readonly escape?: boolean;
	readonly ctrl?: boolean;
	readonly tab?: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
	readonly meta?: boolean;
	readonly shift?: boolean;
};

export type KeyPress = {
	/** Canonical name: 'j', 'G', 'up', 'pagedown', 'enter', 'ctrl+c'. */
	readonly name: string;
	/** Printable text the key produced, for text prompts. */
	readonly text: string;
};

export function keyName(input: string, key: KeyFlags): KeyPress {
	const special = (name: string): KeyPress => ({name, text: ''});
	if (key.upArrow) return special('up');
	if (key.downArrow) return special('down');
	if (key.leftArrow) return special('left');
	if (key.rightArrow) return special('right');
	if (key.pageUp) return special('pageup');
	if (key.pageDown) return special('pagedown');
	if (key.home) return special('home');
	if (key.end) return special('end');
	if (key.return) return special('enter');
	if (key.escape) return special('escape');
	if (key.tab) return special(key.shift ? 'shift+tab' : 'tab');
	// Terminals send DEL (0x7f) for Backspace; Ink reports it as `delete`.
	if (key.backspace || key.delete) return special('backspace');
	if (key.ctrl && input.length === 1) return special(`ctrl+${input.toLowerCase()}`);
	if (key.meta) return special(`meta+${input}`);
	if (input === ' ') return {name: 'space', text: ' '};
	return {name: input, text: input};
}

const sequences: Readonly<Record<string, string>> = {
	'[A': 'up',
	'[B': 'down',
	'[C': 'right',
	'[D': 'left',
	'[H': 'home',
	'[F': 'end',
	OA: 'up',
	OB: 'down',
	OC: 'right',
	OD: 'left',
	OH: 'home',
	OF: 'end',
	'[1~': 'home',
	'[4~': 'end',
	'[7~': 'home',
	'[8~': 'end',
	'[3~': 'delete',
	'[5~': 'pageup',
	'[6~': 'pagedown',
	'[Z': 'shift+tab',
};

/** One character that arrived inside a chunk, where Ink did not decode it. */
function controlKey(char: string): KeyPress {
	const code = char.codePointAt(0) ?? 0;
	if (char === '\r' || char === '\n') return {name: 'enter', text: ''};
	if (char === '\t') return {name: 'tab', text: ''};
	if (char === '\u007F' || char === '\b') return {name: 'backspace', text: ''};
	if (char === '\u001B') return {name: 'escape', text: ''};
	if (code >= 1 && code <= 26) return {name: `ctrl+${String.fromCodePoint(code + 96)}`, text: ''};
	return keyName(char, {});
}

/**
 * Ink hands over a whole chunk at once when keys arrive faster than it reads them (fast typing,
 * a paste, a slow link), so split such a chunk into one press per key, escape sequences included.
 */
export function keyPresses(input: string, key: KeyFlags): KeyPress[] {
	const plain = !Object.values(key).some(Boolean);
	if (!plain || [...input].length <= 1) return [keyName(input, key)];
	const presses: KeyPress[] = [];
	const chars = [...input];
	for (let index = 0; index < chars.length; index++) {
		const char = chars[index]!;
		if (char === '\u001B' && index + 1 < chars.length) {
			const rest = chars.slice(index + 1, index + 6).join('');
			const match = Object.keys(sequences).find((sequence) => rest.startsWith(sequence));
			if (match) {
				presses.push({name: sequences[match]!, text: ''});
				index += [...match].length;
				continue;
			}
		}

		presses.push(controlKey(char));
	}

	return presses;
}
