// The containers table renders only the window that fits, and keeps the selected row in it.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {ContainerList} from '../../source/components/ContainerList.js';
import type {Container} from '../../source/state/core/model.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {frame, waitForFrame} from '../helpers/ink.js';
import {makeContainer, NOW} from '../helpers/fixtures.js';

afterEach(cleanup);

const thousand: readonly Container[] = Array.from({length: 1000}, (_, i) =>
	makeContainer({id: `id-${i}`, name: `box-${String(i).padStart(4, '0')}`, startedAt: NOW - 5000, createdAt: NOW - 7000}),
);

const keys = createKeyMap();
const rowLines = (text: string) => text.split('\n').filter((line) => /box-\d{4}/.test(line));
// Each row starts with the mark gutter (one column), then the selection marker.
const selected = (text: string) => rowLines(text).filter((line) => line.startsWith(' ▶'));

function list(selectedIndex: number, rows: readonly Container[] = thousand, height = 20) {
	return (
		<ContainerList
			rows={rows}
			selectedIndex={selectedIndex}
			height={height}
			width={100}
			now={NOW}
			loaded={true}
			filtered={false}
			keys={keys}
		/>
	);
}

describe('ContainerList', () => {
	it('renders only the visible window of 1,000 rows, with the column titles on top', async () => {
		const rendered = render(list(0));
		const text = await waitForFrame(rendered, 'box-0000');
		assert.equal(rowLines(text).length, 20);
		assert.match(text.split('\n')[0]!, /^ {3}NAME\s+IMAGE\s+STATE\s+STATUS\s+PORTS\s+CREATED/);
		assert.match(rowLines(text)[0]!, /^ ▶ box-0000/);
		assert.match(rowLines(text).at(-1)!, /box-0019/);
		assert.doesNotMatch(text, /box-0020/);
	});

	it('keeps the selected row visible at the end of the list', async () => {
		const rendered = render(list(0));
		await waitForFrame(rendered, 'box-0000');
		rendered.rerender(list(999));
		const text = await waitForFrame(rendered, 'box-0999');
		assert.equal(rowLines(text).length, 20);
		assert.match(selected(text)[0] ?? '', /box-0999/);
		assert.match(rowLines(text)[0]!, /box-0980/);
		assert.doesNotMatch(text, /box-0000/);
	});

	it('moves the window one row at a time when the selection walks past its edge', async () => {
		const rendered = render(list(19));
		await waitForFrame(rendered, 'box-0019');
		rendered.rerender(list(20));
		const down = await waitForFrame(rendered, 'box-0020');
		assert.match(rowLines(down)[0]!, /box-0001/, 'scrolled by one row');
		rendered.rerender(list(10));
		const inside = await waitForFrame(rendered, (text) => (selected(text)[0] ?? '').includes('box-0010'));
		assert.match(rowLines(inside)[0]!, /box-0001/, 'moving inside the window does not scroll');
		rendered.rerender(list(0));
		const up = await waitForFrame(rendered, 'box-0000');
		assert.match(rowLines(up)[0]!, /^ ▶ box-0000/);
	});

	it('marks exactly one row, with the state, status and age in their columns', async () => {
		const rendered = render(list(3, thousand.slice(0, 5)));
		const text = await waitForFrame(rendered, 'box-0004');
		assert.equal(selected(text).length, 1);
		assert.match(selected(text)[0]!, /^ ▶ box-0003\s+dockpit-test\/b\S*\s+running\s+Up 5 seconds\s+7s ago/);
	});

	it('says when the list is loading, empty, or all filtered out', async () => {
		const props = {rows: [], selectedIndex: 0, height: 5, width: 100, now: NOW, keys};
		const loading = render(<ContainerList {...props} loaded={false} filtered={false} />);
		await waitForFrame(loading, 'Loading containers…');
		const empty = render(<ContainerList {...props} loaded={true} filtered={false} />);
		await waitForFrame(empty, 'No containers');
		const none = render(<ContainerList {...props} loaded={true} filtered={true} />);
		await waitForFrame(none, 'No container matches the filter (Esc clears it)');
		assert.doesNotMatch(frame(none), /Loading/);
	});
});
