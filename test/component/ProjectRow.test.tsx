// A compose project's row in the containers list, and the list with groups: name, kind, counts, the fold
// glyph, the selection, and members indented under their row.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {ContainerList} from '../../source/components/ContainerList.js';
import {ProjectRow} from '../../source/components/ProjectRow.js';
import {groupRows, isGroupRow, type Group} from '../../source/state/containers/groups.js';
import type {Container} from '../../source/state/core/model.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {frame, settle, waitForFrame} from '../helpers/ink.js';
import {makeContainer, NOW} from '../helpers/fixtures.js';

afterEach(cleanup);

const compose = (project: string) => ({'com.docker.compose.project': project});

const fleet: readonly Container[] = [
	makeContainer({id: 'id-web', name: 'shop-web-1', labels: compose('shop')}),
	makeContainer({
		id: 'id-db',
		name: 'shop-db-1',
		labels: compose('shop'),
		state: 'exited',
		exitCode: 0,
		finishedAt: NOW - 60_000,
	}),
	makeContainer({id: 'id-loose', name: 'loose-one'}),
];

const byId = Object.fromEntries(fleet.map((container) => [container.id, container]));

function shopGroup(collapsed = false): Group {
	const rows = groupRows(
		fleet,
		byId,
		{key: 'name', descending: false},
		{grouped: true, collapsed: collapsed ? ['compose:shop'] : []},
	);
	const row = rows.find((candidate) => isGroupRow(candidate));
	assert.ok(isGroupRow(row));
	return row.group;
}

describe('ProjectRow', () => {
	it('shows the fold glyph, the name, the kind and running of total with the other states', async () => {
		const rendered = render(<ProjectRow group={shopGroup()} selected={false} marked={false} width={100} />);
		await settle();
		assert.equal(frame(rendered).trimEnd(), '   ▾ shop compose project · 1/2 running · 1 exited');
	});

	it('marks the selection and says how many members a folded group hides', async () => {
		const rendered = render(<ProjectRow group={shopGroup(true)} selected marked={false} width={100} />);
		await settle();
		assert.equal(frame(rendered).trimEnd(), ' ▶ ▸ shop compose project · 1/2 running · 1 exited · 2 folded');
	});

	it('carries the mark glyph when every member is marked, and is cut at the edge', async () => {
		const rendered = render(<ProjectRow group={shopGroup()} selected={false} marked width={20} />);
		await settle();
		const text = frame(rendered);
		assert.ok(text.startsWith('●  ▾ shop'), text);
		assert.ok(text.split('\n').every((line) => line.length <= 20));
	});
});

describe('ContainerList with groups', () => {
	it('lists the members indented under their project row, and loose containers as before', async () => {
		const sorted = [...fleet].sort((a, b) => a.name.localeCompare(b.name));
		const rows = groupRows(sorted, byId, {key: 'name', descending: false}, {grouped: true, collapsed: []});
		const rendered = render(
			<ContainerList
				rows={rows}
				selectedIndex={2}
				height={10}
				width={100}
				now={NOW}
				loaded
				filtered={false}
				keys={createKeyMap()}
			/>,
		);
		const text = await waitForFrame(rendered, 'shop-web-1');
		const lines = text.split('\n').slice(1, 5);
		assert.match(lines[0]!, /^ {3}loose-one /);
		assert.match(lines[1]!, /^ {3}▾ shop compose project · 1\/2 running · 1 exited/);
		assert.match(lines[2]!, /^ ▶ {3}shop-db-1 /, `the selected member, indented:\n${text}`);
		assert.match(lines[3]!, /^ {5}shop-web-1 /);
	});
});
