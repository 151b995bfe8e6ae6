// Ink builds every frame from nothing: a new Output per render, whose caches (each line's styled characters,
// string widths) die with it, so an idle tick that changes one cell of a 200×50 screen still tokenises and
// re-encodes all 10,000 cells (the largest share of dockpit's idle CPU in a profile). This esbuild plugin
// changes these things in Ink's build/output.js as it is bundled, without changing what a frame contains:
//  - the caches live across frames: what the previous frame used is found again, nothing older is kept;
//  - empty cells share one frozen blank character instead of a new object each;
//  - a row whose cells are the very same objects as the row at that height in the previous frame reuses
//    that row's encoded string;
//  - a line whose own string is what splitting it into cells and encoding them would give back is put on
//    its row whole, never split (see "Lines written whole" below);
//  - in the tokenizer Ink uses, neighbouring characters of one style share it (see below);
//  - and, outside output.js, each text node's width and cleaned text are read from caches of two
//    generations instead of being computed again at every frame (render-node-to-output.js,
//    measure-text.js, sanitize-ansi.js; see below).
// Each replaced text must be found exactly once: an Ink upgrade that changes them fails the build loudly.
// test/unit/ink-output-cache.test.ts checks that patched and unpatched Output give the same frames.
import {readFile} from 'node:fs/promises';

const inkCaches = `class OutputCaches {
    widths = new Map();
    blockWidths = new Map();
    styledChars = new Map();
    getStyledChars(line) {
        let cached = this.styledChars.get(line);
        if (cached === undefined) {
            cached = styledCharsFromTokens(tokenize(line));
            this.styledChars.set(line, cached);
        }
        return cached;
    }
    getStringWidth(text) {
        let cached = this.widths.get(text);
        if (cached === undefined) {
            cached = stringWidth(text);
            this.widths.set(text, cached);
        }
        return cached;
    }
    getWidestLine(text) {
        let cached = this.blockWidths.get(text);
        if (cached === undefined) {
            let lineWidth = 0;
            for (const line of text.split('\\n')) {
                lineWidth = Math.max(lineWidth, this.getStringWidth(line));
            }
            cached = lineWidth;
            this.blockWidths.set(text, cached);
        }
        return cached;
    }
}
`;

/** The same caches, kept for two frames: what the last frame used is found again, and nothing older is kept. */
const frameCaches = `class OutputCaches {
    widths = new Map();
    blockWidths = new Map();
    styledChars = new Map();
    spans = new Map();
    previous = {widths: new Map(), blockWidths: new Map(), styledChars: new Map(), spans: new Map()};
    nextFrame() {
        this.previous = {widths: this.widths, blockWidths: this.blockWidths, styledChars: this.styledChars, spans: this.spans};
        this.widths = new Map();
        this.blockWidths = new Map();
        this.styledChars = new Map();
        this.spans = new Map();
    }
    lookup(name, key, compute) {
        let cached = this[name].get(key);
        if (cached === undefined) {
            cached = this.previous[name].get(key);
            if (cached === undefined) cached = compute(key);
            this[name].set(key, cached);
        }
        return cached;
    }
    getStyledChars(line) {
        return this.lookup('styledChars', line, (text) => styledCharsFromTokens(tokenize(text)));
    }
    getStringWidth(text) {
        return this.lookup('widths', text, stringWidth);
    }
    getWidestLine(text) {
        return this.lookup('blockWidths', text, (block) => {
            let lineWidth = 0;
            for (const line of block.split('\\n')) {
                lineWidth = Math.max(lineWidth, this.getStringWidth(line));
            }
            return lineWidth;
        });
    }
}
const dockpitCaches = new OutputCaches();
const dockpitBlank = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});
let dockpitPreviousRows = [];
`;

/** Characters that are each one column wide and a grapheme of their own, and ESC (tokenize.js, below). */
const singleColumn = String.raw`\u001B\u0020-\u007E\u00A0-\u00AC\u00AE-\u00FF\u2010-\u2029\u202F-\u205E\u2190-\u21FF\u2500-\u25FC\u25FF`;

