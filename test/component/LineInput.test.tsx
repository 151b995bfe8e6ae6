// The one-line prompt: label, text with the cursor, and a hint.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {waitForFrame, type Rendered} from '../helpers/ink.js';

// Colours (and so the inverse cursor cell) are only written when chalk thinks the terminal has them;
// set that before Ink and chalk load.
process.env['FORCE_COLOR'] = '1';
const {cleanup, render} = await import('ink-testing-library');
const {LineInput} = await import('../../source/components/LineInput.js');

afterEach(cleanup);

const raw = (rendered: Rendered) => rendered.lastFrame() ?? '';

describe('LineInput', () => {
	it('shows the label, the text and the hint; the cursor at the end is an inverted space', async () => {
		const rendered = render(<LineInput label="Filter: " editor={{value: 'web', cursor: 3}} hint="Enter keeps it" />);
		assert.equal(await waitForFrame(rendered, 'Enter keeps it'), 'Filter: web  Enter keeps it');
		assert.match(raw(rendered), /web\u001B\[7m \u001B\[27m/);
	});

	it('draws the cursor over the character it is on', async () => {
		const rendered = render(<LineInput label="> " editor={{value: 'abc', cursor: 1}} />);
		assert.equal(await waitForFrame(rendered, '> abc'), '> abc');
		assert.match(raw(rendered), /a\u001B\[7mb\u001B\[27mc/);
	});

	it('counts the cursor in characters, so it lands on an emoji whole', async () => {
		const rendered = render(<LineInput label="> " editor={{value: '😀x', cursor: 0}} />);
		assert.equal(await waitForFrame(rendered, '😀x'), '> 😀x');
		assert.match(raw(rendered), /\u001B\[7m😀\u001B\[27mx/);
	});
});
