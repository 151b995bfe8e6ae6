// Issue 4's pure parts: sizes as the docker CLI prints them, the prune preview and its re-check, marks and
// bulk routing, the other panes' routing, and the mapping of Engine API lists.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {toImages, toNetworks, toVolumes, usage, scopeFor} from '../../source/docker/resource-reads.js';
import {inLabelScope, kindsTouched} from '../../source/docker/streams/resource-feed.js';
import {appReducer, type AppState} from '../../source/state/core/app.js';
import {routeKey, type Effect} from '../../source/state/input/input.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {
	changed,
	defaultPruneChoices,
	describeChange,
	previewChange,
	prunePreview,
	summarisePrune,
	type PruneChoices,
	type PruneSnapshot,
} from '../../source/state/resources/prune.js';
import {bulkQuestion, bulkSummary, removalNote, removalRefusal} from '../../source/state/resources/resource-dialogs.js';
import {visibleResources} from '../../source/state/resources/resource-view.js';
import {exactBytes, formatSize} from '../../source/state/core/size.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';

const keys = createKeyMap();
const press = (state: AppState, name: string): Effect[] => routeKey(state, {name, text: name.length === 1 ? name : ''}, keys);
/** Applies the dispatch effects of a key, as App does. */
const after = (state: AppState, name: string): AppState =>
	press(state, name).reduce((next, effect) => (effect.type === 'dispatch' ? appReducer(next, effect.action) : next), state);
const dialogOf = (effects: Effect[]) =>
	effects.flatMap((effect) =>
		effect.type === 'dispatch' && effect.action.type === 'ui/openDialog' ? [effect.action.dialog] : [],
	)[0];
const requests = (effects: Effect[]) => effects.flatMap((effect) => (effect.type === 'resource' ? [effect.request] : []));

describe('formatSize', () => {
	it('prints decimal units with three significant digits, like `docker images`', () => {
		assert.equal(formatSize(0), '0B');
		assert.equal(formatSize(512), '512B');
		assert.equal(formatSize(72_800), '72.8kB');
		assert.equal(formatSize(1_987_256), '1.99MB');
		assert.equal(formatSize(1_200_000_000), '1.2GB');
		assert.equal(formatSize(100_000_000), '100MB');
		assert.equal(formatSize(-1), '?');
	});

	it('moves to the next unit when rounding reaches 1000', () => {
		assert.equal(formatSize(999_999), '1MB');
		assert.equal(formatSize(999_400), '999kB');
	});

	it('gives exact bytes for details', () => {
		assert.equal(exactBytes(1_987_256), '1,987,256 bytes');
	});
});

const snapshot: PruneSnapshot = {
	at: 0,
	containers: [
		{id: 'c-run', name: 'web', state: 'running', size: 10},
		{id: 'c-paused', name: 'paused', state: 'paused', size: 10},
		{id: 'c-exit', name: 'old', state: 'exited', size: 300},
		{id: 'c-new', name: 'fresh', state: 'created', size: 0},
		{id: 'c-dead', name: 'dead', state: 'dead', size: 5},
	],
	images: [
		{id: 'i-used', references: ['app:1'], size: 1000, containers: 1},
		{id: 'i-tagged', references: ['app:0', 'app:old'], size: 2000, containers: 0},
		{id: 'i-dangling', references: [], size: 4000, containers: 0},
		{id: 'i-dangling-used', references: [], size: 8000, containers: 2},
	],
	volumes: [
		{name: 'a'.repeat(64), size: 50, containers: 0, anonymous: true},
		{name: 'b'.repeat(64), size: 60, containers: 1, anonymous: true},
		{name: 'data', size: 70, containers: 0, anonymous: false},
	],
	networks: [
		{id: 'n-bridge', name: 'bridge', builtIn: true, containers: 0},
		{id: 'n-free', name: 'free', builtIn: false, containers: 0},
		{id: 'n-used', name: 'used', builtIn: false, containers: 1},
	],
	buildCache: [
		{id: 'bc1', description: 'RUN make', size: 900, inUse: false},
		{id: 'bc2', description: 'RUN busy', size: 1, inUse: true},
	],
};

const ids = (choices: Partial<PruneChoices>) =>
	prunePreview(snapshot, {...defaultPruneChoices, containers: false, ...choices}).items.map((item) => item.id);

