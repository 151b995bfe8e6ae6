// Copying to the clipboard through the terminal: OSC 52 (ESC ] 52 ; c ; base64 BEL), which the terminal
// itself carries out, so it works over SSH and, with `set-clipboard on`, inside tmux. dockpit writes this
// one OSC itself; what it copies is the text as shown, sanitised, so no control character goes inside.
import {sanitize} from './sanitize.js';

/** Most bytes copied: xterm and tmux refuse longer OSC 52 payloads (about 100 kB of base64). */
export const maxCopyBytes = 74_994;

export type Osc52 = {
	/** What to write to the terminal. */
	readonly sequence: string;
	/** The text that went into it (sanitised, perhaps cut). */
	readonly text: string;
	readonly truncated: boolean;
};

/** The OSC 52 sequence that puts `text` on the clipboard ("c"), ended by BEL or by ST (ESC \). */
export function osc52(text: string, end: 'bel' | 'st' = 'bel'): Osc52 {
	const clean = sanitize(text);
	let bytes = Buffer.from(clean, 'utf8');
	const truncated = bytes.length > maxCopyBytes;
	if (truncated) {
		// Cut on a character boundary: drop continuation bytes (10xxxxxx) left at the end, and their lead.
		let cut = maxCopyBytes;
		while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut--;
		bytes = bytes.subarray(0, cut);
	}

	const terminator = end === 'bel' ? '\u0007' : '\u001B\\';
	return {sequence: `\u001B]52;c;${bytes.toString('base64')}${terminator}`, text: bytes.toString('utf8'), truncated};
}

/** The status line after a copy: what was copied, how, and (in tmux) what tmux needs for it to arrive. */
export function copiedStatus(what: string, text: string, options: {readonly truncated: boolean; readonly tmux: boolean}): string {
	const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
	const cut = options.truncated ? `, cut to ${maxCopyBytes} bytes` : '';
	const tmux = options.tmux ? '; tmux passes it on with set-clipboard on' : '';
	return `Copied ${what}: ${shown} (OSC 52${cut}${tmux})`;
}
