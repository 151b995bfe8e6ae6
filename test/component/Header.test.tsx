// The header line: where dockpit is connected, the engine version, the scope and the counts.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {Header} from '../../source/components/Header.js';
import {waitForFrame} from '../helpers/ink.js';

afterEach(cleanup);

describe('Header', () => {
	it('shows the endpoint, the version, the scope and the counts', async () => {
		const rendered = render(
			<Header
				engine={{endpoint: 'ssh://me@box', version: '27.3.1', connection: 'connected', scope: ['label=team=web']}}
				counts={{running: 4, paused: 1, stopped: 7}}
			/>,
		);
		const text = await waitForFrame(rendered, 'dockpit');
		assert.match(text, /^dockpit ssh:\/\/me@box · Engine 27\.3\.1 · scope label=team=web/);
		assert.match(text, /● 4 running ◐ 1 paused ○ 7 stopped$/);
	});

	it('leaves out what it does not know', async () => {
		const rendered = render(
			<Header
				engine={{endpoint: 'unix:///var/run/docker.sock', connection: 'connected', scope: []}}
				counts={{running: 0, paused: 0, stopped: 0}}
			/>,
		);
		const text = await waitForFrame(rendered, 'dockpit');
		assert.doesNotMatch(text, /Engine|scope/);
		assert.match(text, /● 0 running/);
	});
});

describe('Header at 60 columns', () => {
	it('keeps the whole scope and READ-ONLY, and lets the endpoint and version go', async () => {
		const rendered = render(
			<Header
				engine={{
					endpoint: 'unix:///var/run/docker.sock',
					version: '20.10.24',
					connection: 'connected',
					scope: ['label=dockpit.test=mk2abc-12345-abcdef'],
				}}
				counts={{running: 4, paused: 1, stopped: 7}}
				readOnly
				width={60}
			/>,
		);
		const text = await waitForFrame(rendered, 'dockpit');
		assert.match(text, /^dockpit READ-ONLY label=dockpit\.test=mk2abc-12345-abcdef/);
		assert.doesNotMatch(text, /unix|Engine/);
	});
});
