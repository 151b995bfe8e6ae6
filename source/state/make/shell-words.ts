// Shell-like words: the command field and the list fields (ports, env, volumes, labels) are typed as on a
// command line, so `A=1 B="two words"` is two entries; and the reverse, quoting for the command preview.

export type Words = {readonly words: readonly string[]} | {readonly error: string};

/** Splits on unquoted whitespace; '…' is literal, "…" and a backslash escape the next character. */
export function splitWords(text: string): Words {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let quote: "'" | '"' | undefined;
	const chars = [...text];
	for (let index = 0; index < chars.length; index++) {
		const char = chars[index]!;
		if (quote === "'") {
			if (char === "'") quote = undefined;
			else word += char;
			continue;
		}

		if (char === '\\' && index + 1 < chars.length) {
			word += chars[++index];
			inWord = true;
			continue;
		}

		if (quote === '"') {
			if (char === '"') quote = undefined;
			else word += char;
			continue;
		}

		if (char === "'" || char === '"') {
			quote = char;
			inWord = true;
			continue;
		}

		if (char === ' ' || char === '\t') {
			if (inWord) words.push(word);
			word = '';
			inWord = false;
			continue;
		}

		word += char;
		inWord = true;
	}

	if (quote) return {error: `a ${quote === '"' ? 'double' : 'single'} quote is not closed`};
	if (inWord) words.push(word);
	return {words};
}

const plain = /^[\w@%+=:,./-]+$/;

/** One word as a POSIX shell reads it back: bare when safe, else in single quotes. */
export function quoteWord(word: string): string {
	if (word !== '' && plain.test(word)) return word;
	return `'${word.replaceAll("'", `'\\''`)}'`;
}
