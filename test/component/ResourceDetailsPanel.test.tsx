// A network's details panel with a fake data source: its containers and addresses on screen, the lines it
// shows reported to the state (search and copy read them), and a search's count and highlight.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {ResourceDetailsPanel} from '../../source/components/ResourceDetailsPanel.js';
import type {DetailsSource} from '../../source/session/details-source.js';
import {toNetworkInfo} from '../../source/docker/resource-details.js';
import {detailsReducer, type DetailsAction, type DetailsView} from '../../source/state/details/details.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {waitForFrame} from '../helpers/ink.js';
import {waitFor} from '../helpers/wait.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) cleanup();
	cleanups = [];
});

const network = toNetworkInfo({
	Id: 'f'.repeat(64),
	Name: 'shop-net',
	Driver: 'bridge',
	Scope: 'local',
	IPAM: {Config: [{Subnet: '172.30.0.0/16', Gateway: '172.30.0.1'}]},
	Containers: {['a'.repeat(64)]: {Name: 'shop-web', IPv4Address: '172.30.0.2/16', IPv6Address: ''}},
});

const refuse = async () => {
	throw new Error('not a container panel');
};

const source: DetailsSource = {
	inspect: refuse,
	top: refuse,
	changes: refuse,
	stats: refuse,
	inspectResource: async (kind, ref) => {
		assert.equal(kind, 'network');
		assert.equal(ref, network.id);
		return network;
	},
};

function show(query = '') {
	let view: DetailsView = detailsReducer(undefined, {kind: 'open', subject: 'network', id: network.id, name: 'shop-net'})!;
	const dispatch = (action: DetailsAction) => {
		view = detailsReducer(view, action) ?? view;
	};

	const element = () => (
		<ResourceDetailsPanel
			view={view}
			kind="network"
			usedBy={['shop-web']}
			source={source}
			height={20}
			width={90}
			dispatch={dispatch}
			keys={createKeyMap()}
		/>
	);
	const rendered = render(element());
	cleanups.push(() => rendered.unmount());
	return {
		rendered,
		search(text: string) {
			view = detailsReducer(view, {kind: 'searchStart'})!;
			for (const char of text) view = detailsReducer(view, {kind: 'searchEdit', key: {name: char, text: char}})!;
			rendered.rerender(element());
		},
		view: () => view,
		query,
	};
}

describe('ResourceDetailsPanel', () => {
	it('shows a network’s subnet, gateway and each container with its address, and reports its lines', async () => {
		const {rendered, view} = show();
		const text = await waitForFrame(rendered, 'shop-web');
		assert.match(text, /\[Network\]/);
		assert.match(text, /Subnet\s+172\.30\.0\.0\/16/);
		assert.match(text, /Gateway\s+172\.30\.0\.1/);
		assert.match(text, /shop-web\s+172\.30\.0\.2\/16/);
		// Reported from an effect, after the frame.
		await waitFor(() => view().lines.some((line) => line.copy?.text === '172.30.0.2'), {what: 'the address line reported'});
	});

	it('counts a search’s matches in its title and makes the first one current', async () => {
		const panel = show();
		await waitForFrame(panel.rendered, 'shop-web');
		await waitFor(() => panel.view().lines.length > 5, {what: 'the lines reported'});
		panel.search('172.30');
		const text = await waitForFrame(panel.rendered, '/172.30: 1 of 3');
		assert.ok(text.includes('172.30.0.2/16'));
		assert.equal(
			panel.view().search.current,
			panel.view().lines.findIndex((line) => line.text.includes('Subnet')),
		);
	});
});
