// The bundle-time fast path in string-width (scripts/string-width-fast.mjs) must measure exactly as the
// unpatched copies do: every character of the blocks it covers, alone and beside others, and random text
// mixing them with ASCII, ANSI colours, wide characters, emoji and combining marks.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import type {Plugin} from 'esbuild';
import {patchStringWidth, stringWidthFast} from '../../scripts/string-width-fast.mjs';
import {bundleAndImport, projectRoot as root} from '../helpers/bundle.js';
import {seededRandom} from '../helpers/fixtures.js';

const copies = {
	'string-width 8': path.join(root, 'node_modules/string-width/index.js'),
	'string-width 7 (wrap-ansi)': path.join(root, 'node_modules/wrap-ansi/node_modules/string-width/index.js'),
};
const folder = mkdtempSync(path.join(os.tmpdir(), 'dockpit-string-width-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

type Width = (text: string) => number;

async function bundled(file: string, name: string, plugins: Plugin[]): Promise<Width> {
	return (await bundleAndImport<{default: Width}>(folder, name, `export {default} from ${JSON.stringify(file)};`, plugins))
		.default;
}

/** Every character of the blocks the fast path draws from, and some just outside them. */
const blocks: Array<[number, number]> = [
	[0x80, 0x1_ff],
	[0x2_000, 0x2_0_6f],
	[0x2_1_90, 0x2_1_ff],
	[0x2_5_00, 0x2_6_0f],
];
const characters = blocks.flatMap(([from, to]) =>
	Array.from({length: to - from + 1}, (_, index) => String.fromCodePoint(from + index)),
);
const others = [
	'a',
	' ',
	'漢',
	'😀',
	'\u0301',
	'\uFE0F',
	'\u200D',
	'\u001B[31m',
	'\u001B[0m',
	'\u001B[1;7m',
	'é',
	'\u0007',
	'\t',
];

describe('string-width with a wider fast path', () => {
	for (const [copy, file] of Object.entries(copies)) {
		it(`${copy}: measures every character and random text as unpatched`, async () => {
			const name = copy.replaceAll(/\W+/g, '-');
			const [plain, fast] = await Promise.all([
				bundled(file, `${name}-plain`, []),
				bundled(file, `${name}-fast`, [stringWidthFast]),
			]);
			for (const character of characters) {
				for (const text of [
					character,
					`a${character}${character}b`,
					`${character}\u0301`,
					`${character}\uFE0F`,
					`\u001B[2m${character}`,
				])
					assert.equal(fast(text), plain(text), `${copy}: ${JSON.stringify(text)}`);
			}

			const next = seededRandom(7);
			const pool = [...characters, ...others, 'web-1', '▶ ', ' │ ', '—'];
			for (let round = 0; round < 3000; round++) {
				const text = Array.from({length: 1 + Math.floor(next() * 12)}, () => pool[Math.floor(next() * pool.length)]).join('');
				assert.equal(fast(text), plain(text), `${copy}: ${JSON.stringify(text)}`);
			}
		});
	}

	it('refuses a string-width whose fast path is not where it was, so an upgrade fails the build', () => {
		for (const file of Object.values(copies)) {
			const source = readFileSync(file, 'utf8');
			assert.notEqual(patchStringWidth(source), source);
			assert.throws(
				() => patchStringWidth(source.replace('let width = 0;', 'let total = 0;').replace('.test(string)) {', '.test(input)) {')),
				/changed/,
			);
		}
	});
});
