// Issue 16: the details of images, volumes and networks (their models, secrets masked), search inside the
// details panel (matches, n/N, the count), and copying through OSC 52 (the sequence and what each key copies).
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer, type AppState} from '../../source/state/core/app.js';
import {copiedStatus, maxCopyBytes, osc52} from '../../source/state/core/clipboard.js';
import {toImageInfo, toNetworkInfo, toVolumeInfo} from '../../source/docker/resource-details.js';
import {resourceLines} from '../../source/state/details/resource-info.js';
import {envLines} from '../../source/state/details/container-info.js';
import {detailsMatches, searchSummary, stepMatch} from '../../source/state/details/details-search.js';
import {routeKey, type Effect} from '../../source/state/input/input.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {maskedValue} from '../../source/state/details/secrets.js';
import type {LogLine} from '../../source/state/logs/log-lines.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';

const keys = createKeyMap();
const press = (name: string) => ({name, text: name.length === 1 ? name : ''});

function type(state: AppState, ...names: string[]): {state: AppState; effects: Effect[]} {
	const effects: Effect[] = [];
	for (const name of names) {
		for (const effect of routeKey(state, press(name), keys)) {
			effects.push(effect);
			if (effect.type === 'dispatch') state = appReducer(state, effect.action);
		}
	}

	return {state, effects};
}

const copies = (effects: Effect[]) => effects.flatMap((effect) => (effect.type === 'copy' ? [effect] : []));
const decode = (sequence: string) =>
	Buffer.from(/^\u001B\]52;c;([A-Za-z\d+/=]*)(?:\u0007|\u001B\\)$/.exec(sequence)![1]!, 'base64').toString('utf8');

const NOW = Date.UTC(2026, 11, 2, 12);

const image = toImageInfo(
	{
		Id: `sha256:${'e'.repeat(64)}`,
		RepoTags: ['shop/api:2'],
		Created: new Date(NOW - 3 * 3_600_000).toISOString(),
		Size: 2_100_000,
		Os: 'linux',
		Architecture: 'amd64',
		Config: {Cmd: ['/bin/busybox', 'sleep', '3600'], Env: ['API_TOKEN=t0ps3cret', 'MODE=demo'], Labels: {team: 'shop'}},
	},
	[
		{Id: `sha256:${'1'.repeat(64)}`, Created: (NOW - 3_600_000) / 1000, CreatedBy: '/bin/sh -c #(nop)  CMD ["sleep"]', Size: 0},
		{Id: '<missing>', Created: (NOW - 7_200_000) / 1000, CreatedBy: 'COPY payload /marker \u001B]0;pwned\u0007', Size: 12},
		{Id: '<missing>', Created: (NOW - 7_200_000) / 1000, CreatedBy: 'COPY busybox /bin/busybox', Size: 2_099_988},
	],
);

describe('resource details models', () => {
	it('an image: its layers newest first with size and age, who uses it, its env masked until revealed', () => {
		const text = resourceLines(image, ['shop-api-1'], false, false, NOW).map((line) => line.text);
		assert.ok(text.includes('History (3 layers, newest first)'));
		const layers = text.filter((line) => /COPY|CMD/.test(line));
		assert.equal(layers.length, 3);
		assert.match(layers[2]!, /<missing>\s+2\.1MB\s+2 hours ago\s+COPY busybox \/bin\/busybox/);
		assert.ok(layers[1]!.includes('␛]0;pwned␇'), 'a hostile layer command is shown as visible text, never as an escape sequence');
		assert.ok(text.includes('Used by (1)') && text.includes('  shop-api-1'));
		assert.ok(text.some((line) => line.includes(`API_TOKEN  ${maskedValue}`)));
		assert.ok(!text.join('\n').includes('t0ps3cret'));
		assert.ok(resourceLines(image, [], false, true, NOW).some((line) => line.text.includes('t0ps3cret')));
		assert.ok(!resourceLines(image, [], true, false, NOW).some((line) => line.text.includes('t0ps3cret')), 'raw JSON masked');
		assert.ok(resourceLines(image, [], true, false, NOW).some((line) => line.text.includes('"History"')));
	});

	it('a volume: mountpoint, driver, scope, labels (secret ones masked) and its users', () => {
		const volume = toVolumeInfo({
			Name: 'shop-db',
			Driver: 'local',
			Mountpoint: '/var/lib/docker/volumes/shop-db/_data',
			Scope: 'local',
			Labels: {'com.example.db_password': 'hunter2', owner: 'shop'},
		});
		const text = resourceLines(volume, [], false, false, NOW).map((line) => line.text);
		assert.ok(text.some((line) => /Mountpoint\s+\/var\/lib\/docker\/volumes\/shop-db\/_data/.test(line)));
		assert.ok(text.some((line) => /Driver\s+local/.test(line)) && text.some((line) => /Scope\s+local/.test(line)));
		assert.ok(text.some((line) => line.includes(`com.example.db_password  ${maskedValue}`)));
		assert.ok(text.some((line) => line.includes('No container uses this volume')));
	});

	it('a network: subnet, gateway, each attached container with its addresses, the address to copy', () => {
		const network = toNetworkInfo({
			Id: 'f'.repeat(64),
			Name: 'shop-net',
			Driver: 'bridge',
			Scope: 'local',
			IPAM: {Config: [{Subnet: '172.30.0.0/16', Gateway: '172.30.0.1'}]},
			Containers: {
				['a'.repeat(64)]: {Name: 'shop-web', IPv4Address: '172.30.0.2/16', IPv6Address: ''},
				['b'.repeat(64)]: {Name: 'shop-api', IPv4Address: '172.30.0.3/16', IPv6Address: 'fd00::3/64'},
			},
		});
		const lines = resourceLines(network, ['shop-api', 'shop-web', 'shop-job'], false, false, NOW);
		const text = lines.map((line) => line.text);
		assert.ok(text.some((line) => /Subnet\s+172\.30\.0\.0\/16/.test(line)));
		assert.ok(text.some((line) => /Gateway\s+172\.30\.0\.1/.test(line)));
		assert.ok(text.includes('Containers (3)'));
		const api = lines.find((line) => line.text.includes('shop-api '))!;
		assert.match(api.text, /shop-api\s+172\.30\.0\.3\/16\s+fd00::3\/64/);
		assert.deepEqual(api.copy, {text: '172.30.0.3', what: "shop-api's address"});
		assert.ok(text.some((line) => /shop-job\s+\(not running: no address\)/.test(line)));
	});
});

