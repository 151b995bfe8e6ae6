// The run / create form: its fields, what it checks before anything is sent (ports, names, the env and
// volume syntax, --rm with a restart policy), the spec it submits and the `docker run …` line under it.
import {choiceField, flagField, formValues, textField, type FormDialog, type FormField} from './form.js';
import {
	parseAll,
	parseEnv,
	parseLabel,
	parsePort,
	parseVolume,
	restartPolicies,
	runCommandLine,
	validContainerName,
	type RestartPolicy,
	type RunSpec,
} from './run-spec.js';
import {splitWords} from './shell-words.js';
import {scopeLabels} from './scope-labels.js';

export const runModes = ['create and start', 'create only'] as const;

/** The run form, on an image (from the images pane) or empty (the containers pane), with remembered values. */
export function runForm(
	image: string,
	remembered: Readonly<Record<string, string>> = {},
	images: readonly string[] = [],
): FormDialog {
	const value = (name: string, fallback = '') => remembered[name] ?? fallback;
	const fields: FormField[] = [
		textField('image', 'Image', image, 'the next-field key completes a local image'),
		textField('name', 'Name', ''),
		textField('command', 'Command', value('command'), 'words as in a shell; empty: the image’s CMD'),
		textField('ports', 'Ports (-p)', value('ports'), '8080:80 127.0.0.1:53:53/udp 9000-9002:9000-9002'),
		textField('env', 'Env (-e)', value('env'), 'K=V K2="with spaces"'),
		textField('volumes', 'Volumes (-v)', value('volumes'), '/host/dir:/data:ro name:/data /anon'),
		textField('network', 'Network', value('network')),
		choiceField('restart', 'Restart', restartPolicies, value('restart', 'no')),
		textField('labels', 'Labels (-l)', value('labels'), 'key=value …'),
		flagField('rm', 'Remove when it exits (--rm)', value('rm') === 'on'),
		flagField('it', 'Interactive with a TTY (-it)', value('it') === 'on'),
		choiceField('mode', 'Then', runModes, value('mode', runModes[0])),
	];
	return {
		kind: 'form',
		purpose: {type: 'run', images},
		title: image ? `Run ${image}` : 'Run a container',
		fields,
		focus: image ? 1 : 0,
		errors: {},
	};
}

/** What is kept per image for next time: everything but the image and the name. */
export function rememberedRunValues(form: FormDialog): Record<string, string> {
	const {image: _image, name: _name, ...rest} = formValues(form);
	return rest;
}

export type RunCheckContext = {
	/** Names of the containers dockpit knows of, to refuse a name in use before asking the engine. */
	readonly containerNames: ReadonlySet<string>;
	/** The --filter scope, as typed (label=…, name=…). */
	readonly scope: readonly string[];
};

export type RunCheck = {readonly spec?: RunSpec; readonly errors: Readonly<Record<string, string>>};

function words(text: string, field: string, errors: Record<string, string>): readonly string[] {
	const split = splitWords(text);
	if ('error' in split) {
		errors[field] = split.error;
		return [];
	}

	return split.words;
}

/** Checks every field; a spec only when nothing is wrong. Scope labels are added so the container shows. */
export function checkRunForm(form: FormDialog, context: RunCheckContext): RunCheck {
	const values = formValues(form);
	const errors: Record<string, string> = {};
	const image = values['image']!.trim();
	if (image === '') errors['image'] = 'which image? type its name (Tab completes)';
	const name = values['name']!.trim();
	if (name !== '' && !validContainerName(name))
		errors['name'] = `"${name}" is not a valid name: letters, digits, _ . - (not first)`;
	else if (name !== '' && context.containerNames.has(name))
		errors['name'] = `the name "${name}" is already in use by a container`;
	const command = words(values['command']!, 'command', errors);
	const ports = parseAll(words(values['ports']!, 'ports', errors), parsePort);
	if (ports.errors.length > 0) errors['ports'] = ports.errors.join('; ');
	const env = parseAll(words(values['env']!, 'env', errors), parseEnv);
	if (env.errors.length > 0) errors['env'] = env.errors.join('; ');
	const mounts = parseAll(words(values['volumes']!, 'volumes', errors), parseVolume);
	if (mounts.errors.length > 0) errors['volumes'] = mounts.errors.join('; ');
	const labels = parseAll(words(values['labels']!, 'labels', errors), parseLabel);
	if (labels.errors.length > 0) errors['labels'] = labels.errors.join('; ');
	const network = values['network']!.trim();
	if (/\s/.test(network)) errors['network'] = 'one network name';
	const restart = values['restart'] as RestartPolicy;
	const autoRemove = values['rm'] === 'on';
	if (autoRemove && restart !== 'no') errors['restart'] = '--rm and a restart policy conflict: choose one';
	const ports$ = ports.values.flat();
	const seen = new Set<string>();
	for (const port of ports$) {
		if (port.hostPort === undefined || port.hostPort.includes('-')) continue;
		const key = `${port.hostIp ?? ''}:${port.hostPort}/${port.protocol}`;
		if (seen.has(key)) errors['ports'] = `host port ${port.hostPort}/${port.protocol} is published twice`;
		seen.add(key);
	}

	if (Object.keys(errors).length > 0) return {errors};
	const spec: RunSpec = {
		image,
		...(name === '' ? {} : {name}),
		command,
		ports: ports$,
		env: env.values,
		mounts: mounts.values,
		...(network === '' ? {} : {network}),
		restart,
		labels: {...Object.fromEntries(labels.values), ...scopeLabels(context.scope).labels},
		autoRemove,
		interactive: values['it'] === 'on',
		start: values['mode'] === runModes[0],
	};
	return {spec, errors};
}

/** The command line under the form: what the fields say so far (an invalid field is left out). */
export function runPreview(form: FormDialog, context: RunCheckContext): string {
	const checked = checkRunForm(form, context);
	if (checked.spec) return runCommandLine(checked.spec);
	const values = formValues(form);
	return runCommandLine({
		image: values['image']!.trim() || 'IMAGE',
		command: [],
		ports: [],
		env: [],
		mounts: [],
		restart: 'no',
		labels: {},
		autoRemove: values['rm'] === 'on',
		interactive: values['it'] === 'on',
		start: values['mode'] === runModes[0],
	});
}

/** Tab on the image field: complete the typed prefix from local images (their common prefix, else the first). */
export function completeImage(typed: string, images: readonly string[]): string | undefined {
	const matches = images.filter((image) => image.startsWith(typed) && image !== typed);
	if (matches.length === 0 || images.includes(typed)) return undefined;
	let common = matches[0]!;
	for (const match of matches) while (!match.startsWith(common)) common = common.slice(0, -1);
	return common.length > typed.length ? common : matches[0];
}
