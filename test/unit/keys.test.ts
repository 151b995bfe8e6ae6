// keyName turns Ink's flags into the key table's names; keyPresses splits a chunk Ink delivered whole.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {keyName, keyPresses} from '../../source/state/input/keys.js';

const names = (input: string) => keyPresses(input, {}).map((press) => press.name);

describe('keyName', () => {
	const cases: ReadonlyArray<[string, string, Parameters<typeof keyName>[1], string]> = [
		['arrow up', '', {upArrow: true}, 'up'],
		['arrow down', '', {downArrow: true}, 'down'],
		['arrow left', '', {leftArrow: true}, 'left'],
		['arrow right', '', {rightArrow: true}, 'right'],
		['page up', '', {pageUp: true}, 'pageup'],
		['page down', '', {pageDown: true}, 'pagedown'],
		['home', '', {home: true}, 'home'],
		['end', '', {end: true}, 'end'],
		['return', '\r', {return: true}, 'enter'],
		['escape', '', {escape: true}, 'escape'],
		['tab', '\t', {tab: true}, 'tab'],
		['backspace', '', {backspace: true}, 'backspace'],
		['DEL, which Ink calls delete', '', {delete: true}, 'backspace'],
		['ctrl+c', 'c', {ctrl: true}, 'ctrl+c'],
		['ctrl+U in caps', 'U', {ctrl: true}, 'ctrl+u'],
		['meta+x', 'x', {meta: true}, 'meta+x'],
		['space', ' ', {}, 'space'],
		['a letter', 'j', {}, 'j'],
		['a capital (shift is in the letter)', 'G', {shift: true} as never, 'G'],
		['a symbol', '?', {}, '?'],
	];
	for (const [label, input, flags, name] of cases) {
		it(`${label} → ${name}`, () => assert.equal(keyName(input, flags).name, name));
	}

	it('printable keys carry their text, special keys none', () => {
		assert.deepEqual(keyName('j', {}), {name: 'j', text: 'j'});
		assert.deepEqual(keyName(' ', {}), {name: 'space', text: ' '});
		assert.deepEqual(keyName('', {upArrow: true}), {name: 'up', text: ''});
		assert.deepEqual(keyName('c', {ctrl: true}), {name: 'ctrl+c', text: ''});
	});

	it('escape wins over meta, as Ink flags both for a lone Esc', () => {
		assert.equal(keyName('', {escape: true, meta: true}).name, 'escape');
	});
});

describe('keyPresses', () => {
	it('one key is one press', () => {
		assert.deepEqual(keyPresses('j', {}), [{name: 'j', text: 'j'}]);
		assert.deepEqual(keyPresses('', {downArrow: true}), [{name: 'down', text: ''}]);
	});

	it('"jj" is two presses', () => {
		assert.deepEqual(names('jj'), ['j', 'j']);
	});

	it('"\\u0015abc\\r" is Ctrl-U, a, b, c, Enter', () => {
		assert.deepEqual(keyPresses('\u0015abc\r', {}), [
			{name: 'ctrl+u', text: ''},
			{name: 'a', text: 'a'},
			{name: 'b', text: 'b'},
			{name: 'c', text: 'c'},
			{name: 'enter', text: ''},
		]);
	});

	it('"k\\u001b[Bj" is k, down, j', () => {
		assert.deepEqual(names('k\u001B[Bj'), ['k', 'down', 'j']);
	});

	it('decodes the other escape sequences inside a chunk', () => {
		assert.deepEqual(names('\u001B[5~\u001B[6~\u001BOA\u001B[H\u001B[F\u001B[Z'), [
			'pageup',
			'pagedown',
			'up',
			'home',
			'end',
			'shift+tab',
		]);
	});

	it('a lone escape at the end, or before text that is no sequence, is Escape', () => {
		assert.deepEqual(names('ab\u001B'), ['a', 'b', 'escape']);
		assert.deepEqual(names('\u001Bq'), ['escape', 'q']);
	});

	it('tab, DEL, newline and spaces inside a chunk', () => {
		assert.deepEqual(names('\ta\u007F\n b'), ['tab', 'a', 'backspace', 'enter', 'space', 'b']);
	});

	it('splits by character, not by UTF-16 unit', () => {
		assert.deepEqual(keyPresses('é😀', {}), [
			{name: 'é', text: 'é'},
			{name: '😀', text: '😀'},
		]);
		assert.deepEqual(keyPresses('😀', {}), [{name: '😀', text: '😀'}]);
	});

	it('a chunk with flags set is one press (Ink decoded it already)', () => {
		assert.deepEqual(keyPresses('c', {ctrl: true}), [{name: 'ctrl+c', text: ''}]);
	});
});