/**
 * Lines written whole (spans). Most lines of a frame are one text written on a row of their own, or beside
 * others with blank cells between (a list row, a log line, a panel's text between its borders). Ink splits
 * each into a styled character per cell and encodes the row back into a string: for a page of 45 new rows
 * that was three quarters of the memory a frame allocated, and most of the garbage collection a scroll key
 * waited for. A line is kept whole when its own string is what that encoding gives back:
 *  - every character is one column wide and a grapheme of its own (singleColumn, as for tokenize.js below);
 *  - its only escape sequences are SGR codes (colours, bold, inverse…);
 *  - its codes are in the order and form the encoding writes them. That depends only on the codes and on
 *    where text runs sit between them, so it is checked once per such skeleton ("\u001B[34mx\u001B[39m"),
 *    with ansi-tokenize itself, and remembered.
 * A whole line goes on its row as it is, with blanks (spaces) before it; a row whose lines touch or overlap,
 * or that any other write reaches (a wide character, a clipped write), is split into cells as Ink does,
 * whole lines first, in the order they were written.
 */
const spanCode = String.raw`const dockpitSinglesLine = /^[${singleColumn}]*$/;
const dockpitSgr = /\u001B\[[0-9;]*m/g;
const dockpitSkeletons = new Map();
function dockpitCanonical(skeleton) {
    let canonical = dockpitSkeletons.get(skeleton);
    if (canonical === undefined) {
        canonical = styledCharsToString(styledCharsFromTokens(tokenize(skeleton))) === skeleton;
        if (dockpitSkeletons.size >= 4096) dockpitSkeletons.clear();
        dockpitSkeletons.set(skeleton, canonical);
    }
    return canonical;
}
function dockpitSpanOf(line) {
    if (!dockpitSinglesLine.test(line)) return null;
    let skeleton = '';
    let width = 0;
    let last = 0;
    for (const match of line.matchAll(dockpitSgr)) {
        // Any escape other than an SGR code is left to Ink's own split.
        if (line.indexOf('\u001B', last) !== match.index) return null;
        if (match.index > last) {
            skeleton += 'x';
            width += match.index - last;
        }
        skeleton += match[0];
        last = match.index + match[0].length;
    }
    if (line.indexOf('\u001B', last) !== -1) return null;
    if (line.length > last) {
        skeleton += 'x';
        width += line.length - last;
    }
    return width === 0 || dockpitCanonical(skeleton) ? {width} : null;
}
function dockpitSpanWrite(output, spans, row, x, line) {
    const rowSpans = spans[row];
    if (rowSpans === false) return false;
    const span = output.caches.lookup('spans', line, dockpitSpanOf);
    if (span === null) return false;
    // Nothing visible: Ink writes no cell for it either.
    if (span.width === 0) return true;
    const end = x + span.width;
    if (x < 0 || end > output.width) return false;
    if (rowSpans !== undefined) {
        for (const other of rowSpans) if (x <= other.end && other.x <= end) return false;
    }
    if (rowSpans === undefined) spans[row] = [{x, end, text: line}];
    else rowSpans.push({x, end, text: line});
    return true;
}
function dockpitCells(output, spans, cells, row) {
    const rowSpans = spans[row];
    spans[row] = false;
    if (!rowSpans) return;
    for (const span of rowSpans) {
        let offsetX = span.x;
        for (const character of output.caches.getStyledChars(span.text)) cells[offsetX++] = character;
    }
}
function dockpitSpanRow(rowSpans) {
    rowSpans.sort((a, b) => a.x - b.x);
    let text = '';
    let at = 0;
    for (const span of rowSpans) {
        text += ' '.repeat(span.x - at) + span.text;
        at = span.end;
    }
    return text.trimEnd();
}
`;

