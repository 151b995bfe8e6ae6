// The swarm panes' pure parts (issue 17): the Engine API's services, tasks and nodes as rows, replicas and
// update states, a failing task and its restarts, nodes told apart by id, sort and filter, and the keys:
// scale typed as a number, drain and remove asking first with the tasks they stop, a worker saying so.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer, initialAppState, type AppAction, type AppState} from '../../source/state/core/app.js';
import {routeKey, type Effect} from '../../source/state/input/input.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {toNode, toRole, toService, toTask, serviceFilters} from '../../source/docker/swarm.js';
import {swarmCells} from '../../source/state/swarm/swarm-columns.js';
import {nodeNames, replicasText, swarmSelection, updateText, visibleSwarmRows} from '../../source/state/swarm/swarm-view.js';
import {swarmFeedActions} from '../../source/session/swarm-actions.js';
import {makeNode, makeService, makeTask, manager} from '../helpers/swarm-fixtures.js';
import {NOW} from '../helpers/fixtures.js';

const keys = createKeyMap();

const stateWith = (...actions: AppAction[]): AppState =>
	actions.reduce(appReducer, initialAppState({endpoint: 'unix:///tmp/swarm.sock', scope: []}));

function press(state: AppState, ...names: string[]): {state: AppState; effects: Effect[]} {
	let effects: Effect[] = [];
	for (const name of names) {
		effects = routeKey(state, {name, text: name.length === 1 ? name : ''}, keys);
		for (const effect of effects) if (effect.type === 'dispatch') state = appReducer(state, effect.action);
	}

	return {state, effects};
}

const statusOf = (effects: readonly Effect[]): string | undefined =>
	effects.flatMap((effect) =>
		effect.type === 'dispatch' && effect.action.type === 'ui/status' ? [effect.action.status?.text] : [],
	)[0];

