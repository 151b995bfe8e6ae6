// Names are ordered as English collation orders them, without asking ICU for names Docker allows.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {compareNames} from '../../source/state/core/compare-names.js';
import {seededRandom} from '../helpers/fixtures.js';

const english = new Intl.Collator('en');
const sign = (value: number) => Math.sign(value);

describe('compareNames', () => {
	it('orders every pair of single characters, and short names, as English collation does', () => {
		const alphabet = [...'_-.0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
		for (const a of ['', ...alphabet]) {
			for (const b of ['', ...alphabet]) assert.equal(sign(compareNames(a, b)), sign(english.compare(a, b)), `${a} vs ${b}`);
		}

		const names = ['a-b', 'ab', 'aB', 'Ab', 'AB', 'ab-', 'web', 'web_1', 'web-2', 'web.1', 'web1', 'Web1', 'web10', 'web9'];
		assert.deepEqual(
			[...names].sort(compareNames),
			[...names].sort((a, b) => english.compare(a, b)),
		);
	});

	it('agrees with English collation on random names, Docker-style and not', () => {
		const next = seededRandom(11);
		const docker = '_-.0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
		const other = `${docker}/:@ éÉßøÅ漢😀`;
		const make = (pool: string) =>
			Array.from({length: Math.floor(next() * 7)}, () => [...pool][Math.floor(next() * [...pool].length)]).join('');
		for (let round = 0; round < 20_000; round++) {
			const pool = round % 4 === 0 ? other : docker;
			// Pairs that share a prefix reach the later positions and the case comparison.
			const a = make(pool);
			const b = round % 2 === 0 ? make(pool) : `${a.slice(0, Math.floor(next() * (a.length + 1)))}${make(pool)}`;
			assert.equal(sign(compareNames(a, b)), sign(english.compare(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
			// The same letters in other cases: only the case comparison decides.
			const recased = [...a].map((character) => (next() < 0.5 ? character.toUpperCase() : character.toLowerCase())).join('');
			assert.equal(
				sign(compareNames(a, recased)),
				sign(english.compare(a, recased)),
				`${JSON.stringify(a)} vs ${JSON.stringify(recased)}`,
			);
		}
	});
});
