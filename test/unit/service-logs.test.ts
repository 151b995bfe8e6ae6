// Swarm service logs (issue 17): the engine's service-log frames with `details` (as engine 20.10 sent them
// on this machine) parsed into lines that know their task and node, the prefix they are shown with,
// hostile text made inert, and the key that opens them from the services and tasks panes.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer, initialAppState, type AppAction, type AppState} from '../../source/state/core/app.js';
import {routeKey, type Effect} from '../../source/state/input/input.js';
import {createKeyMap, defaultBindings} from '../../source/state/input/keymap.js';
import {createLogParser} from '../../source/docker/streams/log-parser.js';
import {logFileText} from '../../source/state/logs/log-lines.js';
import {linePrefix, targetName} from '../../source/state/logs/log-prefix.js';
import {logTargets} from '../../source/state/logs/log-targets.js';
import {
	originPrefix,
	parseDetails,
	serviceLogTarget,
	splitDetails,
	swarmLogTarget,
	taskLogTarget,
} from '../../source/state/logs/swarm-log-lines.js';
import {makeNode, makeService, makeTask, manager} from '../helpers/swarm-fixtures.js';

const keys = createKeyMap();
const readOnlyKeys = createKeyMap(defaultBindings, {readOnly: true});

function frame(type: number, text: string): Buffer {
	const payload = Buffer.from(text, 'utf8');
	const header = Buffer.alloc(8);
	header[0] = type;
	header.writeUInt32BE(payload.length, 4);
	return Buffer.concat([header, payload]);
}

// Ids and text as the manager of the private two-node swarm sent them (GET /services/{id}/logs with
// timestamps and details): one frame per line, attributes sorted by key, then the line.
const nodeA = '0gw0kkmmo72gn30cnz1muh6j8';
const nodeB = 'bcuq9ylwy203hjuu5nlo7mj8m';
const serviceId = '268tlwidxlwikx7yktcscqu8s';
const task2 = 'srr0lel0j4py4pfsfo7cslwzb';
const task1 = 'qyk7eo63s5wztle12l4jjrkfb';
const attrs = (node: string, task: string) =>
	`com.docker.swarm.node.id=${node},com.docker.swarm.service.id=${serviceId},com.docker.swarm.task.id=${task}`;
const seen = Buffer.concat([
	frame(1, `2026-12-02T04:20:18.955193997Z ${attrs(nodeA, task2)} slot 2 node ${nodeA} line 3\n`),
	frame(2, `2026-12-02T04:20:19.058286591Z ${attrs(nodeB, task1)} err 1 4\n`),
	frame(1, `2026-12-02T04:20:20.088416699Z ${attrs(nodeB, task1)} slot 1 node ${nodeB} line 5\n`),
]);

const target = serviceLogTarget(serviceId);

function parse(chunks: readonly Buffer[], tty = false) {
	const parser = createLogParser(target, tty, true);
	return [...chunks.flatMap((chunk) => parser.write(chunk)), ...parser.end()];
}

