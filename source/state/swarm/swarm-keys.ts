// The swarm panes' rows of the key table: switching to them, and the actions on services and nodes.
// keymap.ts splices these into defaultBindings; every action that changes the swarm is marked `mutates`,
// so read-only mode refuses it like any other.
import type {BindingOf, Scope} from '../input/binding.js';

export type SwarmCommand =
	| 'paneServices'
	| 'paneTasks'
	| 'paneNodes'
	| 'serviceTasks'
	| 'scale'
	| 'forceUpdate'
	| 'rollback'
	| 'removeService'
	| 'allTasks'
	| 'nodeActive'
	| 'nodePause'
	| 'nodeDrain';

/** The logs pane's own command, bound on the services and tasks panes to open a service's or a task's logs. */
type Binding = BindingOf<SwarmCommand | 'logs'>;

const row = (
	command: SwarmCommand | 'logs',
	keys: readonly string[],
	scope: Scope,
	label: string,
	description: string,
	options: {mutates?: boolean; footer?: boolean} = {},
): Binding => ({command, keys, scope, label, description, mutates: options.mutates ?? false, footer: options.footer ?? false});

/** Pane switching, beside 1–5; the panes exist only when the engine is a swarm manager. */
export const swarmPaneBindings: readonly Binding[] = [
	row('paneServices', ['6'], 'global', 'services', 'Show the swarm services pane (on a swarm manager)'),
	row('paneTasks', ['7'], 'global', 'tasks', 'Show the swarm tasks pane: the selected service’s tasks, or all'),
	row('paneNodes', ['8'], 'global', 'nodes', 'Show the swarm nodes pane'),
];

export const swarmActionBindings: readonly Binding[] = [
	row('serviceTasks', ['enter'], 'services', 'tasks', "Show the selected service's tasks", {footer: true}),
	row('scale', ['s'], 'services', 'scale', 'Scale the selected service: type the number of replicas', {
		mutates: true,
		footer: true,
	}),
	row('forceUpdate', ['r'], 'services', 'restart', 'Rolling restart: update the service with force, task by task', {
		mutates: true,
		footer: true,
	}),
	row('rollback', ['b'], 'services', 'roll back', 'Roll the service back to its previous spec', {mutates: true, footer: true}),
	row('removeService', ['d'], 'services', 'remove', 'Remove the selected service (asks first, listing its tasks)', {
		mutates: true,
		footer: true,
	}),
	// Reading logs changes nothing: read-only mode allows it.
	row('logs', ['l'], 'services', 'logs', "Open the service's logs: every task's lines interleaved, each with its task and node", {
		footer: true,
	}),
	row('logs', ['l'], 'tasks', 'logs', "Open the selected task's logs, with its node", {footer: true}),
	row('allTasks', ['a'], 'tasks', 'all', "Show every service's tasks, or again only the chosen service's", {footer: true}),
	row('nodeActive', ['a'], 'nodes', 'active', 'Set the selected node active: it takes tasks again', {
		mutates: true,
		footer: true,
	}),
	row('nodePause', ['p'], 'nodes', 'pause', 'Pause the selected node: its tasks stay, no new ones come', {
		mutates: true,
		footer: true,
	}),
	row('nodeDrain', ['d'], 'nodes', 'drain', 'Drain the selected node: its tasks move to other nodes (asks first)', {
		mutates: true,
		footer: true,
	}),
];