describe('details search', () => {
	const lines = ['{', '  "Id": "abc",', '  "Name": "/web",', '  "Image": "busybox",', '  "Id2": "x"', '}'].map((text) => ({
		text,
	}));

	it('finds every matching line, with ranges, smart case; steps wrap both ways', () => {
		const matches = detailsMatches(lines, 'id');
		assert.deepEqual(matches.lines, [1, 4]);
		assert.deepEqual(matches.ranges.get(1), [[3, 5]]);
		assert.deepEqual(detailsMatches(lines, 'ID').lines, [], 'a capital makes the search case-sensitive');
		assert.equal(stepMatch([1, 4], 1, 1), 4);
		assert.equal(stepMatch([1, 4], 4, 1), 1);
		assert.equal(stepMatch([1, 4], 1, -1), 4);
		assert.equal(searchSummary(lines, 'id', 4), '/id: 2 of 2');
		assert.equal(searchSummary(lines, 'nothing', undefined), '/nothing: no match');
	});

	function withPanel(): AppState {
		let state = stateWith([makeContainer({id: 'run-1', name: 'web', state: 'running'})]);
		state = type(state, 'i').state;
		state = appReducer(state, {type: 'ui/details', action: {kind: 'lines', lines}});
		return appReducer(state, {type: 'ui/details', action: {kind: 'extent', maxOffset: 3}});
	}

	it('/ in the panel searches its text instead of filtering the list; n and N move between matches', () => {
		let {state} = type(withPanel(), '/', 'i', 'd');
		assert.equal(state.ui.filtering, false, 'the list filter did not open');
		assert.equal(state.ui.details?.search.query, 'id');
		assert.equal(state.ui.details?.search.current, 1, 'the first match is current as it is typed');
		state = type(state, 'enter').state;
		assert.equal(state.ui.details?.search.editor, undefined);
		state = type(state, 'n').state;
		assert.equal(state.ui.details?.search.current, 4);
		assert.equal(state.ui.details?.offset, 2, 'scrolled to show the match with a line of context');
		state = type(state, 'n').state;
		assert.equal(state.ui.details?.search.current, 1, 'wraps to the first');
		state = type(state, 'N').state;
		assert.equal(state.ui.details?.search.current, 4);
		state = type(state, '/', 'escape').state;
		assert.equal(state.ui.details?.search.query, '', 'Esc in the prompt clears the search');
	});

	it('keeps the query across tabs, and starts without one for another container', () => {
		let state = type(withPanel(), '/', 'i', 'd', 'enter', 'tab').state;
		assert.equal(state.ui.details?.search.query, 'id');
		state = appReducer(state, {type: 'ui/details', action: {kind: 'open', id: 'run-2', name: 'db'}});
		assert.equal(state.ui.details?.search.query, '');
	});

	it('n with no query or no match says so', () => {
		const none = type(withPanel(), 'n');
		assert.match(none.state.ui.status?.text ?? '', /Nothing to search for/);
		const missing = type(withPanel(), '/', 'z', 'q', 'enter', 'n');
		assert.match(missing.state.ui.status?.text ?? '', /No line matches "zq"/);
	});
});

