// The bundle-time change to Ink's Output (scripts/ink-output-cache.mjs) must not change a single frame: the
// patched and the unpatched Output, bundled side by side, are given the same sequences of frames (styled text,
// wide characters, clips, lines that stay, change and move) and must return the same strings.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {Chalk} from 'chalk';
import type {Plugin} from 'esbuild';
import {
	inkOutputCache,
	patchInkOutput,
	patchMeasureText,
	patchRenderNode,
	patchSanitizeAnsi,
	patchStyledChars,
	patchTokenize,
} from '../../scripts/ink-output-cache.mjs';
import {asShipped, bundleAndImport, projectRoot as root} from '../helpers/bundle.js';
import {seededRandom} from '../helpers/fixtures.js';

type OutputInstance = {
	write(x: number, y: number, text: string, options: {transformers: Array<(line: string, index: number) => string>}): void;
	clip(clip: {x1?: number; x2?: number; y1?: number; y2?: number}): void;
	unclip(): void;
	get(): {output: string; height: number};
};
type OutputClass = new (options: {width: number; height: number}) => OutputInstance;

const inkOutput = path.join(root, 'node_modules/ink/build/output.js');
const styledChars = path.join(root, 'node_modules/@alcalzone/ansi-tokenize/build/styledChars.js');
const renderNode = path.join(root, 'node_modules/ink/build/render-node-to-output.js');
const measureTextFile = path.join(root, 'node_modules/ink/build/measure-text.js');
const sanitizeFile = path.join(root, 'node_modules/ink/build/sanitize-ansi.js');
const tokenizeFile = path.join(root, 'node_modules/@alcalzone/ansi-tokenize/build/tokenize.js');
const folder = mkdtempSync(path.join(os.tmpdir(), 'dockpit-ink-output-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

async function bundled(name: string, plugins: Plugin[]): Promise<OutputClass> {
	const module = await bundleAndImport<{default: OutputClass}>(
		folder,
		name,
		`export {default} from ${JSON.stringify(inkOutput)};`,
		plugins,
	);
	return module.default;
}

const colours = ['', '\u001B[31m', '\u001B[1m', '\u001B[7m', '\u001B[32;1m', '\u001B[38;5;208m'];
const words = ['web', 'running', 'Up 3 minutes', '漢字', '▶', '✓', 'é', '3m ago', '0.0.0.0:8080->80/tcp', '—', ' '];

describe('Ink Output with caches kept across frames', () => {
	it('gives the same frames as Ink unpatched, frame after frame', async () => {
		const [Plain, Patched] = await Promise.all([bundled('plain', []), bundled('patched', [inkOutputCache])]);
		for (const seed of [1, 2, 3, 4, 5]) {
			const next = seededRandom(seed);
			const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
			const line = () =>
				Array.from({length: 1 + Math.floor(next() * 8)}, () => {
					const colour = pick(colours);
					return colour ? `${colour}${pick(words)}\u001B[0m` : pick(words);
				}).join(' ');
			const width = 30 + Math.floor(next() * 50);
			const height = 5 + Math.floor(next() * 15);
			let lines = Array.from({length: height}, line);
			for (let frame = 0; frame < 60; frame++) {
				// Most lines stay, some change, and now and then the screen scrolls by one.
				if (next() < 0.2) lines = [...lines.slice(1), line()];
				lines = lines.map((text) => (next() < 0.1 ? line() : text));
				const ops = (output: OutputInstance) => {
					const clipped = frame % 7 === 3;
					if (clipped) output.clip({x1: 2, x2: width - 3, y1: 1, y2: height - 1});
					for (const [y, text] of lines.entries()) output.write(y % 3 === 0 ? 1 : 0, y, text, {transformers: []});
					output.write(width - 6, 0, `${frame}`, {transformers: [(text) => `\u001B[2m${text}\u001B[0m`]});
					if (clipped) output.unclip();
				};

				const plain = new Plain({width, height});
				const patched = new Patched({width, height});
				ops(plain);
				ops(patched);
				assert.deepEqual(patched.get(), plain.get(), `seed ${seed}, frame ${frame}`);
			}
		}
	});

	it('gives the same frames when lines are kept whole: styled as Ink and chalk write them, side by side, touching, overlapping', async () => {
		const [Plain, Patched] = await Promise.all([bundled('plain-spans', []), bundled('patched-spans', [inkOutputCache])]);
		const chalk = new Chalk({level: 3});
		// How Ink's <Text> and dockpit's rows write their styles, and forms the encoding writes otherwise.
		const styles: Array<(text: string) => string> = [
			(text) => text,
			(text) => chalk.green(text),
			(text) => chalk.bold(chalk.cyan(text)),
			(text) => chalk.inverse(text),
			(text) => chalk.bgYellow(chalk.black(text)),
			(text) => chalk.dim(text),
			(text) => chalk.bold.dim(text),
			(text) => chalk.hex('#ff8800')(text),
			(text) => `\u001B[31m${text}\u001B[0m`,
			(text) => `\u001B[1;31m${text}\u001B[22;39m`,
			(text) => `\u001B[32m\u001B[39m${text}`,
			(text) => `${text}\u001B[1m`,
			(text) => `\u001B[2J${text}`,
		];
		const texts = [
			'web-1',
			'running',
			'Up 3 minutes',
			' ',
			'  ',
			'▶ ',
			'● ',
			'│',
			'─────',
			'é',
			'—',
			'漢字',
			'0.0.0.0:8080->80/tcp',
			'',
		];
		const border = (line: string) => chalk.cyan(line);
		for (const seed of [21, 22, 23, 24, 25, 26]) {
			const next = seededRandom(seed);
			const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
			const piece = () => pick(styles)(pick(texts));
			const line = () => Array.from({length: 1 + Math.floor(next() * 6)}, piece).join(next() < 0.5 ? '' : ' ');
			const width = 20 + Math.floor(next() * 60);
			const height = 4 + Math.floor(next() * 12);
			for (let frame = 0; frame < 80; frame++) {
				const writes = Array.from({length: 1 + Math.floor(next() * height * 2)}, () => ({
					x: Math.floor(next() * next() * width),
					y: Math.floor(next() * height),
					text: next() < 0.15 ? `${line()}\n${line()}` : line(),
					inverse: next() < 0.2,
				}));
				const ops = (output: OutputInstance) => {
					const clipped = frame % 9 === 4;
					for (const [index, write] of writes.entries()) {
						if (clipped && index === 1) output.clip({x1: 1, x2: width - 2, y1: 0, y2: height - 1});
						output.write(write.x, write.y, write.text, {
							transformers: write.inverse ? [(text) => chalk.inverse(text)] : [],
						});
					}

					if (clipped) output.unclip();
					// A panel's borders beside its text, as Ink draws a round box.
					if (frame % 2 === 0) {
						for (let y = 0; y < height; y++) {
							output.write(0, y, border('│'), {transformers: []});
							output.write(width - 1, y, border('│'), {transformers: []});
						}
					}
				};

				const plain = new Plain({width, height});
				const patched = new Patched({width, height});
				ops(plain);
				ops(patched);
				assert.deepEqual(patched.get(), plain.get(), `seed ${seed}, frame ${frame}: ${JSON.stringify(writes)}`);
			}
		}
	});

	it("renders whole Ink trees as Ink unpatched does: text widths read from the layout's measurements", async () => {
		// A module that renders a random tree of boxes and texts (wrapped, truncated, wide, styled) to a string.
		const contents = `
			import React from 'react';
			import {Box, Text, renderToString} from 'ink';
			export function draw(seed, words) {
				let a = seed >>> 0;
				const next = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
				const pick = (list) => list[Math.floor(next() * list.length)];
				const text = () => Array.from({length: 1 + Math.floor(next() * 12)}, () => pick(words)).join(next() < 0.3 ? '\\n' : ' ');
				const wraps = ['wrap', 'truncate-end', 'truncate-middle', 'end'];
				const rows = Array.from({length: 3 + Math.floor(next() * 8)}, (_, i) =>
					React.createElement(Box, {key: i, width: 8 + Math.floor(next() * 40), borderStyle: next() < 0.3 ? 'round' : undefined},
						React.createElement(Text, {wrap: pick(wraps), color: next() < 0.5 ? 'cyan' : undefined}, text()),
						React.createElement(Text, {bold: true}, text())));
				return renderToString(React.createElement(Box, {flexDirection: 'column'}, rows), {columns: 30 + Math.floor(next() * 90)});
			}`;
		type Draw = {draw: (seed: number, list: readonly string[]) => string};
		const drawWith = async (name: string, plugins: Plugin[]) =>
			(await bundleAndImport<Draw>(folder, `${name}-tree`, contents, plugins, asShipped)).draw;

		const [plain, patched] = await Promise.all([drawWith('plain', []), drawWith('patched', [inkOutputCache])]);
		const treeWords = [...words, 'a-rather-long-word-that-must-wrap-somewhere', '\u001B[31mred\u001B[0m'];
		for (let seed = 1; seed <= 40; seed++) assert.equal(patched(seed, treeWords), plain(seed, treeWords), `seed ${seed}`);
	});

	it('keeps at most two generations of measured texts, and measures as widest-line does', async () => {
		type Measured = {width: number; height: number};
		const measure = await bundleAndImport<{
			measureText: (text: string) => Measured;
			measureCacheEntries: () => number;
			measureCacheSize: number;
			widestLine: (text: string) => number;
		}>(
			folder,
			'measure',
			`export {default as measureText, measureCacheEntries, measureCacheSize} from ${JSON.stringify(measureTextFile)}; export {default as widestLine} from 'widest-line';`,
			[inkOutputCache],
		);
		for (const text of [...words, 'two\nlines, the second longer', '\u001B[31m漢字\u001B[0m ok'])
			assert.equal(measure.measureText(text).width, measure.widestLine(text), text);
		const kept = measure.measureText('a text the screen keeps showing');
		// A flood of log lines, each measured once, with the kept text asked for now and then, as each frame would.
		for (let line = 0; line < 50_000; line++) {
			measure.measureText(`log line ${line}`);
			if (line % 1000 === 0) assert.equal(measure.measureText('a text the screen keeps showing'), kept);
		}

		assert.ok(measure.measureCacheEntries() <= 2 * measure.measureCacheSize, `${measure.measureCacheEntries()} texts kept`);
	});

	it('cleans text of control sequences as Ink unpatched does, keeping at most two generations of it', async () => {
		type Sanitize = {default: (text: string) => string; sanitizedCacheEntries?: () => number};
		const source = `export {default} from ${JSON.stringify(sanitizeFile)}; export * from ${JSON.stringify(sanitizeFile)};`;
		const load = async (name: string, plugins: Plugin[]) =>
			bundleAndImport<Sanitize>(folder, `sanitize-${name}`, source, plugins);

		const [plain, patched] = await Promise.all([load('plain', []), load('patched', [inkOutputCache])]);
		const pieces = [
			...colours,
			...words,
			'\u001B[2J',
			'\u001B[1A',
			'\u001B]8;;https://x\u0007link\u001B]8;;\u0007',
			'\u009B31m',
			'\u001B',
			'tail',
		];
		const next = seededRandom(11);
		for (let round = 0; round < 20_000; round++) {
			// Texts come back, as on screen frame after frame, and new ones keep coming, as in a flood.
			const text =
				Array.from({length: 1 + Math.floor(next() * 6)}, () => pieces[Math.floor(next() * pieces.length)]).join('') +
				(round % 2 === 0 ? '' : String(round));
			assert.equal(patched.default(text), plain.default(text), JSON.stringify(text));
		}

		assert.ok(patched.sanitizedCacheEntries!() <= 2 * 4096, `${patched.sanitizedCacheEntries!()} texts kept`);
	});

	it('splits lines into styled characters as ansi-tokenize unpatched does', async () => {
		type Tokenize = {tokenize: (text: string, endChar?: number) => unknown};
		const source = `export {tokenize} from ${JSON.stringify(tokenizeFile)};`;
		const load = async (name: string, plugins: Plugin[]) =>
			(await bundleAndImport<Tokenize>(folder, `tokenize-${name}`, source, plugins)).tokenize;

		const [plain, patched] = await Promise.all([load('plain', []), load('patched', [inkOutputCache])]);
		// Every character of the blocks the plain split is skipped for, and characters that join or are wide.
		const singles = [
			...Array.from({length: 0x1_00 - 0xa0}, (_, index) => String.fromCodePoint(0xa0 + index)),
			...Array.from({length: 0x2_0_60 - 0x2_0_00}, (_, index) => String.fromCodePoint(0x2_0_00 + index)),
			...Array.from({length: 0x2_6_00 - 0x2_1_90}, (_, index) => String.fromCodePoint(0x2_1_90 + index)),
		];
		const joiners = ['\u0301', '\uFE0F', '\u200D', '漢', '😀', '🇫🇷', '\r\n', '\u001B]8;;https://x\u0007', '\u001B]8;;\u0007'];
		const pool = [...singles, ...joiners, ...colours, ...words, '\u001B[38;5;208m', '\u001B[1;3;31m', '\u001B', 'x'];
		const next = seededRandom(13);
		for (let round = 0; round < 5000; round++) {
			const text = Array.from({length: 1 + Math.floor(next() * 10)}, () => pool[Math.floor(next() * pool.length)]).join('');
			assert.deepEqual(patched(text), plain(text), JSON.stringify(text));
			assert.deepEqual(patched(text, 5), plain(text, 5), `${JSON.stringify(text)}, cut at 5`);
		}
	});

	it('refuses an Ink or ansi-tokenize file whose replaced text is not there, so an Ink upgrade fails the build', () => {
		const source = readFileSync(inkOutput, 'utf8');
		assert.ok(patchInkOutput(source).includes('nextFrame'));
		assert.throws(() => patchInkOutput(source.replace('caches = new OutputCaches();', 'caches = new Caches();')), /changed/);
		const tokenizer = readFileSync(styledChars, 'utf8');
		assert.ok(patchStyledChars(tokenizer).includes('token.styles = codes;'));
		assert.throws(() => patchStyledChars(tokenizer.replace('styles: [...codes],', 'styles: codes.slice(),')), /changed/);
		const renderer = readFileSync(renderNode, 'utf8');
		assert.ok(!patchRenderNode(renderer).includes('widestLine('));
		assert.throws(() => patchRenderNode(renderer.replace('widestLine(text)', 'widestLine(text, {})')), /changed/);
		const measurer = readFileSync(measureTextFile, 'utf8');
		assert.ok(patchMeasureText(measurer).includes('measureCacheOlder'));
		assert.throws(
			() => patchMeasureText(measurer.replace('const cache = new Map();', 'const cache = new WeakMap();')),
			/changed/,
		);
		const sanitizer = readFileSync(sanitizeFile, 'utf8');
		assert.ok(patchSanitizeAnsi(sanitizer).includes('cachedSanitizeAnsi'));
		assert.throws(
			() => patchSanitizeAnsi(sanitizer.replace('export default sanitizeAnsi;', 'export {sanitizeAnsi as default};')),
			/changed/,
		);
		const splitter = readFileSync(tokenizeFile, 'utf8');
		assert.ok(patchTokenize(splitter).includes('dockpitGraphemes(str)'));
		assert.throws(() => patchTokenize(splitter.replace('segmenter.segment(str)', 'segmenter.segment(text)')), /changed/);
	});
});