describe('service logs: the engine’s frames with details', () => {
	it('reads each line’s task and node from its attributes, and keeps the text and stream apart', () => {
		const lines = parse([seen]);
		assert.deepEqual(
			lines.map((line) => [line.stream, line.ts, line.text, line.origin]),
			[
				[
					'stdout',
					'2026-12-02T04:20:18.955193997Z',
					`slot 2 node ${nodeA} line 3`,
					{service: serviceId, task: task2, node: nodeA},
				],
				['stderr', '2026-12-02T04:20:19.058286591Z', 'err 1 4', {service: serviceId, task: task1, node: nodeB}],
				[
					'stdout',
					'2026-12-02T04:20:20.088416699Z',
					`slot 1 node ${nodeB} line 5`,
					{service: serviceId, task: task1, node: nodeB},
				],
			],
		);
		assert.ok(
			lines.every((line) => line.source === target),
			'every line belongs to the service target (its marks, its gaps)',
		);
	});

	it('gives the same lines however a split cuts the bytes', () => {
		const whole = parse([seen]);
		for (let at = 1; at < seen.length; at += 7) {
			assert.deepEqual(parse([seen.subarray(0, at), seen.subarray(at)]), whole, `split at byte ${at}`);
		}
	});

	it('reads a service with a terminal raw: no frames, lines ending \\r\\n', () => {
		const raw = Buffer.from(`2026-12-02T04:20:18.775583921Z ${attrs(nodeA, task2)} tty 3\r\n`);
		const [line] = parse([raw], true);
		assert.equal(line!.text, 'tty 3');
		assert.equal(line!.stream, 'tty');
		assert.equal(line!.origin?.task, task2);
	});

	it('takes a line without attributes (a leading space) or with none of a task as plain text', () => {
		assert.deepEqual(splitDetails(' hello world'), {text: 'hello world'});
		assert.deepEqual(splitDetails('not=an,attr list'), {text: 'not=an,attr list'});
		assert.deepEqual(splitDetails('plain text here'), {text: 'plain text here'});
		assert.equal(splitDetails('com.docker.swarm.node.id=n1 hi').origin, undefined, 'no task id, no origin');
		assert.deepEqual(parseDetails('a=x%2Cy,b=two+words,c=%zz'), {a: 'x,y', b: 'two words', c: '%zz'});
	});
});

describe('service logs: the prefix', () => {
	const web = makeService({id: serviceId, name: 'web'});
	const nodes = [makeNode({id: nodeA, hostname: 'vm'}), makeNode({id: nodeB, hostname: 'vm', role: 'worker'})];
	const tasks = [
		makeTask({id: task2, serviceId, slot: 2, nodeId: nodeA}),
		makeTask({id: task1, serviceId, slot: 1, nodeId: nodeB}),
	];
	const state = [
		{type: 'swarm/role', role: manager},
		{type: 'swarm/services', rows: [web]},
		{type: 'swarm/nodes', rows: nodes},
		{type: 'swarm/tasks', rows: tasks},
	].reduce(
		(state, action) => appReducer(state, action as AppAction),
		initialAppState({endpoint: 'unix:///tmp/swarm.sock', scope: []}),
	);

	it('names the task service.slot and the node by hostname, with the start of its id when two share one', () => {
		const prefix = linePrefix(state);
		assert.deepEqual(
			parse([seen]).map((line) => prefix(line)),
			['web.2@vm:0gw0k', 'web.1@vm:bcuq9', 'web.1@vm:bcuq9'],
		);
	});

	it('falls back to the start of the ids for a task, service or node the panes do not list yet', () => {
		const origin = {service: 'svcneverlisted0000000000', task: 'taskneverlisted000000000', node: 'nodeneverlisted000000000'};
		assert.equal(linePrefix(state)({...parse([seen])[0]!, origin}), 'svcneverlist.taskneve@nodeneverlis');
	});

	it('keeps the names a removed service’s lines were shown with', () => {
		const before = parse([seen]).map(linePrefix(state));
		const removed = linePrefix({...state, swarm: {...state.swarm, services: [], tasks: []}});
		assert.deepEqual(parse([seen]).map(removed), before);
		assert.equal(targetName({...state, swarm: {...state.swarm, services: []}}, serviceLogTarget(serviceId)), 'service web');
	});

	it('names the followed service or task in the title', () => {
		assert.equal(targetName(state, serviceLogTarget(serviceId)), 'service web');
		assert.equal(targetName(state, taskLogTarget(task1)), 'task web.1');
		assert.deepEqual(swarmLogTarget(taskLogTarget(task1)), {kind: 'task', id: task1});
		assert.equal(swarmLogTarget('4f3c2b1a0e9d'), undefined, 'a container id is no swarm target');
	});

	it('saves each line with its task and node', () => {
		const text = logFileText(parse([seen]), linePrefix(state), true);
		assert.equal(text.split('\n')[1], `2026-12-02T04:20:19.058286591Z web.1@vm:bcuq9 [stderr] err 1 4`);
	});
});

