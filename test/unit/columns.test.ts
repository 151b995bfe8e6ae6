// The containers table's column plan (issue 14, item 13, and issue 16): NAME is the last column to shrink,
// the optional columns go first, STATE merges into STATUS when space is short, and every plan fills the width.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {containerColumns, type Column} from '../../source/state/containers/columns.js';

const keys = (columns: readonly Column[]) => columns.map((column) => column.key);
const widthOf = (columns: readonly Column[], key: string) => columns.find((column) => column.key === key)?.width;
/** The marker (2) and one space between columns. */
const used = (columns: readonly Column[]) => 2 + columns.reduce((sum, column) => sum + column.width, 0) + columns.length - 1;

// The list lays its columns out one narrower than the screen (the mark gutter), so 59 is a 60-column terminal.
const name = 'ux-longer-container-name'.length;

describe('column plans', () => {
	it('60 columns: the whole name, and STATE merged into STATUS', () => {
		const columns = containerColumns(59, 'relative', {nameWidth: name, usage: true});
		assert.deepEqual(keys(columns), ['name', 'image', 'status']);
		assert.equal(widthOf(columns, 'name'), name);
		assert.ok(widthOf(columns, 'status')! >= 18);
		assert.equal(used(columns), 59);
	});

	it('80 columns: the whole name, STATE and STATUS apart; CPU, MEM and PORTS gave way', () => {
		const columns = containerColumns(79, 'relative', {nameWidth: name, usage: true});
		assert.deepEqual(keys(columns), ['name', 'image', 'state', 'status', 'created']);
		assert.equal(widthOf(columns, 'name'), name);
		assert.equal(used(columns), 79);
	});

	it('100 columns: PORTS and CPU back; MEM still out', () => {
		const columns = containerColumns(99, 'relative', {nameWidth: name, usage: true});
		assert.deepEqual(keys(columns), ['name', 'image', 'state', 'status', 'cpu', 'ports', 'created']);
		assert.equal(widthOf(columns, 'name'), name);
		assert.equal(used(columns), 99);
	});

	it('120 columns: every column, STATUS wide enough for "Up About an hour (Paused)"', () => {
		const columns = containerColumns(119, 'relative', {nameWidth: name, usage: true});
		assert.deepEqual(keys(columns), ['name', 'image', 'state', 'status', 'cpu', 'memory', 'ports', 'created']);
		assert.equal(widthOf(columns, 'name'), name);
		assert.ok(widthOf(columns, 'status')! >= 'Up About an hour (Paused)'.length);
		assert.equal(used(columns), 119);
	});

	it('without the CPU and MEM columns, 100 columns keep all six, STATUS whole', () => {
		const columns = containerColumns(99, 'relative', {nameWidth: name});
		assert.deepEqual(keys(columns), ['name', 'image', 'state', 'status', 'ports', 'created']);
		assert.ok(widthOf(columns, 'status')! >= 'Up About an hour (Paused)'.length);
	});

	it('a name too long for the screen shrinks only after everything else has given way', () => {
		const columns = containerColumns(59, 'relative', {nameWidth: 50});
		assert.deepEqual(keys(columns), ['name', 'status']);
		assert.equal(used(columns), 59);
		assert.ok(widthOf(columns, 'name')! >= 30, `name ${widthOf(columns, 'name')}`);
	});

	it('every plan fills the width exactly, in both time formats, at any width from 59', () => {
		for (const format of ['relative', 'local', 'iso'] as const) {
			for (let width = 59; width <= 260; width++) {
				for (const usage of [false, true]) {
					const columns = containerColumns(width, format, {nameWidth: 30, usage});
					assert.equal(used(columns), width, `${format} ${usage} at ${width}`);
					assert.ok(columns.every((column) => column.width > 0));
				}
			}
		}
	});
});
