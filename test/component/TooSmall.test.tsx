// The screen shown instead of the dashboard in a terminal too small for it.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {TooSmall} from '../../source/components/TooSmall.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {waitForFrame} from '../helpers/ink.js';

afterEach(cleanup);

describe('TooSmall', () => {
	it('says the size it has, the size it needs, and how to leave', async () => {
		const rendered = render(<TooSmall columns={40} rows={10} minColumns={60} minRows={12} keys={createKeyMap()} />);
		const text = await waitForFrame(rendered, 'Terminal too small');
		assert.match(text, /Terminal too small: 40×10\./);
		assert.match(text.replace(/\n/g, ' '), /needs at least 60×12\. Enlarge the window, or press q to quit\./);
	});
});
