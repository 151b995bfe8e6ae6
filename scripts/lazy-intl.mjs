// Grapheme segmenters and an emoji expression that Ink's text libraries make as they load, used only for
// text that is not plain: a dashboard row of ASCII, Latin-1, punctuation, arrows, box drawing and shapes
// never needs them (string-width-fast.mjs and ink-output-cache.mjs give those characters fast paths). Made
// at load, they cost every start: the first `new Intl.Segmenter()` loads ICU's break rules (17 ms in
// `node -e` on a 2-core machine where `node -e ''` takes 100 ms) and string-width's /^\p{RGI_Emoji}$/v
// builds the set of every emoji sequence (15 ms). Each becomes an object with the one method its module
// calls, which makes the real one at its first call: what that call returns is unchanged.
import {readFile} from 'node:fs/promises';
import {replaceOnce} from './ink-output-cache.mjs';

/** `const name = new Intl.Segmenter(args);` as a segmenter made at its first `segment()`. */
export const lazySegmenter = (name, args) => ({
	what: `${name}, made at its first use`,
	from: `const ${name} = new Intl.Segmenter(${args});`,
	to: `let ${name}Made;\nconst ${name} = {segment: (text) => (${name}Made ??= new Intl.Segmenter(${args})).segment(text)};`,
});

/** string-width 8's emoji expression, compiled at its first `test()` (its module only ever tests with it). */
export const lazyEmojiExpression = {
	what: 'the RGI emoji expression, compiled at its first use',
	from: String.raw`const rgiEmojiRegex = /^\p{RGI_Emoji}$/v;`,
	to: String.raw`let rgiEmojiRegexMade;
const rgiEmojiRegex = {test: (text) => (rgiEmojiRegexMade ??= new RegExp('^\\p{RGI_Emoji}$', 'v')).test(text)};`,
};

/** slice-ansi's tokenizer (cli-truncate and Ink's clipping) with its segmenter made at first use. */
export const patchSliceAnsiTokenizer = (source) =>
	replaceOnce(
		source,
		[lazySegmenter('GRAPHEME_SEGMENTER', "undefined, {granularity: 'grapheme'}")],
		"slice-ansi's tokenize-ansi.js",
	);

/** @type {import('esbuild').Plugin} */
export const lazyIntl = {
	name: 'lazy-intl',
	setup(build) {
		build.onLoad({filter: /[/\\]slice-ansi[/\\]tokenize-ansi\.js$/}, async (args) => ({
			contents: patchSliceAnsiTokenizer(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
	},
};
