// Turns key names into the bytes a real xterm sends, so tests say press('down') rather than
// spelling escape sequences.

const CSI = '\u001B[';
const SS3 = '\u001BO';

const fixed: Readonly<Record<string, string>> = {
	enter: '\r',
	return: '\r',
	escape: '\u001B',
	esc: '\u001B',
	tab: '\t',
	'shift+tab': `${CSI}Z`,
	space: ' ',
	backspace: '\u007F',
	delete: `${CSI}3~`,
	insert: `${CSI}2~`,
	pageup: `${CSI}5~`,
	pagedown: `${CSI}6~`,
	f1: `${SS3}P`,
	f2: `${SS3}Q`,
	f3: `${SS3}R`,
	f4: `${SS3}S`,
	f5: `${CSI}15~`,
	f6: `${CSI}17~`,
	f7: `${CSI}18~`,
	f8: `${CSI}19~`,
	f9: `${CSI}20~`,
	f10: `${CSI}21~`,
	f11: `${CSI}23~`,
	f12: `${CSI}24~`,
};

/** Final bytes of the keys whose prefix depends on DECCKM (application cursor keys). */
const cursor: Readonly<Record<string, string>> = {up: 'A', down: 'B', right: 'C', left: 'D', home: 'H', end: 'F'};

export type KeyContext = {
	/** The program switched the terminal to application cursor keys (`CSI ? 1 h`). */
	readonly applicationCursorKeys: boolean;
};

/**
 * The bytes for one key: a name above, `ctrl+<letter>`, `alt+<key>`, or else the text itself.
 * Use Session.type for text that could be mistaken for a name ("end", "tab").
 */
export function keySequence(key: string, context: KeyContext = {applicationCursorKeys: false}): string {
	const named = fixed[key];
	if (named !== undefined) return named;

	const final = cursor[key];
	if (final !== undefined) return (context.applicationCursorKeys ? SS3 : CSI) + final;

	const ctrl = /^ctrl\+([a-z@[\\\]^_ ]|space)$/i.exec(key);
	if (ctrl?.[1] !== undefined) {
		const char = ctrl[1] === 'space' ? ' ' : ctrl[1].toUpperCase();
		return String.fromCodePoint(char.codePointAt(0)! & 0x1f);
	}

	if (key.startsWith('alt+') && key.length > 4) return `\u001B${keySequence(key.slice(4), context)}`;

	if (/^(ctrl|shift|meta|cmd)\+./i.test(key)) throw new Error(`press(): no sequence known for "${key}"`);
	return key;
}