describe('swarm: the Engine API as rows', () => {
	it('reads a service: mode, running/desired from ServiceStatus, ports, update state, stack', () => {
		const service = toService({
			ID: 'abc',
			Version: {Index: 42},
			CreatedAt: '2026-01-15T11:00:00Z',
			Spec: {
				Name: 'shop_web',
				Labels: {'com.docker.stack.namespace': 'shop'},
				Mode: {Replicated: {Replicas: 6}},
				TaskTemplate: {ContainerSpec: {Image: 'web:1@sha256:' + 'a'.repeat(64)}},
			},
			Endpoint: {Ports: [{Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress'}]},
			UpdateStatus: {State: 'rollback_completed', Message: 'rollback completed'},
			ServiceStatus: {RunningTasks: 3, DesiredTasks: 6},
		});
		assert.equal(service.name, 'shop_web');
		assert.equal(service.stack, 'shop');
		assert.equal(service.mode, 'replicated');
		assert.equal(replicasText(service), '3/6');
		assert.deepEqual(service.ports, ['*:8080->80/tcp']);
		assert.equal(updateText(service), 'rolled back');
		assert.equal(service.version, 42);
		assert.equal(swarmCells('services', service, NOW)[4], 'web:1', 'the image without its pinned digest');
	});

	it('reads a global service and a host-mode port', () => {
		const service = toService({
			ID: 'g',
			Spec: {Name: 'agent', Mode: {Global: {}}, EndpointSpec: {Ports: [{TargetPort: 9100, PublishMode: 'host'}]}},
			ServiceStatus: {RunningTasks: 2, DesiredTasks: 2},
		});
		assert.equal(service.mode, 'global');
		assert.deepEqual(service.ports, ['9100/tcp (host)']);
	});

	it('sanitises engine text: a service name with escape sequences arrives inert', () => {
		const service = toService({ID: 'x', Spec: {Name: 'evil\u001B[2Jname'}});
		assert.ok(!service.name.includes('\u001B'));
	});

	it('reads a failed task with its error and exit code; a running one has no exit code', () => {
		const failed = toTask({
			ID: 't1',
			ServiceID: 's',
			Slot: 2,
			NodeID: 'n1',
			DesiredState: 'shutdown',
			CreatedAt: '2026-01-15T11:59:00Z',
			Status: {State: 'failed', Err: 'task: non-zero exit (3)', ContainerStatus: {ContainerID: 'c', ExitCode: 3}},
		});
		assert.equal(failed.state, 'failed');
		assert.equal(failed.error, 'task: non-zero exit (3)');
		assert.equal(failed.exitCode, 3);
		const running = toTask({ID: 't2', ServiceID: 's', Slot: 1, Status: {State: 'running', ContainerStatus: {ExitCode: 0}}});
		assert.equal(running.exitCode, undefined);
	});

	it('reads nodes: role, availability, leader, and a worker with no manager status', () => {
		const leader = toNode({
			ID: 'n1',
			Spec: {Role: 'manager', Availability: 'active', Labels: {zone: 'a'}},
			Description: {Hostname: 'vm', Engine: {EngineVersion: '20.10.24'}},
			Status: {State: 'ready', Addr: '127.0.0.1'},
			ManagerStatus: {Leader: true, Reachability: 'reachable'},
		});
		assert.equal(leader.managerStatus, 'leader');
		assert.deepEqual(leader.labels, {zone: 'a'});
		const worker = toNode({ID: 'n2', Spec: {Role: 'worker', Availability: 'drain'}, Status: {State: 'down'}});
		assert.equal(worker.managerStatus, undefined);
		assert.equal(worker.availability, 'drain');
	});

	it('knows a manager from /info, and a worker or an engine outside any swarm', () => {
		assert.equal(toRole({Swarm: {LocalNodeState: 'active', ControlAvailable: true, NodeID: 'n1'}}).manager, true);
		assert.equal(toRole({Swarm: {LocalNodeState: 'active', ControlAvailable: false}}).manager, false);
		assert.equal(toRole({Swarm: {LocalNodeState: 'inactive'}}).manager, false);
		assert.equal(toRole({}).localState, 'inactive');
	});

	it('scopes services by label and name, and says when a --filter key cannot scope them', () => {
		assert.deepEqual(serviceFilters({label: ['a=b']}), {filters: {label: ['a=b']}});
		assert.match((serviceFilters({status: ['running']}) as {unscopable: string}).unscopable, /status/);
	});
});

describe('swarm: the panes', () => {
	const web = makeService();
	const api = makeService({id: 'svc-api', name: 'shop_api', stack: 'shop', running: 1, desired: 2});
	const nodeA = makeNode();
	const nodeB = makeNode({id: 'dkeulecglwgx68xnh9lh1eddg', role: 'worker', managerStatus: undefined});
	const running = makeTask();
	const failedBefore = makeTask({
		id: 'task-0',
		state: 'failed',
		desired: 'shutdown',
		error: 'boom',
		exitCode: 3,
		createdAt: NOW - 120_000,
	});
	const onB = makeTask({id: 'task-2', slot: 2, nodeId: nodeB.id});
	const base = stateWith(
		{type: 'swarm/role', role: manager},
		{type: 'swarm/services', rows: [web, api]},
		{type: 'swarm/nodes', rows: [nodeA, nodeB]},
		{type: 'swarm/tasks', rows: [running, failedBefore, onB]},
	);

	it('names two nodes with one hostname by hostname and id', () => {
		const names = nodeNames([nodeA, nodeB]);
		assert.notEqual(names.get(nodeA.id), names.get(nodeB.id));
		assert.equal(names.get(nodeA.id), 'vm:lebb2');
		assert.equal(nodeNames([nodeA]).get(nodeA.id), 'vm');
	});

	it('shows a failing task as failing, with the restarts of its slot and its error', () => {
		const rows = visibleSwarmRows(base.swarm, 'tasks');
		const failed = rows.find((row) => row.id === 'task-0')!;
		assert.equal(failed.failing, true);
		assert.equal(failed.restarts, 1, 'slot 1 was started twice');
		assert.equal(failed.name, 'web.1');
		const cells = swarmCells('tasks', failed, NOW);
		assert.ok(cells.includes('failed') && cells.includes('3') && cells.includes('boom'));
		assert.equal(rows.find((row) => row.id === running.id)!.failing, false);
	});

	it('counts the tasks that should run on each node', () => {
		const nodes = new Map(visibleSwarmRows(base.swarm, 'nodes').map((node) => [node.id, node.tasks]));
		assert.equal(nodes.get(nodeA.id), 1, 'its running task; the failed one is not counted');
		assert.equal(nodes.get(nodeB.id), 1);
	});

	it('groups services by stack first, and filters by every word typed', () => {
		assert.deepEqual(
			visibleSwarmRows(base.swarm, 'services').map((service) => service.name),
			['web', 'shop_api'],
			'no stack sorts before "shop"',
		);
		const {state} = press(
			stateWith(
				{type: 'swarm/services', rows: [web, api]},
				{type: 'swarm/role', role: manager},
				{type: 'ui/pane', pane: 'services'},
			),
			'/',
			's',
			'h',
			'o',
			'p',
			'enter',
		);
		assert.deepEqual(
			visibleSwarmRows(state.swarm, 'services').map((service) => service.name),
			['shop_api'],
		);
	});

	it('Enter on a service shows its tasks only; a shows every task again', () => {
		let {state} = press(appReducer(base, {type: 'ui/pane', pane: 'services'}), 'enter');
		assert.equal(state.ui.pane, 'tasks');
		assert.equal(state.swarm.tasksOf?.name, 'web');
		assert.ok(visibleSwarmRows(state.swarm, 'tasks').every((task) => task.serviceName === 'web'));
		({state} = press(state, 'a'));
		assert.equal(state.swarm.tasksOf, undefined);
	});

	it('scales to the number typed, and only to a number', () => {
		const start = appReducer(base, {type: 'ui/pane', pane: 'services'});
		let {state, effects} = press(start, 's', 'ctrl+u', 'x', '6');
		assert.equal(state.swarm.dialog?.kind === 'scale' && state.swarm.dialog.editor.value, '6', 'a letter is not typed');
		({state, effects} = press(state, 'enter'));
		assert.deepEqual(
			effects.find((effect) => effect.type === 'swarm'),
			{type: 'swarm', request: {kind: 'op', op: {kind: 'scale', id: web.id, name: 'web', replicas: 6}}},
		);
		assert.equal(state.swarm.dialog, undefined);
	});

	it('asks before removing a service, listing its tasks; n leaves it', () => {
		let {state, effects} = press(appReducer(base, {type: 'ui/pane', pane: 'services'}), 'd');
		assert.equal(state.swarm.dialog?.kind, 'confirm');
		assert.deepEqual(
			state.swarm.dialog?.kind === 'confirm' ? state.swarm.dialog.tasks.map((task) => task.id).sort() : [],
			[running.id, onB.id].sort(),
		);
		({state, effects} = press(state, 'n'));
		assert.ok(!effects.some((effect) => effect.type === 'swarm'));
		assert.equal(state.swarm.dialog, undefined);
		({state, effects} = press(state, 'd', 'y'));
		assert.ok(
			effects.some(
				(effect) => effect.type === 'swarm' && effect.request.kind === 'op' && effect.request.op.kind === 'removeService',
			),
		);
	});

	it('drains a node only after asking; pause and active act at once', () => {
		const nodes = appReducer(base, {type: 'ui/pane', pane: 'nodes'});
		const asked = press(nodes, 'd').state;
		assert.equal(asked.swarm.dialog?.kind, 'confirm');
		let {effects} = press(asked, 'y');
		assert.ok(
			effects.some(
				(effect) => effect.type === 'swarm' && effect.request.kind === 'op' && effect.request.op.kind === 'availability',
			),
		);
		({effects} = press(nodes, 'p'));
		assert.ok(
			effects.some(
				(effect) =>
					effect.type === 'swarm' &&
					effect.request.kind === 'op' &&
					effect.request.op.kind === 'availability' &&
					effect.request.op.availability === 'pause',
			),
		);
	});

	it('keeps the selection on the same service when the list re-sorts', () => {
		let {state} = press(appReducer(base, {type: 'ui/pane', pane: 'services'}), 'j');
		assert.equal(swarmSelection(state.swarm, 'services').row?.id, api.id);
		state = appReducer(state, {type: 'swarm/services', rows: [api, web, makeService({id: 'svc-0', name: 'a'})]});
		assert.equal(swarmSelection(state.swarm, 'services').row?.id, api.id);
	});
});

describe('swarm: a worker or an engine outside a swarm', () => {
	it('6 on a worker says it is not a manager and stays on the containers', () => {
		const worker = stateWith({type: 'swarm/role', role: {localState: 'active', manager: false}});
		const {state, effects} = press(worker, '6');
		assert.equal(state.ui.pane, 'containers');
		assert.match(statusOf(effects) ?? '', /swarm worker/);
	});

	it('Tab cycles through the swarm panes only on a manager', () => {
		let state = stateWith({type: 'ui/pane', pane: 'events'});
		({state} = press(state, 'tab'));
		assert.equal(state.ui.pane, 'containers');
		state = appReducer(appReducer(state, {type: 'swarm/role', role: manager}), {type: 'ui/pane', pane: 'events'});
		({state} = press(state, 'tab'));
		assert.equal(state.ui.pane, 'services');
	});

	it('the feed events become swarm actions', () => {
		assert.deepEqual(swarmFeedActions({type: 'role', role: manager}), [{type: 'swarm/role', role: manager}]);
		assert.deepEqual(swarmFeedActions({type: 'nodes', rows: []}), [{type: 'swarm/nodes', rows: []}]);
	});
});