describe('prunePreview', () => {
	it('several engines: each engine’s own preview, every item qualified by its engine and named with it', () => {
		const other: PruneSnapshot = {
			at: 0,
			containers: [{id: 'c-exit', name: 'old', state: 'exited', size: 7}],
			images: [],
			volumes: [{name: 'data', size: 1, containers: 0, anonymous: false}],
			networks: [],
		};
		const several: PruneSnapshot = {
			at: 0,
			containers: [],
			images: [],
			volumes: [],
			networks: [],
			engines: [
				{key: '0', name: 'local', snapshot},
				{key: '1', name: 'box', snapshot: other},
			],
		};
		const preview = prunePreview(several, {...defaultPruneChoices, namedVolumes: true});
		assert.deepEqual(
			preview.items.map((item) => `${item.kind} ${item.id} ${item.name}`),
			[
				'container 0:c-exit old (on local)',
				'container 0:c-new fresh (on local)',
				'container 0:c-dead dead (on local)',
				`volume 0:${'a'.repeat(64)} ${'a'.repeat(64)} (on local)`,
				'volume 0:data data (on local)',
				'container 1:c-exit old (on box)',
				'volume 1:data data (on box)',
			],
		);
		assert.equal(preview.total, 305 + 50 + 70 + 7 + 1);
		// The same id on two engines is two items: a re-check that loses one engine's sees it gone.
		const without = prunePreview(
			{...several, engines: several.engines!.slice(0, 1)},
			{...defaultPruneChoices, namedVolumes: true},
		);
		assert.deepEqual(
			previewChange(preview, without).gone.map((item) => item.id),
			['1:c-exit', '1:data'],
		);
	});

	it('by default lists only the stopped containers (created, exited, dead), with their total size', () => {
		const preview = prunePreview(snapshot, defaultPruneChoices);
		assert.deepEqual(
			preview.items.map((item) => item.id),
			['c-exit', 'c-new', 'c-dead'],
		);
		assert.equal(preview.total, 305);
	});

	it('dangling images are the untagged ones no container uses; all unused adds the tagged ones', () => {
		assert.deepEqual(ids({danglingImages: true}), ['i-dangling']);
		assert.deepEqual(ids({unusedImages: true}), ['i-tagged', 'i-dangling']);
		const tagged = prunePreview(snapshot, {...defaultPruneChoices, containers: false, unusedImages: true}).items[0];
		assert.deepEqual(tagged?.refs, ['app:0', 'app:old']);
	});

	it('volumes: anonymous unused ones by default, named ones only on request, never used ones', () => {
		assert.deepEqual(ids({volumes: true}), ['a'.repeat(64)]);
		assert.deepEqual(ids({volumes: true, namedVolumes: true}), ['a'.repeat(64), 'data']);
	});

	it('networks: never the built-in ones or those with containers', () => {
		assert.deepEqual(ids({networks: true}), ['n-free']);
	});

	it('build cache: entries not in use, and none at all when the scope cannot apply to it', () => {
		assert.deepEqual(ids({buildCache: true}), ['bc1']);
		assert.deepEqual(
			prunePreview({...snapshot, buildCache: undefined}, {...defaultPruneChoices, buildCache: true}).items.map((i) => i.id),
			['c-exit', 'c-new', 'c-dead'],
		);
	});

	it('reports what a re-check adds and drops, by name', () => {
		const seen = prunePreview(snapshot, defaultPruneChoices);
		assert.equal(changed(previewChange(seen, prunePreview(snapshot, defaultPruneChoices))), false);
		const later: PruneSnapshot = {
			...snapshot,
			containers: [
				...snapshot.containers.filter((c) => c.id !== 'c-new'),
				{id: 'c-late', name: 'late', state: 'exited', size: 1},
			],
		};
		const change = previewChange(seen, prunePreview(later, defaultPruneChoices));
		assert.deepEqual(
			change.added.map((item) => item.id),
			['c-late'],
		);
		assert.deepEqual(
			change.gone.map((item) => item.id),
			['c-new'],
		);
		assert.match(describeChange(change), /now also: container late; no longer: container fresh/);
	});

	it('sums what went, plus the build cache total the engine returned', () => {
		const items = prunePreview(snapshot, defaultPruneChoices).items;
		const outcomes = items.map((item, index) => ({item, ok: index !== 0, error: index === 0 ? 'in use' : undefined}));
		assert.deepEqual(summarisePrune(outcomes, 900), {removed: 2, failed: 1, reclaimed: 905});
	});
});

