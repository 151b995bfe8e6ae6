// Keys of making things: the commands that open a form (containers and resource panes), and the keys
// while a form or the build pane is open. input.ts and resource-input.ts ask here.
import {selection, type AppState} from '../core/app.js';
import {dispatch, say, type Effect} from '../input/effect.js';
import type {Command, KeyMap} from '../input/keymap.js';
import type {KeyPress} from '../input/keys.js';
import {resourceSelection} from '../resources/resource-view.js';
import type {Image, Network, ResourcePane} from '../resources/resource-types.js';
import {focusedField, type FormAction, type FormDialog} from './form.js';
import {buildForm, checkForm, commitForm, connectForm, copyForm, createForm, stopForm, tagForm} from './make-forms.js';
import type {MakeRequest} from './make-request.js';
import {checkRunForm, completeImage, rememberedRunValues} from './run-form.js';
import type {BuildLogDialog} from './build-log.js';

const make = (request: MakeRequest): Effect => ({type: 'make', request});
const open = (dialog: FormDialog): Effect => dispatch({type: 'ui/openDialog', dialog});
const formAction = (action: FormAction): Effect => dispatch({type: 'ui/form', action});
const close = dispatch({type: 'ui/closeDialog'});

/** Containers-pane commands of this module; undefined when the command is not one of them. */
export function makeContainerCommand(state: AppState, command: Command): Effect[] | undefined {
	if (command === 'new') return [make({kind: 'openRun'})];
	if (command !== 'stopWith' && command !== 'startAttach' && command !== 'commit' && command !== 'copy') return undefined;
	const {container} = selection(state);
	if (!container) return [say('No container selected', 'error')];
	const {id, name} = container;
	switch (command) {
		case 'stopWith':
			return [open(stopForm(id, name))];
		case 'commit':
			return [open(commitForm(id, name))];
		case 'copy':
			return [open(copyForm(id, name))];
		default:
			if (container.state === 'running' || container.state === 'paused' || container.state === 'restarting') {
				return [say(`${name} is already running: attach to it instead`, 'error')];
			}

			return [{type: 'exec', request: {kind: 'attach', id, name, start: true}}];
	}
}

/** Resource-pane commands of this module (run, build, tag, untag, create, connect, disconnect). */
export function makeResourceCommand(state: AppState, pane: ResourcePane, command: Command): Effect[] | undefined {
	const {row} = resourceSelection(state.resources, pane);
	if (command === 'new') {
		if (pane === 'volumes') return [open(createForm('createVolume'))];
		if (pane === 'networks') return [open(createForm('createNetwork'))];
		const image = row as Image | undefined;
		if (!image) return [say('No image selected', 'error')];
		return [make({kind: 'openRun', image: image.dangling ? image.id : image.reference})];
	}

	const only = (wanted: ResourcePane, what: string): Effect[] => [say(`${what} works in the ${wanted} pane`, 'error')];
	switch (command) {
		case 'build':
			return pane === 'images' ? [open(buildForm('.'))] : only('images', 'Build');
		case 'tag': {
			if (pane !== 'images') return only('images', 'Tag');
			const image = row as Image | undefined;
			if (!image) return [say('No image selected', 'error')];
			return [open(tagForm(image.dangling ? image.id : image.reference))];
		}

		case 'untag': {
			if (pane !== 'images') return only('images', 'Untag');
			const image = row as Image | undefined;
			if (!image) return [say('No image selected', 'error')];
			if (image.dangling) return [say('This image has no tag to remove', 'error')];
			if (image.tagCount <= 1) {
				return [say(`${image.reference} is the image's only tag: untagging would delete it; remove it instead`, 'error')];
			}

			return [make({kind: 'untag', reference: image.reference})];
		}

		case 'connect':
		case 'disconnect': {
			if (pane !== 'networks') return only('networks', command === 'connect' ? 'Connect' : 'Disconnect');
			const network = row as Network | undefined;
			if (!network) return [say('No network selected', 'error')];
			return [open(connectForm(command, network.id, network.name))];
		}

		default:
			return undefined;
	}
}

function submit(state: AppState, dialog: FormDialog): Effect[] {
	if (dialog.purpose.type === 'run') {
		const names = new Set(Object.values(state.containers.byId).map((container) => container.name));
		const checked = checkRunForm(dialog, {containerNames: names, scope: state.engine.scope});
		if (!checked.spec) return refuse(checked.errors);
		// The form stays open while the session checks bind paths and the name on the engine; it closes on success.
		return [make({kind: 'run', spec: checked.spec, remember: rememberedRunValues(dialog)})];
	}

	const outcome = checkForm(dialog, state.engine.scope);
	if ('errors' in outcome) return refuse(outcome.errors);
	if ('op' in outcome) return [close, {type: 'run', op: outcome.op}];
	return [close, make(outcome.request)];
}

function refuse(errors: Readonly<Record<string, string>>): Effect[] {
	const first = Object.values(errors)[0] ?? 'check the form';
	return [formAction({kind: 'errors', errors}), say(`Not sent: ${first}`, 'error')];
}

/** Keys while a form is open: fields, switches, completion, submit and cancel. */
export function routeFormKey(state: AppState, dialog: FormDialog, key: KeyPress, keys: KeyMap): Effect[] {
	const command = keys.lookup('form', key.name);
	const field = focusedField(dialog);
	switch (command) {
		case 'back':
			return [close, say(`${dialog.title}: cancelled, nothing was sent`)];
		case 'submit':
			return submit(state, dialog);
		case 'nextField': {
			if (
				dialog.purpose.type === 'run' &&
				field?.kind === 'text' &&
				field.name === 'image' &&
				key.name === keys.keysFor('nextField', 'form')[0]
			) {
				const completed = completeImage(field.editor.value, dialog.purpose.images);
				if (completed !== undefined) return [formAction({kind: 'set', name: 'image', value: completed})];
			}

			return [formAction({kind: 'focus', by: 1})];
		}

		case 'previousField':
			return [formAction({kind: 'focus', by: -1})];
		case 'clearInput':
			return [formAction({kind: 'edit', key: {name: 'ctrl+u', text: ''}})];
		default:
			break;
	}

	if (field && field.kind !== 'text') {
		if (command === 'toggleField' || key.name === 'right') return [formAction({kind: 'toggle', by: 1})];
		if (key.name === 'left') return [formAction({kind: 'toggle', by: -1})];
		return [];
	}

	return [formAction({kind: 'edit', key})];
}

/** Keys while the build pane is open: it closes once the build has ended; the build goes on if closed early. */
export function routeBuildLogKey(dialog: BuildLogDialog, key: KeyPress, keys: KeyMap): Effect[] {
	if (keys.lookup('result', key.name) !== 'close') return [];
	if (dialog.phase === 'running') return [close, say('The build goes on; its result will show here')];
	return [close];
}