describe('copy through OSC 52', () => {
	it('writes ESC ] 52 ; c ; base64 BEL (or ST), of the sanitised text', () => {
		const {sequence, text, truncated} = osc52('web-1 ✓');
		assert.equal(sequence, `\u001B]52;c;${Buffer.from('web-1 ✓').toString('base64')}\u0007`);
		assert.equal(decode(sequence), 'web-1 ✓');
		assert.equal(text, 'web-1 ✓');
		assert.equal(truncated, false);
		assert.ok(osc52('x', 'st').sequence.endsWith('\u001B\\'));
		const hostile = decode(osc52('a\u001B]0;pwned\u0007b\u009Bc').sequence);
		assert.equal(hostile, 'a␛]0;pwned␇b\\x9bc', 'no control character goes on the clipboard');
	});

	it('cuts a long text on a character boundary and says so', () => {
		const long = osc52('é'.repeat(maxCopyBytes));
		assert.equal(long.truncated, true);
		assert.ok(Buffer.byteLength(decode(long.sequence)) <= maxCopyBytes);
		assert.ok(!decode(long.sequence).includes('\uFFFD'));
		assert.match(copiedStatus('log line', long.text, {truncated: true, tmux: true}), /\(OSC 52, cut to .*set-clipboard on\)$/);
		assert.equal(copiedStatus('name', 'web', {truncated: false, tmux: false}), 'Copied name: web (OSC 52)');
	});

	it('y copies the selected container’s name, Y its id', () => {
		const state = stateWith([makeContainer({id: 'c'.repeat(64), name: 'web', state: 'running'})]);
		assert.deepEqual(copies(type(state, 'y').effects), [{type: 'copy', text: 'web', what: 'name'}]);
		assert.deepEqual(copies(type(state, 'Y').effects), [{type: 'copy', text: 'c'.repeat(64), what: 'id of web'}]);
	});

	it('y in the Env tab copies the value at the cursor, masked unless revealed', () => {
		let state = stateWith([makeContainer({id: 'run-1', name: 'web', state: 'running'})]);
		state = type(state, 'i', 'tab').state;
		const env = [
			{key: 'DB_PASSWORD', value: 'hunter2'},
			{key: 'MODE', value: 'demo'},
		];
		state = appReducer(state, {type: 'ui/details', action: {kind: 'lines', lines: envLines(env, false)}});
		assert.deepEqual(copies(type(state, 'y').effects), [{type: 'copy', text: maskedValue, what: "DB_PASSWORD's value (masked)"}]);
		state = appReducer(state, {type: 'ui/details', action: {kind: 'lines', lines: envLines(env, true)}});
		assert.deepEqual(copies(type(state, 'y').effects), [{type: 'copy', text: 'hunter2', what: "DB_PASSWORD's value"}]);
		const searched = type(state, '/', 'M', 'O', 'D', 'E', 'enter', 'y');
		assert.deepEqual(copies(searched.effects), [{type: 'copy', text: 'demo', what: "MODE's value"}]);
	});

	it('Enter on a network row opens its details; y copies its name, Y its id', () => {
		const network = {id: 'n'.repeat(64), name: 'shop-net', driver: 'bridge', scope: 'local', attached: [], builtIn: false};
		let state = stateWith([], {type: 'resources/networks', rows: [network]});
		state = type(state, '4').state;
		assert.deepEqual(copies(type(state, 'y').effects), [{type: 'copy', text: 'shop-net', what: 'name'}]);
		assert.deepEqual(copies(type(state, 'Y').effects), [{type: 'copy', text: network.id, what: 'id of shop-net'}]);
		state = type(state, 'enter').state;
		assert.equal(state.ui.panel, 'details');
		assert.equal(state.ui.details?.subject, 'network');
		assert.equal(state.ui.details?.id, network.id);
		state = type(state, '1').state;
		assert.equal(state.ui.panel, 'none', "another pane closes a network's panel");
	});

	it('y in the focused logs pane copies the newest line, the current match once there is one', () => {
		const web = makeContainer({id: 'w'.repeat(64), name: 'web', state: 'running'});
		const lines: LogLine[] = ['starting', 'listening on :80', 'GET / 200'].map((text, index) => {
			const ts = `2026-11-23T18:00:0${index}.000000000Z`;
			return {source: web.id, stream: 'stdout', ts, time: Date.parse(ts), text};
		});
		let state = type(stateWith([web]), 'l').state;
		state = appReducer(state, {type: 'logs/append', lines});
		assert.deepEqual(copies(type(state, 'y').effects), [{type: 'copy', text: 'GET / 200', what: 'log line'}]);
		state = type(state, '/', 'l', 'i', 's', 't', 'enter').state;
		assert.deepEqual(copies(type(state, 'y').effects), [{type: 'copy', text: 'listening on :80', what: 'log line'}]);
	});
});
