// One row of the containers table: cells cut to their columns, the marker, and memoisation; and both kinds of
// list row (container, compose project) drawn as one text with the escapes a text per part would write.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {containerColumns} from '../../source/state/containers/columns.js';
import type {Group} from '../../source/state/containers/groups.js';
import type {Container} from '../../source/state/core/model.js';
import {frame, settle} from '../helpers/ink.js';

// The inverse selection bar is only written when chalk thinks the terminal has colours; set that
// before Ink and chalk load.
process.env['FORCE_COLOR'] = '1';
const {cleanup, render} = await import('ink-testing-library');
const {ContainerRow, markGlyph} = await import('../../source/components/ContainerRow.js');
const {Text} = await import('ink');
const {fit} = await import('../../source/state/core/format.js');
const {ProjectRow} = await import('../../source/components/ProjectRow.js');
const {groupSummary} = await import('../../source/state/containers/groups.js');
const {makeContainer} = await import('../helpers/fixtures.js');

afterEach(cleanup);

/** A row's mark gutter and selection marker as rows drew them before they became one text: a text per part. */
function PerPartLead({marked, selected}: {readonly marked: boolean; readonly selected: boolean}) {
	return (
		<>
			{marked ? (
				<Text color="magenta" bold>
					{markGlyph}
				</Text>
			) : (
				' '
			)}
			{selected ? '▶ ' : '  '}
		</>
	);
}

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

	it('draws the same escapes as a text per cell would (colour, then bold, under the inverse bar)', async () => {
		// The row as it was drawn before it became one text: a <Text> per cell, each with its colour and weight.
		const colours = {running: 'green', exited: 'gray', paused: 'yellow'} as const;
		type Case = {state: keyof typeof colours; failed: boolean; selected: boolean; marked: boolean; width: number};
		const perCell = ({state, failed, selected, marked, width}: Case) => {
			const laid = containerColumns(width);
			const merged = !laid.some((column) => column.key === 'state');
			const colour = (key: string) =>
				key === 'state'
					? colours[state]
					: key === 'status'
						? failed
							? 'red'
							: merged
								? colours[state]
								: undefined
						: key === 'name' && marked
							? 'magenta'
							: undefined;
			return (
				<Text inverse={selected} wrap="truncate-end">
					<PerPartLead marked={marked} selected={selected} />
					{laid.map((column, index) => (
						<Text key={column.key} color={colour(column.key)} bold={column.key === 'name'}>
							{fit({...cells, state}[column.key as keyof typeof cells] ?? '', column.width)}
							{index < laid.length - 1 ? ' ' : ''}
						</Text>
					))}
				</Text>
			);
		};

		const cases: Case[] = [];
		for (const state of ['running', 'exited', 'paused'] as const)
			for (const failed of [false, true])
				for (const selected of [false, true])
					for (const marked of [false, true]) for (const width of [99, 60]) cases.push({state, failed, selected, marked, width});
		for (const row of cases) {
			const expected = render(perCell(row));
			const actual = render(
				<ContainerRow
					cells={{...cells, state: row.state}}
					columns={containerColumns(row.width)}
					state={row.state}
					failed={row.failed}
					selected={row.selected}
					marked={row.marked}
				/>,
			);
			await settle();
			assert.match(actual.lastFrame() ?? '', /\u001B\[/, 'coloured at all');
			assert.equal(actual.lastFrame(), expected.lastFrame(), JSON.stringify(row));
		}
	});
});

describe('ProjectRow', () => {
	it('draws the same escapes as a text per part would (bold name, dim kind, summary in its colour)', async () => {
		const member = (state: 'running' | 'exited' | 'paused', name: string) =>
			makeContainer({id: `id-${name}`, name, state, labels: {'com.docker.compose.project': 'shop'}});
		const summaries: Record<string, Container[]> = {
			green: [member('running', 'a')],
			yellow: [member('running', 'a'), member('exited', 'b')],
			gray: [member('paused', 'c')],
		};
		const cases = [];
		for (const [colour, members] of Object.entries(summaries))
			for (const kind of ['compose', 'stack'] as const)
				for (const engine of [undefined, 'prod'])
					for (const collapsed of [false, true])
						for (const selected of [false, true])
							for (const marked of [false, true]) cases.push({colour, members, kind, engine, collapsed, selected, marked});
		for (const row of cases) {
			const running = row.members.filter((one) => one.state === 'running').length;
			const states = (['running', 'paused', 'exited'] as const)
				.map((state) => [state, row.members.filter((one) => one.state === state).length] as const)
				.filter(([, count]) => count > 0);
			const group: Group = {
				key: `${row.kind}:shop`,
				kind: row.kind,
				name: 'shop',
				label: 'shop',
				engine: row.engine,
				collapsed: row.collapsed,
				members: row.members,
				running,
				total: row.members.length,
				states,
			};
			const kindText = `${row.kind === 'compose' ? 'compose project' : 'stack'}${row.engine ? ` on ${row.engine}` : ''}`;
			// The row as it was drawn before it became one text.
			const expected = render(
				<Text inverse={row.selected} wrap="truncate-end">
					<PerPartLead marked={row.marked} selected={row.selected} />
					{row.collapsed ? '▸' : '▾'} <Text bold>shop</Text>
					<Text dimColor>{` ${kindText} · `}</Text>
					<Text color={row.colour}>{groupSummary(group)}</Text>
					<Text dimColor>{row.collapsed ? ` · ${row.members.length} folded` : ''}</Text>
				</Text>,
			);
			const actual = render(<ProjectRow group={group} selected={row.selected} marked={row.marked} width={100} />);
			await settle();
			assert.match(actual.lastFrame() ?? '', /\u001B\[/, 'coloured at all');
			assert.equal(
				actual.lastFrame()?.trimEnd(),
				expected.lastFrame()?.trimEnd(),
				JSON.stringify({...row, members: row.members.length}),
			);
		}
	});
});
