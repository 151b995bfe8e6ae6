// The one-line text field behind the filter and rename prompts.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {editLine, emptyLine, lineWith, type LineEditor} from '../../source/state/core/line-editor.js';

const key = (name: string, text = name.length === 1 ? name : '') => ({name, text});

function edit(line: LineEditor, ...names: string[]): LineEditor {
	for (const name of names) line = editLine(line, key(name)) ?? line;
	return line;
}

describe('editLine', () => {
	it('types at the cursor', () => {
		assert.deepEqual(edit(emptyLine, 'a', 'b', 'c'), {value: 'abc', cursor: 3});
		assert.deepEqual(edit(lineWith('ac'), 'left', 'b'), {value: 'abc', cursor: 2});
	});

	it('lineWith puts the cursor at the end, counting characters not UTF-16 units', () => {
		assert.deepEqual(lineWith('héllo😀'), {value: 'héllo😀', cursor: 6});
	});

	it('moves within bounds: left, right, home, end, ctrl+a, ctrl+e', () => {
		const line = lineWith('abc');
		assert.equal(edit(line, 'left', 'left', 'left', 'left').cursor, 0);
		assert.equal(edit(line, 'right').cursor, 3);
		assert.equal(edit(line, 'home').cursor, 0);
		assert.equal(edit(line, 'ctrl+a').cursor, 0);
		assert.equal(edit(line, 'home', 'end').cursor, 3);
		assert.equal(edit(line, 'home', 'ctrl+e').cursor, 3);
	});

	it('backspace deletes before the cursor, nothing at the start', () => {
		assert.deepEqual(edit(lineWith('abc'), 'left', 'backspace'), {value: 'ac', cursor: 1});
		assert.deepEqual(edit(lineWith('abc'), 'home', 'backspace'), {value: 'abc', cursor: 0});
	});

	it('backspace removes a whole emoji', () => {
		assert.deepEqual(edit(lineWith('a😀'), 'backspace'), {value: 'a', cursor: 1});
	});

	it('ctrl+u clears, ctrl+w deletes the word before the cursor', () => {
		assert.deepEqual(edit(lineWith('abc'), 'ctrl+u'), emptyLine);
		assert.deepEqual(edit(lineWith('my web  '), 'ctrl+w'), {value: 'my ', cursor: 3});
		assert.deepEqual(edit(lineWith('one two three'), 'left', 'left', 'left', 'left', 'left', 'ctrl+w'), {
			value: 'one three',
			cursor: 4,
		});
	});

	it('a pasted chunk is inserted, keeping only printable characters', () => {
		const line = editLine(lineWith('ab'), {name: 'x', text: 'x\u0007y\u007Fz'});
		assert.deepEqual(line, {value: 'abxyz', cursor: 5});
	});

	it('keys that are not edits return undefined', () => {
		for (const name of ['enter', 'escape', 'tab', 'up', 'ctrl+c']) {
			assert.equal(editLine(lineWith('abc'), key(name)), undefined, name);
		}
	});

	it('space types a space', () => {
		assert.deepEqual(editLine(lineWith('a'), {name: 'space', text: ' '}), {value: 'a ', cursor: 2});
	});
});
