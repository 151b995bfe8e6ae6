// The containers list with its CPU % and MEM / LIMIT columns (issue 16): "—" before a figure, the figures
// after, blank for a stopped row, and which rows it asks stats streams for.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {ContainerList} from '../../source/components/ContainerList.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {makeContainer, NOW} from '../helpers/fixtures.js';
import {resize, settle, waitForFrame} from '../helpers/ink.js';

afterEach(cleanup);

const keys = createKeyMap();
const busy = makeContainer({id: 'busy', name: 'busy'});
const fresh = makeContainer({id: 'fresh', name: 'fresh'});
const stopped = makeContainer({id: 'stopped', name: 'stopped', state: 'exited', exitCode: 0, finishedAt: NOW - 60_000});
const rows = [busy, fresh, stopped];

function list(width: number, reported: string[][], usageColumns = true) {
	return (
		<ContainerList
			rows={rows}
			selectedIndex={0}
			height={5}
			width={width}
			now={NOW}
			loaded
			filtered={false}
			keys={keys}
			usageColumns={usageColumns}
			usage={{busy: {cpu: 97.26, memory: 600 * 1024, memoryLimit: 2 * 1024 ** 3}, fresh: {memory: 1024 * 1024}}}
			onWindow={(ids) => reported.push([...ids])}
		/>
	);
}

const line = (text: string, name: string) => text.split('\n').find((row) => row.includes(` ${name} `)) ?? '';

describe('ContainerList with the CPU and MEM columns', () => {
	it('shows the figures, "—" before the first CPU figure, and nothing on a stopped row', async () => {
		const reported: string[][] = [];
		const rendered = render(list(140, reported));
		resize(rendered, 140, 10);
		// Under CI Ink does not listen for resizes; the next render takes the new width.
		rendered.rerender(list(140, reported));
		const text = await waitForFrame(rendered, 'MEM / LIMIT');
		assert.match(line(text, 'busy'), /97\.3%\s+600KiB \/ 2\.00GiB\s+1h ago$/);
		assert.match(line(text, 'fresh'), /—\s+1\.00MiB\s+1h ago$/);
		assert.match(line(text, 'stopped'), /ago\s*$/);
		assert.deepEqual(reported.at(-1), ['busy', 'fresh', 'stopped']);
	});

	it('asks for no streams when the width leaves the columns out, or they are off', async () => {
		const narrow: string[][] = [];
		render(list(60, narrow));
		await settle();
		assert.deepEqual(narrow.at(-1), []);
		const off: string[][] = [];
		const rendered = render(list(140, off, false));
		resize(rendered, 140, 10);
		rendered.rerender(list(140, off, false));
		const text = await waitForFrame(rendered, 'CREATED');
		assert.doesNotMatch(text, /CPU %/);
		assert.deepEqual(off.at(-1), []);
	});

	it('tells the session the list is gone when it unmounts', async () => {
		const reported: string[][] = [];
		const rendered = render(list(140, reported));
		resize(rendered, 140, 10);
		await settle();
		rendered.unmount();
		assert.deepEqual(reported.at(-1), []);
	});
});
