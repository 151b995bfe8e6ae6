// One row of the containers table: cells cut to their columns, the marker, and memoisation.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {containerColumns} from '../../source/state/containers/columns.js';
import {frame, settle} from '../helpers/ink.js';

// The inverse selection bar is only written when chalk thinks the terminal has colours; set that
// before Ink and chalk load.
process.env['FORCE_COLOR'] = '1';
const {cleanup, render} = await import('ink-testing-library');
const {ContainerRow} = await import('../../source/components/ContainerRow.js');

afterEach(cleanup);

// The list lays its columns out one narrower than the screen: the mark gutter takes a column.
const columns = containerColumns(99);
const cells = {
	name: 'a-container-with-a-really-long-name-indeed',
	image: 'nginx:1.27',
	state: 'running',
	status: 'Up 3 minutes (healthy)',
	ports: '0.0.0.0:8080->80/tcp',
	created: '2h ago',
};

describe('ContainerRow', () => {
	it('fits each cell to its column and cuts long ones with an ellipsis', async () => {
		const rendered = render(<ContainerRow cells={cells} columns={columns} state="running" failed={false} selected={false} />);
		await settle();
		const text = frame(rendered);
		const name = columns.find((column) => column.key === 'name')!;
		assert.ok(text.startsWith(`   ${cells.name.slice(0, name.width - 1)}… nginx:1.27`), text);
		assert.match(text, /running\s+Up 3 minutes \(healthy\)\s+0\.0\.0\.0:8080-\S*…\s2h ago$/);
		// The last column starts after the mark gutter and the marker, every other column and one space between each.
		const before = columns.slice(0, -1).reduce((sum, column) => sum + column.width + 1, 3);
		assert.equal(text.indexOf('2h ago'), before);
	});

	it('a selected row starts with the marker, inverted', async () => {
		const rendered = render(<ContainerRow cells={cells} columns={columns} state="running" failed={false} selected={true} />);
		await settle();
		assert.ok(frame(rendered).startsWith(' ▶ '));
		assert.match(rendered.lastFrame() ?? '', /^\u001B\[7m ▶ /);
	});

	it('an unselected row is not inverted', async () => {
		const rendered = render(<ContainerRow cells={cells} columns={columns} state="running" failed={false} selected={false} />);
		await settle();
		assert.doesNotMatch(rendered.lastFrame() ?? '', /\u001B\[7m/);
	});

	it('a marked row carries the mark glyph in its gutter and its name in the mark colour (issue 14, item 1)', async () => {
		const rendered = render(
			<ContainerRow cells={cells} columns={columns} state="running" failed={false} selected={false} marked={true} />,
		);
		await settle();
		assert.ok(frame(rendered).startsWith('●  a-container'), frame(rendered));
		// Bold and magenta (35) on the glyph and on the name.
		assert.match(rendered.lastFrame() ?? '', /\u001B\[1m\u001B\[35m●/);
		assert.match(rendered.lastFrame() ?? '', /\u001B\[1m\u001B\[35ma-container/);
		const both = render(
			<ContainerRow cells={cells} columns={columns} state="running" failed={false} selected={true} marked={true} />,
		);
		await settle();
		assert.ok(frame(both).startsWith('●▶ a-container'), frame(both));
	});

	it('an unmarked row leaves the gutter blank', async () => {
		const rendered = render(<ContainerRow cells={cells} columns={columns} state="running" failed={false} selected={false} />);
		await settle();
		assert.ok(!frame(rendered).includes('●'));
	});
});
