// The /events and build streams: JSON objects, one per line, arriving in arbitrary chunks.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createNdjsonParser} from '../../source/docker/streams/ndjson.js';
import {createLineSplitter} from '../../source/state/core/line-splitter.js';

const objects = [
	{Type: 'container', Action: 'start', Actor: {ID: 'abc', Attributes: {name: 'wéb-ñ', image: 'busybox'}}, time: 1},
	{Type: 'container', Action: 'die', Actor: {ID: 'abc', Attributes: {name: '日本語-😀', exitCode: '137'}}, time: 2},
	{Type: 'network', Action: 'connect', Actor: {ID: 'net'}, time: 3},
];
const bytes = Buffer.from(objects.map((object) => JSON.stringify(object) + '\n').join(''), 'utf8');

describe('createNdjsonParser', () => {
	it('parses objects split at every byte boundary, including inside multi-byte characters', () => {
		for (let cut = 0; cut <= bytes.length; cut++) {
			const parse = createNdjsonParser<unknown>();
			const values = [...parse(bytes.subarray(0, cut)), ...parse(bytes.subarray(cut))];
			assert.deepEqual(values, objects, `split at byte ${cut}`);
		}
	});

	it('parses objects fed one byte at a time', () => {
		const parse = createNdjsonParser<unknown>();
		const values: unknown[] = [];
		for (let at = 0; at < bytes.length; at++) values.push(...parse(bytes.subarray(at, at + 1)));
		assert.deepEqual(values, objects);
	});

	it('returns several objects from one chunk, and nothing for a partial one', () => {
		const parse = createNdjsonParser<unknown>();
		const text = bytes.toString('utf8');
		const lastStart = text.lastIndexOf('{');
		assert.deepEqual(parse(text.slice(0, lastStart + 5)), objects.slice(0, 2));
		assert.deepEqual(parse(text.slice(lastStart + 5)), objects.slice(2));
	});

	it('accepts \\r\\n line ends and blank lines', () => {
		const parse = createNdjsonParser<unknown>();
		assert.deepEqual(parse('{"a":1}\r\n\r\n{"b":2}\r\n'), [{a: 1}, {b: 2}]);
	});

	it('skips a malformed line and keeps going', () => {
		const parse = createNdjsonParser<unknown>();
		assert.deepEqual(parse('{"a":1}\n{"broken": \n{"b":2}\n'), [{a: 1}, {b: 2}]);
		assert.deepEqual(parse('{"c":3}\n'), [{c: 3}]);
	});

	it('newestOnly: parses only the last complete line of a piece, skipping a malformed or blank one, and holds a partial one', () => {
		const parse = createNdjsonParser<unknown>({newestOnly: true});
		assert.deepEqual(parse('{"a":1}\n{"b":2}\n{"c":'), [{b: 2}]);
		assert.deepEqual(parse('3}\n'), [{c: 3}]);
		assert.deepEqual(parse('{"d":4}\n{"broken": \n\n'), [{d: 4}]);
		assert.deepEqual(parse('{"e":'), []);
		assert.deepEqual(parse('{not json}\n'), []);
		assert.deepEqual(parse('{"f":6}\r\n\r\n'), [{f: 6}]);
	});

	it('newestOnly: keeps a character split across pieces whole', () => {
		const euro = Buffer.from('{"a":"x"}\n"€"\n', 'utf8');
		for (let cut = 0; cut <= euro.length; cut++) {
			const parse = createNdjsonParser<unknown>({newestOnly: true});
			const values = [...parse(euro.subarray(0, cut)), ...parse(euro.subarray(cut))];
			assert.deepEqual(values.at(-1), '€', `split at byte ${cut}`);
		}
	});

	it('holds a last line without a newline until it is completed', () => {
		const parse = createNdjsonParser<unknown>();
		assert.deepEqual(parse('{"a":1}'), []);
		assert.deepEqual(parse('\n'), [{a: 1}]);
	});
});

// These two checked the NDJSON reader's own splitter, now merged into state/core/line-splitter.ts: the
// held-back rest is checked through flush(), and the decoding of a split character through the parser.
describe('createLineSplitter', () => {
	it('keeps what has no newline yet as the rest', () => {
		const splitter = createLineSplitter();
		assert.deepEqual(splitter.push('one\ntw'), ['one']);
		assert.deepEqual(splitter.push('o\n'), ['two']);
		assert.deepEqual(splitter.flush(), []);
		assert.deepEqual(splitter.push('thr'), []);
		assert.deepEqual(splitter.flush(), ['thr']);
	});

	it('decodes a character split across Buffers', () => {
		const parse = createNdjsonParser<unknown>();
		const euro = Buffer.from('"€"\n', 'utf8');
		assert.deepEqual(parse(euro.subarray(0, 2)), []);
		assert.deepEqual(parse(euro.subarray(2, 3)), []);
		assert.deepEqual(parse(euro.subarray(3)), ['€']);
	});
});