const replacements = [
	{what: 'caches kept for two frames', from: inkCaches, to: frameCaches + spanCode},
	{what: 'one cache for every frame', from: 'caches = new OutputCaches();', to: 'caches = dockpitCaches;'},
	{
		what: 'a new frame starts',
		from: `    get() {
        // Initialize output array`,
		to: `    get() {
        this.caches.nextFrame();
        // Per row: the lines kept whole on it, or false once it is split into cells.
        const spans = new Array(this.height);
        // Initialize output array`,
	},
	{
		what: 'lines kept whole',
		from: `                    for (const transformer of transformers) {
                        line = transformer(line, index);
                    }
                    const characters = this.caches.getStyledChars(line);`,
		to: `                    for (const transformer of transformers) {
                        line = transformer(line, index);
                    }
                    if (!clip && dockpitSpanWrite(this, spans, y + offsetY, x, line)) {
                        offsetY++;
                        continue;
                    }
                    dockpitCells(this, spans, currentLine, y + offsetY);
                    const characters = this.caches.getStyledChars(line);`,
	},
	{
		what: 'one shared blank cell',
		from: `row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
		to: 'row.push(dockpitBlank);',
	},
	{
		what: 'rows unchanged since the last frame keep their string',
		from: `        const generatedOutput = output
            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })
            .join('\\n');`,
		to: `        const previousRows = dockpitPreviousRows;
        const rows = output.map((line, y) => {
            if (spans[y]) return {cells: undefined, text: dockpitSpanRow(spans[y])};
            const cells = line.filter(item => item !== undefined);
            const previous = previousRows[y];
            if (previous?.cells && previous.cells.length === cells.length && previous.cells.every((cell, index) => cell === cells[index])) {
                return previous;
            }
            return {cells, text: styledCharsToString(cells).trimEnd()};
        });
        dockpitPreviousRows = rows;
        const generatedOutput = rows.map(row => row.text).join('\\n');`,
	},
];

/**
 * In @alcalzone/ansi-tokenize (Ink's styled characters): characters between two style changes share one
 * styles array (the arrays are never changed once made: each style change makes a new one), and encoding
 * skips the style difference between neighbours that share it, which was most of the encoding's time.
 */
const styledCharsReplacements = [
	// The tokens are this call's own (Ink's Output tokenises each line just for it): each character token
	// becomes the styled character itself instead of being copied into a new object, half the objects a new
	// line leaves to collect (a page of 45 new rows on a 200-column screen: ~9,000 fewer).
	{
		what: 'shared styles on the token itself',
		from: `            ret.push({
                ...token,
                styles: [...codes],
            });`,
		to: `            token.styles = codes;
            ret.push(token);`,
	},
	{
		what: 'no difference between neighbours with the same styles',
		from: 'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
		to: 'if (chars[i - 1].styles !== char.styles) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
	},
];

/**
 * In Ink's render-node-to-output.js: each text node's width, which every frame measured again with
 * widest-line (a string-width pass over the whole text: in an idle profile at 200×50 the largest single cost
 * of a frame), is read from measure-text.js, whose cache holds the same texts, measured by the layout.
 */
const renderReplacements = [
	{
		what: 'measure-text in place of widest-line',
		from: "import widestLine from 'widest-line';",
		to: "import measureText from './measure-text.js';",
	},
	{what: 'a cached width', from: 'const currentWidth = widestLine(text);', to: 'const currentWidth = measureText(text).width;'},
];

/**
 * A cache of texts in two generations, as module code: when the newer is full it becomes the older, and a
 * text found in the older moves to the newer; what no frame asked for in a whole generation is let go.
 * `${name}Get(text)` returns undefined for a text not held; `${name}Entries()` counts what is held.
 */
const twoGenerations = (name) => `export const ${name}Size = 4096;
let ${name}Newer = new Map();
let ${name}Older = new Map();
const ${name}Set = (text, value) => {
    if (${name}Newer.size >= ${name}Size) {
        ${name}Older = ${name}Newer;
        ${name}Newer = new Map();
    }
    ${name}Newer.set(text, value);
};
const ${name}Get = (text) => {
    const newer = ${name}Newer.get(text);
    if (newer !== undefined) return newer;
    const older = ${name}Older.get(text);
    if (older !== undefined) ${name}Set(text, older);
    return older;
};
export const ${name}Entries = () => ${name}Newer.size + ${name}Older.size;
`;

/**
 * In Ink's measure-text.js: its cache kept every text it ever measured, so a flood of log lines grew it
 * without end. It keeps two generations now.
 */
const measureReplacements = [
	{what: 'remembered in the newer generation', from: 'cache.set(text, dimensions);', to: 'measureCacheSet(text, dimensions);'},
	{what: 'a cache of two generations', from: 'const cache = new Map();', to: twoGenerations('measureCache')},
	{
		what: 'found in either generation',
		from: 'const cachedDimensions = cache.get(text);',
		to: 'const cachedDimensions = measureCacheGet(text);',
	},
];

/**
 * In Ink's sanitize-ansi.js: every text node's text is cleaned of control sequences (a walk over each
 * character of any text with a colour in it) at each layout and again at each frame, so an idle frame
 * re-cleaned every coloured cell on screen. The cleaned text is kept, in two generations.
 */
const sanitizeReplacements = [
	{
		what: 'the cleaned text kept',
		from: 'export default sanitizeAnsi;',
		to: `${twoGenerations('sanitizedCache')}const cachedSanitizeAnsi = (text) => {
    let sanitized = sanitizedCacheGet(text);
    if (sanitized === undefined) {
        sanitized = sanitizeAnsi(text);
        sanitizedCacheSet(text, sanitized);
    }
    return sanitized;
};
export default cachedSanitizeAnsi;`,
	},
];

/**
 * In @alcalzone/ansi-tokenize's tokenize.js (Ink's styled characters, for every line a frame writes): the
 * text was split into graphemes with Intl.Segmenter, costly per character, though most lines hold only
 * characters that are each a grapheme of their own: printable ASCII, ESC (a control, which always stands
 * alone) and the one-column characters of string-width-fast.mjs (Latin-1, punctuation, arrows, box
 * drawing, shapes: none of them joins a neighbour). Such a line is split per character; any other goes
 * through the segmenter as before.
 */
const tokenizeReplacements = [
	{
		what: 'lines of single-character graphemes split without the segmenter',
		from: 'for (const { segment, index } of segmenter.segment(str)) {',
		to: 'for (const { segment, index } of dockpitGraphemes(str)) {',
	},
	{
		what: 'the splitter',
		from: 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
		// Made at its first use, as lazy-intl.mjs does for the other segmenters.
		to: String.raw`let segmenterMade;
