// The status line: the last thing that happened, marked by its tone.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {StatusLine} from '../../source/components/StatusLine.js';
import {frame, settle} from '../helpers/ink.js';

afterEach(cleanup);

describe('StatusLine', () => {
	const cases = [
		['info', 'Cancelled: web was left as it was', 'Cancelled: web was left as it was'],
		['progress', 'Stopping web…', '… Stopping web…'],
		['success', 'Stopped web', '✓ Stopped web'],
		['error', 'Could not stop web: No such container', '✗ Could not stop web: No such container'],
	] as const;
	for (const [tone, text, shown] of cases) {
		it(`${tone}: "${shown}"`, async () => {
			const rendered = render(<StatusLine status={{text, tone}} />);
			await settle();
			assert.equal(frame(rendered), shown);
		});
	}

	it('with no status it keeps its line, blank', async () => {
		const rendered = render(<StatusLine status={undefined} />);
		await settle();
		assert.equal(frame(rendered).trim(), '');
	});
});
