// Making things' rows of the key table: the keys that open a form in the containers and resource panes,
// the kill and remove dialogs' options, and the keys of a form. keymap.ts splices these in.
import type {BindingOf, Scope} from '../input/binding.js';

export type MakeCommand =
	| 'new'
	| 'stopWith'
	| 'startAttach'
	| 'commit'
	| 'copy'
	| 'build'
	| 'tag'
	| 'untag'
	| 'connect'
	| 'disconnect'
	| 'signal'
	| 'volumes'
	| 'nextField'
	| 'previousField'
	| 'toggleField';

type MakeRowCommand = MakeCommand | 'submit' | 'back' | 'clearInput';

const row = (
	command: MakeRowCommand,
	keys: readonly string[],
	scope: Scope,
	label: string,
	description: string,
	options: {mutates?: boolean; footer?: boolean} = {},
): BindingOf<MakeRowCommand> => ({
	command,
	keys,
	scope,
	label,
	description,
	mutates: options.mutates ?? false,
	footer: options.footer ?? false,
});

/** Rows of the containers pane, placed after its other actions. */
export const makeContainerBindings = [
	row('new', ['n'], 'containers', 'new…', 'Run or create a container: a form (image with completion, ports, env, volumes…)', {
		mutates: true,
		footer: true,
	}),
	row('stopWith', ['W'], 'containers', 'stop -t', 'Stop the selected container after a timeout you choose', {mutates: true}),
	row(
		'startAttach',
		['U'],
		'containers',
		'start -ai',
		'Start the selected stopped container and attach to it (docker start -ai)',
		{
			mutates: true,
		},
	),
	row('commit', ['C'], 'containers', 'commit', 'Commit the selected container to an image (repository:tag, message)', {
		mutates: true,
	}),
	row('copy', ['F'], 'containers', 'copy files', 'Copy files or folders between the container and the host (docker cp)', {
		mutates: true,
	}),
] as const;

/** Rows of the images, volumes and networks panes. */
export const makeResourceBindings = [
	row('new', ['n'], 'resources', 'new…', 'Images: run the selected image (form); volumes, networks: create one', {
		mutates: true,
		footer: true,
	}),
	row('build', ['b'], 'resources', 'build', 'Images: build an image from a Dockerfile, output shown live', {
		mutates: true,
		footer: true,
	}),
	row('tag', ['t'], 'resources', 'tag', 'Images: add a tag to the selected image', {mutates: true}),
	row('untag', ['T'], 'resources', 'untag', 'Images: remove the selected tag while the image keeps another', {mutates: true}),
	row('connect', ['+'], 'resources', 'connect', 'Networks: connect a container to the selected network', {mutates: true}),
	row('disconnect', ['-'], 'resources', 'disconnect', 'Networks: disconnect a container from the selected network', {
		mutates: true,
	}),
] as const;

/** Options inside the kill and remove dialogs. */
export const makeConfirmBindings = [
	row(
		'signal',
		['s'],
		'confirm',
		'signal',
		'Kill dialog: the next signal (SIGKILL, SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2)',
	),
	row('volumes', ['v'], 'confirm', 'volumes', 'Remove dialog: remove its anonymous volumes too (docker rm -v), or keep them'),
] as const;

/** Keys of a form (run, stop, commit, tag, create, connect, copy, build) and of the build pane. */
export const makeFormBindings = [
	row(
		'nextField',
		['tab', 'down'],
		'form',
		'next field',
		'Next field ({form.nextField} on the run form’s image field completes the name first)',
	),
	row('previousField', ['shift+tab', 'up'], 'form', 'prev field', 'Previous field'),
	row('toggleField', ['space'], 'form', 'switch', 'Switch a choice or a flag field (← → too)'),
	row('submit', ['enter'], 'form', 'run', 'Check the form and do it; a wrong field is marked and nothing is sent'),
	row('clearInput', ['ctrl+u'], 'form', 'clear', 'Clear the field'),
	row('back', ['escape'], 'form', 'cancel', 'Cancel; nothing is sent (the build pane: close it)'),
] as const;

/** The kill dialog's signals, SIGKILL first as the engine's default. */
export const killSignals = ['SIGKILL', 'SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'] as const;