const fleet = () => [
	makeContainer({id: 'a1', name: 'api', state: 'running'}),
	makeContainer({id: 'b2', name: 'batch', state: 'exited'}),
	makeContainer({id: 'c3', name: 'cron', state: 'exited'}),
];

describe('marks and bulk actions', () => {
	it('space marks and unmarks the selected container; the order of marking is kept', () => {
		let state = stateWith(fleet());
		state = after(state, 'space');
		const first = state.ui.marked[0];
		assert.equal(state.ui.marked.length, 1);
		state = after(after(state, 'j'), 'space');
		assert.equal(state.ui.marked.length, 2);
		assert.equal(state.ui.marked[0], first);
		state = after(after(state, 'k'), 'space');
		assert.equal(state.ui.marked.length, 1);
		assert.notEqual(state.ui.marked[0], first);
	});

	it('a marks every visible container, and again unmarks them; the filter limits it', () => {
		let state = stateWith(
			fleet(),
			{type: 'ui/filterStart'},
			{type: 'ui/filterEdit', key: {name: 'cron', text: 'cron'}},
			{type: 'ui/filterDone'},
		);
		state = after(state, 'a');
		assert.deepEqual(state.ui.marked, ['c3']);
		state = after(state, 'a');
		assert.deepEqual(state.ui.marked, []);
	});

	it('with marks, s, K and d open one confirmation listing every marked container', () => {
		const state = stateWith(fleet(), {type: 'ui/markAll', ids: ['b2', 'a1']});
		for (const [key, op] of [
			['s', 'stop'],
			['K', 'kill'],
			['d', 'remove'],
		] as const) {
			const dialog = dialogOf(press(state, key));
			assert.equal(dialog?.kind, 'bulkConfirm');
			assert.ok(dialog?.kind === 'bulkConfirm');
			assert.equal(dialog.op, op);
			assert.deepEqual(
				dialog.targets.map((target) => target.name),
				['batch', 'api'],
			);
		}
	});

	it('with marks, u, r and p act on every marked container too, after the same confirmation (issue 14, item 4)', () => {
		const state = stateWith(fleet(), {type: 'ui/markAll', ids: ['b2', 'a1']});
		for (const [key, op] of [
			['u', 'start'],
			['r', 'restart'],
			['p', 'pause'],
		] as const) {
			const dialog = dialogOf(press(state, key));
			assert.ok(dialog?.kind === 'bulkConfirm', `${key} opens the bulk confirmation`);
			assert.equal(dialog.op, op);
			assert.deepEqual(
				dialog.targets.map((target) => target.name),
				['batch', 'api'],
			);
		}
	});

	it('p on marked containers that are all paused unpauses them', () => {
		const paused = fleet().map((container) => ({...container, state: 'paused' as const}));
		const dialog = dialogOf(press(stateWith(paused, {type: 'ui/markAll', ids: ['b2', 'a1']}), 'p'));
		assert.ok(dialog?.kind === 'bulkConfirm');
		assert.equal(dialog.op, 'unpause');
		assert.equal(bulkQuestion('unpause', dialog.targets), 'Unpause 2 marked containers?');
	});

	it('y runs the bulk action without force, f with force (remove only), n cancels', () => {
		const state = stateWith(fleet(), {type: 'ui/markAll', ids: ['b2', 'a1']});
		const confirming = after(state, 'd');
		assert.deepEqual(
			requests(press(confirming, 'y')).map((r) => r.kind === 'bulk' && [r.op, r.force, r.targets.length]),
			[['remove', false, 2]],
		);
		assert.deepEqual(
			requests(press(confirming, 'f')).map((r) => r.kind === 'bulk' && r.force),
			[true],
		);
		assert.deepEqual(requests(press(confirming, 'n')), []);
		assert.equal(after(confirming, 'n').ui.dialog, undefined);
	});

	it('without marks, the keys act on the selected container as before', () => {
		const dialog = dialogOf(press(stateWith(fleet()), 'd'));
		assert.equal(dialog?.kind, 'confirm');
	});

	it('the summary says what succeeded and what failed and why', () => {
		assert.equal(
			bulkSummary('remove', [
				{id: 'a', name: 'api', ok: false, error: 'You cannot remove a running container'},
				{id: 'b', name: 'batch', ok: true},
			]),
			'Removed 1 of 2 (batch) · failed: api: You cannot remove a running container',
		);
	});
});