describe('service logs: hostile text', () => {
	it('makes escape sequences and controls in a line inert, and strips them from the ids', () => {
		const esc = '\u001B';
		const hostile = Buffer.concat([
			frame(
				1,
				`2026-12-02T04:20:18.955193997Z com.docker.swarm.node.id=n%1B%5D0%3Bpwned%07x,com.docker.swarm.service.id=${serviceId},com.docker.swarm.task.id=t%1B%5B2Jz ${esc}]52;c;aGk=${esc}\\clip ${esc}[2Jclear \u009B31mcsi\n`,
			),
		]);
		const [line] = parse([hostile]);
		assert.equal(line!.text, 'clip clear csi', 'OSC, CSI and C1 CSI are removed whole');
		assert.deepEqual(line!.origin, {service: serviceId, task: 't2Jz', node: 'n0pwnedx'});
		assert.ok(!/[\u0000-\u001F\u007F-\u009F]/.test(line!.text));
	});

	it('shows control characters in a hostname as visible placeholders, never as themselves', () => {
		const prefix = originPrefix(
			{service: serviceId, task: task1, node: nodeA},
			{service: () => 'web', slot: () => 1, node: () => `evil\u001B]0;title\u0007`},
		);
		assert.equal(prefix, 'web.1@evil␛]0;title␇');
	});
});

describe('service logs: the key', () => {
	const web = makeService({id: serviceId, name: 'web'});
	const task = makeTask({id: task1, serviceId, slot: 1, nodeId: nodeB});
	const base = [
		{type: 'swarm/role', role: manager},
		{type: 'swarm/services', rows: [web]},
		{type: 'swarm/tasks', rows: [task]},
	].reduce(
		(state, action) => appReducer(state, action as AppAction),
		initialAppState({endpoint: 'unix:///tmp/swarm.sock', scope: []}),
	);
	const on = (pane: 'services' | 'tasks'): AppState => appReducer(base, {type: 'ui/pane', pane});
	const run = (state: AppState, name: string, keyMap = keys): {state: AppState; effects: Effect[]} => {
		const effects = routeKey(state, {name, text: name}, keyMap);
		for (const effect of effects) if (effect.type === 'dispatch') state = appReducer(state, effect.action);
		return {state, effects};
	};

	it('l on the services pane opens the service’s logs, focused', () => {
		const {state} = run(on('services'), 'l');
		assert.deepEqual(state.logs.targets, [target]);
		assert.equal(state.ui.panel, 'logs');
		assert.equal(state.logs.focused, true);
	});

	it('l on the tasks pane opens that task’s logs only', () => {
		const {state} = run(on('tasks'), 'l');
		assert.deepEqual(state.logs.targets, [taskLogTarget(task1)]);
	});

	it('works in read-only mode: reading logs changes nothing', () => {
		const {state, effects} = run(on('services'), 'l', readOnlyKeys);
		assert.deepEqual(state.logs.targets, [target]);
		assert.ok(!effects.some((effect) => effect.type === 'dispatch' && effect.action.type === 'ui/status'));
	});

	it('l typed into the services filter is text, not the logs', () => {
		let {state} = run(on('services'), '/');
		({state} = run(state, 'l'));
		assert.equal(state.swarm.views.services.filter.value, 'l');
		assert.equal(state.ui.panel, 'none');
	});

	it('Enter on a service still shows its tasks while the logs pane is open unfocused', () => {
		let {state} = run(on('services'), 'l');
		({state} = run(state, 'escape'));
		assert.equal(state.logs.focused, false);
		({state} = run(state, 'enter'));
		assert.equal(state.ui.pane, 'tasks');
		assert.equal(state.swarm.tasksOf?.id, serviceId);
		assert.deepEqual(logTargets(state), [taskLogTarget(task1)], 'unfocused, the pane follows the tasks pane’s selection');
	});
});
