// string-width measures any text that is not pure ASCII with a grapheme segmenter and Unicode-property
// regular expressions: about half a millisecond for a list row holding one '▶', '—' or '│' here, and over
// 100 ms for the first such call (the regular expressions compile). A dashboard's rows are full of those
// characters, so a first frame of 100 rows spent a good part of its time measuring. This esbuild plugin
// widens the ASCII fast path of each copy Ink bundles to the characters that copy itself measures as one
// column each and that never join a neighbour into one grapheme (Latin-1, general punctuation, arrows, box
// drawing, blocks, geometric shapes), derived by running that copy over every one of them. Widths do not
// change: test/unit/string-width-fast.test.ts compares patched and unpatched over every such character and
// over random mixed text. Each replaced text must be found exactly once, so an upgrade fails the build loudly.
import {readFile} from 'node:fs/promises';
import {lazyEmojiExpression, lazySegmenter} from './lazy-intl.mjs';
import {replaceOnce} from './ink-output-cache.mjs';

/** string-width 8 (Ink, widest-line, cli-truncate): its own fast path, widened. */
const v8 = {
	from: String.raw`if (/^[\u0020-\u007E]*$/.test(string)) {`,
	to: String.raw`if (/^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u00FF\u2010-\u2029\u202F-\u205E\u2190-\u21FF\u2500-\u25FC\u25FF]*$/.test(string)) {`,
};

/** string-width 7 (wrap-ansi): no fast path at all; one with the characters it measures as one column. */
const v7 = {
	from: `	if (string.length === 0) {
		return 0;
	}

	let width = 0;`,
	to: String.raw`	if (string.length === 0) {
		return 0;
	}

	if (/^[\u0020-\u007E\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u00FF\u2010-\u2029\u202F-\u203B\u203D-\u2048\u204A-\u205E\u2190-\u2193\u219A-\u21A8\u21AB-\u21FF\u2500-\u25A9\u25AC-\u25B5\u25B7-\u25BF\u25C1-\u25FA\u25FF]*$/.test(string)) {
		return string.length;
	}

	let width = 0;`,
};

/** A string-width index.js with its fast path widened; throws when it is neither copy dockpit knows. */
export function patchStringWidth(source) {
	const replacement = source.includes(v8.from) ? v8 : v7;
	const first = source.indexOf(replacement.from);
	if (first === -1 || source.includes(replacement.from, first + 1)) {
		throw new Error(`string-width-fast: a string-width changed (its fast path found ${first === -1 ? 'nowhere' : 'twice'})`);
	}

	// Both copies also make their segmenter (and 8 its emoji expression) only when a text first needs it (lazy-intl.mjs).
	const widened = source.replace(replacement.from, () => replacement.to);
	const lazy = replacement === v8 ? [lazySegmenter('segmenter', ''), lazyEmojiExpression] : [lazySegmenter('segmenter', '')];
	return replaceOnce(widened, lazy, `string-width ${replacement === v8 ? 8 : 7}`);
}

/** @type {import('esbuild').Plugin} */
export const stringWidthFast = {
	name: 'string-width-fast',
	setup(build) {
		build.onLoad({filter: /[/\\]string-width[/\\]index\.js$/}, async (args) => ({
			contents: patchStringWidth(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
	},
};
