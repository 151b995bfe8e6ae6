// Ink's text libraries as dist/ bundles them (scripts/lazy-intl.mjs with the other bundle plugins): loading
// them makes no grapheme segmenter and no emoji expression, plain dashboard text never needs one, and
// whatever needs them gets the same answers as the unpatched libraries.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {bundlePlugins} from '../../scripts/bundle-plugins.mjs';
import {patchSliceAnsiTokenizer} from '../../scripts/lazy-intl.mjs';
import {bundleAndImport, projectRoot} from '../helpers/bundle.js';

const folder = mkdtempSync(path.join(os.tmpdir(), 'dockpit-lazy-intl-'));
after(() => rmSync(folder, {recursive: true, force: true}));

type Libraries = {
	readonly stringWidth: (text: string) => number;
	readonly wrapAnsi: (text: string, columns: number, options?: {hard?: boolean}) => string;
	readonly sliceAnsi: (text: string, start: number, end?: number) => string;
	readonly tokenize: (text: string) => unknown[];
};

// string-width 8 (Ink), wrap-ansi with its string-width 7, slice-ansi (cli-truncate, Ink's clipping), ansi-tokenize.
const entry = `
	export {default as stringWidth} from 'string-width';
	export {default as wrapAnsi} from 'wrap-ansi';
	export {default as sliceAnsi} from 'slice-ansi';
	export {tokenize} from '@alcalzone/ansi-tokenize';
`;
// As dist/ is built: the \`v\` flag is not literal syntax for node20, so the emoji expression is a RegExp call.
const options = {target: 'node20'};

/** Counts grapheme segmenters and emoji expressions made while `run` runs. */
async function counting<T>(run: () => Promise<T> | T): Promise<{value: T; segmenters: number; emoji: number}> {
	const made = {segmenters: 0, emoji: 0};
	const intl = Intl as unknown as {Segmenter: typeof Intl.Segmenter};
	const RealSegmenter = intl.Segmenter;
	const RealRegExp = globalThis.RegExp;
	intl.Segmenter = class extends RealSegmenter {
		constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
			super(...args);
			made.segmenters++;
		}
	};
	globalThis.RegExp = new Proxy(RealRegExp, {
		construct(target, args: [string | RegExp, string?], newTarget) {
			if (String(args[0]).includes('RGI_Emoji')) made.emoji++;
			return Reflect.construct(target, args, newTarget) as RegExp;
		},
	});
	try {
		return {value: await run(), ...made};
	} finally {
		intl.Segmenter = RealSegmenter;
		globalThis.RegExp = RealRegExp;
	}
}

const plainText = ['web-1', '● 3 running ◐ 0 paused', ' │ Up 3 minutes — healthy ▶', '\u001B[31mred\u001B[39m café ±5°'];
const otherText = ['👍🏽 thumbs', '漢字 wide', 'e\u0301 combining', '👨‍👩‍👧 family', '\u001B[1m🇫🇷\u001B[22m flag', 'a\uFE0F b'];

describe('segmenters and the emoji expression made at first use', () => {
	it('loading the libraries makes none, plain dashboard text needs none, and other text gets the unpatched answers', async () => {
		const lazy = await counting(async () => bundleAndImport<Libraries>(folder, 'patched', entry, bundlePlugins, options));
		assert.deepEqual([lazy.segmenters, lazy.emoji], [0, 0], 'nothing made as the libraries load');
		const plain = await bundleAndImport<Libraries>(folder, 'plain', entry, [], options);
		const patched = lazy.value;

		const measured = await counting(() => {
			for (const text of plainText) {
				patched.stringWidth(text);
				// wrap-ansi's string-width 7 sends ▶ (an emoji when a VS16 follows) to its segmenter: it stays out of its fast path.
				patched.wrapAnsi(text.replaceAll('▶', '>'), 6, {hard: true});
				patched.tokenize(text);
			}
		});
		assert.deepEqual([measured.segmenters, measured.emoji], [0, 0], 'plain text is measured, wrapped and split without them');

		for (const text of [...plainText, ...otherText]) {
			assert.equal(patched.stringWidth(text), plain.stringWidth(text), `width of ${JSON.stringify(text)}`);
			assert.equal(
				patched.wrapAnsi(text, 4, {hard: true}),
				plain.wrapAnsi(text, 4, {hard: true}),
				`wrap of ${JSON.stringify(text)}`,
			);
			assert.equal(patched.sliceAnsi(text, 1, 5), plain.sliceAnsi(text, 1, 5), `slice of ${JSON.stringify(text)}`);
			assert.deepEqual(patched.tokenize(text), plain.tokenize(text), `tokens of ${JSON.stringify(text)}`);
		}
	});

	it('refuses a slice-ansi whose segmenter is not where it was, so an upgrade fails the build', () => {
		const source = readFileSync(path.join(projectRoot, 'node_modules/slice-ansi/tokenize-ansi.js'), 'utf8');
		assert.notEqual(patchSliceAnsiTokenizer(source), source);
		assert.throws(() => patchSliceAnsiTokenizer(source.replace('const GRAPHEME_SEGMENTER =', 'const SEGMENTER =')), /changed/);
	});
});
