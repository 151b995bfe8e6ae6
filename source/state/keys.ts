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
	if (key.tab) return special('tab');
	// Terminals send DEL (0x7f) for Backspace; Ink reports it as `delete`.
	if (key.backspace || key.delete) return special('backspace');
	if (key.ctrl && input.length === 1) return special(`ctrl+${input.toLowerCase()}`);
	if (key.meta) return special(`meta+${input}`);
	if (input === ' ') return {name: 'space', text: ' '};
	return {name: input, text: input};
}