const segmenter = {segment: (text) => (segmenterMade ??= new Intl.Segmenter(undefined, { granularity: "grapheme" })).segment(text)};
const dockpitSingles = /^[${singleColumn}]*$/;
function dockpitGraphemes(str) {
    if (!dockpitSingles.test(str)) return segmenter.segment(str);
    const graphemes = new Array(str.length);
    for (let index = 0; index < str.length; index++) graphemes[index] = { segment: str[index], index };
    return graphemes;
}`,
	},
];

/** `source` with each replacement made; throws when one is not found exactly once (the bundle plugins' patches share it). */
export function replaceOnce(source, list, file) {
	let patched = source;
	for (const {what, from, to} of list) {
		const first = patched.indexOf(from);
		if (first === -1 || patched.includes(from, first + 1)) {
			throw new Error(`bundle patch: ${file} changed (${what}: expected text found ${first === -1 ? 'nowhere' : 'twice'})`);
		}

		patched = patched.replace(from, () => to);
	}

	return patched;
}

/** Ink's output.js with the replacements made; throws when one is not found exactly once. */
export const patchInkOutput = (source) => replaceOnce(source, replacements, "Ink's output.js");

/** ansi-tokenize's styledChars.js with the replacements made; throws likewise. */
export const patchStyledChars = (source) => replaceOnce(source, styledCharsReplacements, "ansi-tokenize's styledChars.js");

/** ansi-tokenize's tokenize.js with the replacements made; throws likewise. */
export const patchTokenize = (source) => replaceOnce(source, tokenizeReplacements, "ansi-tokenize's tokenize.js");

/** Ink's render-node-to-output.js with the replacements made; throws likewise. */
export const patchRenderNode = (source) => replaceOnce(source, renderReplacements, "Ink's render-node-to-output.js");

/** Ink's measure-text.js with the replacements made; throws likewise. */
export const patchMeasureText = (source) => replaceOnce(source, measureReplacements, "Ink's measure-text.js");

/** Ink's sanitize-ansi.js with the replacements made; throws likewise. */
export const patchSanitizeAnsi = (source) => replaceOnce(source, sanitizeReplacements, "Ink's sanitize-ansi.js");

/** @type {import('esbuild').Plugin} */
export const inkOutputCache = {
	name: 'ink-output-cache',
	setup(build) {
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]output\.js$/}, async (args) => ({
			contents: patchInkOutput(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]render-node-to-output\.js$/}, async (args) => ({
			contents: patchRenderNode(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]sanitize-ansi\.js$/}, async (args) => ({
			contents: patchSanitizeAnsi(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]measure-text\.js$/}, async (args) => ({
			contents: patchMeasureText(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
		build.onLoad({filter: /[/\\]@alcalzone[/\\]ansi-tokenize[/\\]build[/\\]tokenize\.js$/}, async (args) => ({
			contents: patchTokenize(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
		build.onLoad({filter: /[/\\]@alcalzone[/\\]ansi-tokenize[/\\]build[/\\]styledChars\.js$/}, async (args) => ({
			contents: patchStyledChars(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
	},
};
