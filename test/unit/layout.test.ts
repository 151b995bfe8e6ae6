// screenLayout: how the terminal's rows are shared between the list, the lower panel and dialogs.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {minColumns, minRows, screenLayout} from '../../source/state/core/layout.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';

const plain = stateWith([makeContainer()]);

describe('screenLayout', () => {
	it('leaves the last terminal row free and gives the list all the body when no panel is open', () => {
		const layout = screenLayout(plain, 120, 40);
		assert.equal(layout.height, 39);
		// Header, pane title, column titles, status line and footer take a row each.
		assert.equal(layout.bodyHeight, 34);
		assert.equal(layout.listHeight, 34);
		assert.equal(layout.panelHeight, 0);
		assert.equal(layout.tooSmall, false);
	});

	it('keeps a third of the body (at least 3 rows) for the list when a panel opens, and none when zoomed', () => {
		const open = screenLayout(stateWith([makeContainer()], {type: 'ui/panel', panel: 'logs'}), 120, 40);
		assert.equal(open.bodyHeight, 34);
		assert.equal(open.panelHeight, 34 - 11 - 1);
		assert.equal(open.listHeight, 11);
		assert.equal(open.listHeight + open.panelHeight + 1, open.bodyHeight);

		const small = screenLayout(stateWith([makeContainer()], {type: 'ui/panel', panel: 'logs'}), 80, 14);
		assert.ok(small.listHeight >= 1 && small.panelHeight >= 3, JSON.stringify(small));

		const zoomed = screenLayout(stateWith([makeContainer()], {type: 'ui/panel', panel: 'logs', zoomed: true}), 120, 40);
		assert.equal(zoomed.panelHeight, 35);
	});

	it('gives a row to the disconnected banner and the rows of a confirm dialog', () => {
		const lost = stateWith([makeContainer()], {type: 'engine/disconnected', error: 'gone'});
		assert.equal(screenLayout(lost, 120, 40).bodyHeight, 33);
		assert.equal(screenLayout(plain, 120, 40, 10).bodyHeight, 24);
		assert.equal(screenLayout(plain, 120, 8, 10).bodyHeight, 1);
	});

	it('says the terminal is too small below the minimum in either direction', () => {
		assert.equal(screenLayout(plain, minColumns, minRows).tooSmall, false);
		assert.equal(screenLayout(plain, minColumns - 1, 40).tooSmall, true);
		assert.equal(screenLayout(plain, 120, minRows - 1).tooSmall, true);
	});
});
