// Several engines on screen (issue 17): the ENGINE column comes first only when asked for, and the header
// shows each engine's state instead of the one endpoint.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {ContainerList} from '../../source/components/ContainerList.js';
import {Header} from '../../source/components/Header.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {waitForFrame} from '../helpers/ink.js';
import {makeContainer, NOW} from '../helpers/fixtures.js';

afterEach(cleanup);

const keys = createKeyMap();
const rows = [
	makeContainer({id: '0:a', name: 'web', engine: 'local'}),
	makeContainer({id: '1:a', name: 'api', engine: 'build-box'}),
];

const list = (engineWidth?: number) => (
	<ContainerList
		rows={rows}
		selectedIndex={0}
		height={5}
		width={100}
		now={NOW}
		loaded={true}
		filtered={false}
		keys={keys}
		engineWidth={engineWidth}
	/>
);

describe('several engines', () => {
	it('the ENGINE column comes first with each row’s engine', async () => {
		const text = await waitForFrame(render(list(9)), 'api');
		assert.match(text, /^\s+ENGINE\s+NAME\s+IMAGE/m);
		assert.match(text, /▶ local\s+web\s/);
		assert.match(text, /build-box\s+api\s/);
	});

	it('with one engine there is no ENGINE column', async () => {
		const text = await waitForFrame(render(list()), 'api');
		assert.doesNotMatch(text, /ENGINE|local|build-box/);
		assert.match(text, /^\s+NAME\s+IMAGE/m);
	});

	it('the header names every engine with its state', async () => {
		const rendered = render(
			<Header
				engine={{
					endpoint: 'unix:///var/run/docker.sock',
					connection: 'connected',
					scope: ['label=a'],
					engines: [
						{key: '0', name: 'local', endpoint: 'unix:///var/run/docker.sock', connection: 'connected'},
						{key: '1', name: 'box', endpoint: 'ssh://me@box', connection: 'reconnecting', error: 'gone'},
						{key: '2', name: 'far', endpoint: 'tcp://far:2375', connection: 'unreachable'},
					],
				}}
				counts={{running: 2, paused: 0, stopped: 0}}
			/>,
		);
		const text = await waitForFrame(rendered, 'dockpit');
		assert.match(text, /^dockpit local ● · box ◐ reconnecting · far ○ unreachable · /);
		assert.doesNotMatch(text, /unix:\/\//);
	});
});
