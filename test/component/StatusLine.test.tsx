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
			const rendered = render(<StatusLine status={{text, tone}} columns={100} />);
			await settle();
			assert.equal(frame(rendered), shown);
		});
	}

	it('with no status it keeps its line, blank', async () => {
		const rendered = render(<StatusLine status={undefined} columns={100} />);
		await settle();
		assert.equal(frame(rendered).trim(), '');
	});

	it('wraps a long error onto more rows, at spaces, so it can be read whole', async () => {
		const text = 'Could not rename spin: Conflict. The container name "/web" is already in use by container "abc".';
		const rendered = render(<StatusLine status={{text, tone: 'error'}} columns={40} />);
		await settle();
		const rows = frame(rendered).split('\n');
		assert.ok(rows.length === 3 && rows.every((row) => [...row].length <= 40), frame(rendered));
		assert.equal(rows.join(' '), `✗ ${text}`);
	});
});