describe('what removing a resource warns of', () => {
	const image = {pane: 'images' as const, ref: 'app:2', id: 'sha256:1', name: 'app:2', usedBy: ['web']};
	it('an untag of one of several tags is not refused, even in use; the last tag in use is', () => {
		assert.equal(removalRefusal({...image, otherTags: 1}), undefined);
		assert.match(removalNote({...image, otherTags: 1}) ?? '', /keeps its other tag and stays in use by web/);
		assert.match(removalRefusal({...image, otherTags: 0}) ?? '', /the engine refuses without force/);
		assert.equal(removalRefusal({...image, otherTags: 0, usedBy: []}), undefined);
	});

	it('volumes and networks in use are refused, without a force that does not exist', () => {
		const volume = removalRefusal({pane: 'volumes', ref: 'v', id: 'v', name: 'v', usedBy: ['db']});
		const network = removalRefusal({pane: 'networks', ref: 'n', id: 'n', name: 'n', usedBy: ['web']});
		for (const text of [volume, network]) assert.doesNotMatch(text ?? 'missing', /force|missing/);
	});
});

describe('panes and prune routing', () => {
	const withResources = () =>
		stateWith(
			fleet(),
			{
				type: 'resources/networks',
				rows: toNetworks(
					[
						{Id: 'n1', Name: 'bridge', Driver: 'bridge', Scope: 'local'},
						{Id: 'n2', Name: 'backend', Driver: 'bridge', Scope: 'local'},
					],
					usage([]),
				),
			},
			{
				type: 'resources/images',
				rows: toImages(
					[
						{Id: 'sha256:big', RepoTags: ['big:1'], Size: 9_000_000, Created: 100},
						{Id: 'sha256:small', RepoTags: null, Size: 1000, Created: 200},
					],
					usage([{Id: 'c', Names: ['/user'], ImageID: 'sha256:big'}]),
				),
			},
		);

	it('1-5 and Tab switch panes, and ask for the resource lists', () => {
		let state = stateWith(fleet());
		assert.deepEqual(requests(press(state, '2')), [{kind: 'watch'}]);
		state = after(state, '2');
		assert.equal(state.ui.pane, 'images');
		state = after(after(state, 'tab'), 'tab');
		assert.equal(state.ui.pane, 'networks');
		state = after(state, 'tab');
		assert.equal(state.ui.pane, 'events');
		state = after(state, 'tab');
		assert.equal(state.ui.pane, 'containers');
		assert.equal(after(state, '5').ui.pane, 'events');
	});

	it('each pane keeps its own sort and filter', () => {
		let state = after(withResources(), '2');
		assert.deepEqual(
			visibleResources(state.resources, 'images').map((row) => row.reference),
			['<none>:<none>', 'big:1'],
		);
		state = after(state, 'o');
		assert.equal(state.resources.views.images.sort.key, 'size');
		assert.deepEqual(
			visibleResources(state.resources, 'images').map((row) => row.reference),
			['big:1', '<none>:<none>'],
		);
		assert.equal(state.ui.sort.key, 'state');
		assert.equal(state.resources.views.networks.sort.key, 'name');
	});

	it('refuses to remove a built-in network, with the reason', () => {
		const state = after(withResources(), '4');
		assert.equal(dialogOf(press(state, 'd'))?.kind, 'removeResource');
		const effects = press(after(state, 'j'), 'd');
		assert.equal(dialogOf(effects), undefined);
		const status = effects.find((e) => e.type === 'dispatch' && e.action.type === 'ui/status');
		assert.match(JSON.stringify(status), /bridge is one of the engine's built-in networks/);
	});

	it('an image in use names its containers in the removal dialog, and f forces', () => {
		const state = after(after(after(withResources(), '2'), 'j'), 'd');
		assert.ok(state.ui.dialog?.kind === 'removeResource');
		assert.deepEqual(state.ui.dialog.target.usedBy, ['user']);
		assert.equal(state.ui.dialog.target.ref, 'big:1');
		assert.deepEqual(
			requests(press(state, 'f')).map((r) => r.kind === 'remove' && r.force),
			[true],
		);
	});

	it('P opens the prune preview from any pane; y on a ready preview confirms, n closes', () => {
		assert.deepEqual(requests(press(stateWith(fleet()), 'P')), [{kind: 'watch'}, {kind: 'prunePreview'}]);
		const ready = stateWith(fleet(), {
			type: 'ui/openDialog',
			dialog: {
				kind: 'prune',
				phase: 'ready',
				choices: defaultPruneChoices,
				snapshot,
				preview: prunePreview(snapshot, defaultPruneChoices),
			},
		});
		assert.deepEqual(requests(press(ready, 'y')), [{kind: 'pruneConfirm'}]);
		const toggled = after(after(ready, 'V'), 'w');
		assert.ok(toggled.ui.dialog?.kind === 'prune');
		assert.equal(toggled.ui.dialog.choices.volumes, true);
		assert.deepEqual(
			toggled.ui.dialog.preview?.items.map((item) => item.id),
			['c-exit', 'c-new', 'c-dead', 'a'.repeat(64), 'data', 'n-free'],
		);
		assert.equal(after(ready, 'n').ui.dialog, undefined);
	});
});

describe('Engine API mapping', () => {
	it('one image row per tag, <none> for dangling, with who uses it', () => {
		const rows = toImages(
			[
				{Id: 'sha256:1', RepoTags: ['a:1', 'a:2'], Size: 5, Created: 10},
				{Id: 'sha256:2', RepoTags: ['<none>:<none>'], Size: 6, Created: 20},
			],
			usage([{Id: 'x', Names: ['/web'], ImageID: 'sha256:1'}]),
		);
		assert.deepEqual(
			rows.map((row) => [row.reference, row.dangling, row.usedBy, row.tagCount]),
			[
				['a:1', false, ['web'], 2],
				['a:2', false, ['web'], 2],
				['<none>:<none>', true, [], 0],
			],
		);
	});

	it('volumes: anonymous by their 64-hex name, size from df, users from mounts', () => {
		const rows = toVolumes(
			[{Name: 'f'.repeat(64)}, {Name: 'data', Driver: 'local', Mountpoint: '/m'}],
			usage([{Id: 'x', Names: ['/db'], Mounts: [{Type: 'volume', Name: 'data'}]}]),
			new Map([['data', 42]]),
		);
		assert.deepEqual(
			rows.map((row) => [row.name.slice(0, 4), row.anonymous, row.size, row.usedBy]),
			[
				['ffff', true, undefined, []],
				['data', false, 42, ['db']],
			],
		);
	});

	it('the scope applies to kinds whose list understands it; container-only keys are refused, not ignored', () => {
		assert.deepEqual(scopeFor('images', {label: ['a=b']}), {label: ['a=b']});
		assert.deepEqual(scopeFor('volumes', {name: ['x']}), {name: ['x']});
		assert.ok('unscopable' in scopeFor('images', {name: ['x']}));
		assert.ok('unscopable' in scopeFor('networks', {status: ['running']}));
		// name= does apply to volumes and networks, so the images pane must not say it is for containers only.
		assert.deepEqual(scopeFor('images', {name: ['x']}), {
			unscopable: '--filter name does not apply to images, so no images are shown in this scope',
		});
	});

	it('container events outside the label scope are ignored', () => {
		const event = {Type: 'container', Action: 'create', Actor: {ID: 'x', Attributes: {team: 'web', name: 'x'}}};
		assert.equal(inLabelScope(event, {label: ['team=web']}), true);
		assert.equal(inLabelScope(event, {label: ['team']}), true);
		assert.equal(inLabelScope(event, {label: ['team=db']}), false);
		assert.equal(inLabelScope(event, {}), true);
	});

	it('events touch only the kinds they change', () => {
		assert.deepEqual(kindsTouched({Type: 'image', Action: 'untag'}), ['images']);
		assert.deepEqual(kindsTouched({Type: 'volume', Action: 'mount'}), []);
		assert.deepEqual(kindsTouched({Type: 'network', Action: 'connect'}), ['networks']);
		assert.deepEqual(kindsTouched({Type: 'container', Action: 'start'}), []);
		assert.deepEqual(kindsTouched({Type: 'container', Action: 'destroy'}), ['images', 'volumes', 'networks']);
	});
});
