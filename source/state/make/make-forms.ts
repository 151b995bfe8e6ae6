// The forms besides run: stop with a timeout, commit, tag, network and volume create, connect and
// disconnect, copy, build. Each has a purpose, a constructor, a check that turns it into a request (or
// field errors), and the docker CLI line that does the same, shown under it.
import {choiceField, flagField, formValues, textField, type FormDialog} from './form.js';
import {referenceProblem, splitReference, type CopyDirection, type MakeRequest} from './make-request.js';
import {parseAll, parseLabel} from './run-spec.js';
import {quoteWord, splitWords} from './shell-words.js';
import {scopeLabels} from './scope-labels.js';
import type {ContainerOp} from '../core/model.js';

export type FormPurpose =
	/** `images`: every local image reference (not only those in scope), for the image field's completion. */
	| {readonly type: 'run'; readonly images: readonly string[]}
	| {readonly type: 'stop'; readonly id: string; readonly name: string}
	| {readonly type: 'commit'; readonly id: string; readonly name: string}
	| {readonly type: 'tag'; readonly source: string}
	| {readonly type: 'createNetwork'}
	| {readonly type: 'createVolume'}
	| {readonly type: 'connect' | 'disconnect'; readonly networkId: string; readonly networkName: string}
	| {readonly type: 'copy'; readonly id: string; readonly name: string}
	| {readonly type: 'build'};

/** What a checked form asks for: a container operation, a make request, or errors per field. */
export type FormOutcome =
	{readonly op: ContainerOp} | {readonly request: MakeRequest} | {readonly errors: Readonly<Record<string, string>>};

const form = (purpose: FormPurpose, title: string, fields: FormDialog['fields']): FormDialog => ({
	kind: 'form',
	purpose,
	title,
	fields,
	focus: 0,
	errors: {},
});

export const stopForm = (id: string, name: string): FormDialog =>
	form({type: 'stop', id, name}, `Stop ${name}`, [
		textField('timeout', 'Seconds before SIGKILL', '10', 'SIGTERM first; 0 kills at once'),
	]);

export const commitForm = (id: string, name: string): FormDialog =>
	form({type: 'commit', id, name}, `Commit ${name} to an image`, [
		textField('reference', 'Repository:tag', '', 'e.g. myapp:snapshot'),
		textField('message', 'Message', ''),
	]);

export const tagForm = (source: string): FormDialog =>
	form({type: 'tag', source}, `Tag ${source}`, [textField('reference', 'New tag', '', 'repository[:tag]')]);

export const createForm = (type: 'createNetwork' | 'createVolume'): FormDialog =>
	form({type}, type === 'createNetwork' ? 'Create a network' : 'Create a volume', [
		textField('name', 'Name', ''),
		textField('driver', 'Driver', type === 'createNetwork' ? 'bridge' : 'local'),
		textField('labels', 'Labels', '', 'key=value …'),
	]);

export const connectForm = (type: 'connect' | 'disconnect', networkId: string, networkName: string): FormDialog =>
	form(
		{type, networkId, networkName},
		type === 'connect' ? `Connect a container to ${networkName}` : `Disconnect a container from ${networkName}`,
		[textField('container', 'Container', '', 'its name or id')],
	);

export const copyDirections: readonly string[] = ['from the container to the host', 'from the host into the container'];

export const copyForm = (id: string, name: string): FormDialog =>
	form({type: 'copy', id, name}, `Copy files (docker cp) with ${name}`, [
		choiceField('direction', 'Direction', copyDirections),
		textField('containerPath', 'Path in the container', '', 'a file or a folder'),
		textField('hostPath', 'Path on the host', '', 'a file or a folder'),
		flagField('overwrite', 'Overwrite what is there'),
	]);

export const buildForm = (cwd: string): FormDialog =>
	form({type: 'build'}, 'Build an image from a Dockerfile', [
		textField('context', 'Context folder', cwd),
		textField('dockerfile', 'Dockerfile', 'Dockerfile', 'relative to the context'),
		textField('tag', 'Tag', '', 'repository[:tag]'),
		textField('buildArgs', 'Build args', '', 'K=V …'),
		textField('target', 'Target stage', '', 'optional'),
	]);

function keyValues(text: string, field: string, errors: Record<string, string>): Record<string, string> {
	const split = splitWords(text);
	if ('error' in split) {
		errors[field] = split.error;
		return {};
	}

	const parsed = parseAll(split.words, parseLabel);
	if (parsed.errors.length > 0) errors[field] = parsed.errors.join('; ');
	return Object.fromEntries(parsed.values);
}

const done = (errors: Record<string, string>, outcome: FormOutcome): FormOutcome =>
	Object.keys(errors).length > 0 ? {errors} : outcome;

/** Checks a form other than run (run-form.ts) and says what it asks for. */
export function checkForm(dialog: FormDialog, scope: readonly string[]): FormOutcome {
	const values = formValues(dialog);
	const errors: Record<string, string> = {};
	const {purpose} = dialog;
	switch (purpose.type) {
		case 'run':
			return {errors: {image: 'the run form is checked by run-form.ts'}};
		case 'stop': {
			const text = values['timeout']!.trim();
			if (!/^\d{1,5}$/.test(text)) errors['timeout'] = 'a whole number of seconds';
			return done(errors, {op: {kind: 'stop', id: purpose.id, name: purpose.name, timeout: Number(text)}});
		}

		case 'commit':
		case 'tag': {
			const reference = values['reference']!.trim();
			const problem = referenceProblem(reference);
			if (problem) errors['reference'] = problem;
			const {repository, tag} = splitReference(reference);
			if (purpose.type === 'tag') return done(errors, {request: {kind: 'tag', source: purpose.source, repository, tag}});
			return done(errors, {
				request: {kind: 'commit', id: purpose.id, name: purpose.name, repository, tag, message: values['message']!.trim()},
			});
		}

		case 'createNetwork':
		case 'createVolume': {
			const name = values['name']!.trim();
			if (purpose.type === 'createNetwork' && name === '') errors['name'] = 'a network needs a name';
			if (name !== '' && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) errors['name'] = `"${name}" is not a valid name`;
			const driver = values['driver']!.trim();
			if (driver === '') errors['driver'] = 'a driver, e.g. bridge or local';
			const labels = {...keyValues(values['labels']!, 'labels', errors), ...scopeLabels(scope).labels};
			return done(errors, {request: {kind: purpose.type, name, driver, labels}});
		}

		case 'connect':
		case 'disconnect': {
			const container = values['container']!.trim();
			if (container === '') errors['container'] = 'which container? its name or id';
			return done(errors, {
				request: {kind: purpose.type, networkId: purpose.networkId, networkName: purpose.networkName, container},
			});
		}

		case 'copy': {
			const containerPath = values['containerPath']!.trim();
			const hostPath = values['hostPath']!.trim();
			if (!containerPath.startsWith('/')) errors['containerPath'] = 'an absolute path in the container, e.g. /etc/hostname';
			if (hostPath === '') errors['hostPath'] = 'a path on the host';
			const direction: CopyDirection = values['direction'] === copyDirections[0] ? 'from-container' : 'to-container';
			const overwrite = values['overwrite'] === 'on';
			return done(errors, {
				request: {kind: 'copy', direction, id: purpose.id, name: purpose.name, containerPath, hostPath, overwrite},
			});
		}

		case 'build': {
			const context = values['context']!.trim();
			if (context === '') errors['context'] = 'the folder sent to the engine';
			const dockerfile = values['dockerfile']!.trim() || 'Dockerfile';
			const tag = values['tag']!.trim();
			if (tag !== '') {
				const problem = referenceProblem(tag);
				if (problem) errors['tag'] = problem;
			}

			const buildArgs = keyValues(values['buildArgs']!, 'buildArgs', errors);
			const target = values['target']!.trim();
			const labels = scopeLabels(scope).labels;
			return done(errors, {
				request: {kind: 'build', context, dockerfile, tag, buildArgs, ...(target === '' ? {} : {target}), labels},
			});
		}
	}
}

const line = (...words: readonly string[]): string => words.map(quoteWord).join(' ');

const labelWords = (labels: Readonly<Record<string, string>>, flag = '-l'): string[] =>
	Object.entries(labels).flatMap(([key, value]) => [flag, `${key}=${value}`]);

/** The docker CLI line that does what this form asks (forms other than run), or what it will once valid. */
export function formPreview(dialog: FormDialog, scope: readonly string[]): string {
	const outcome = checkForm(dialog, scope);
	const values = formValues(dialog);
	const {purpose} = dialog;
	if ('op' in outcome) return line('docker', 'stop', '-t', String(outcome.op.timeout ?? 10), outcome.op.name);
	if ('errors' in outcome) {
		const names: Record<FormPurpose['type'], string> = {
			run: 'docker run',
			stop: 'docker stop -t SECONDS',
			commit: 'docker commit CONTAINER REPOSITORY[:TAG]',
			tag: 'docker tag SOURCE TARGET[:TAG]',
			createNetwork: 'docker network create NAME',
			createVolume: 'docker volume create [NAME]',
			connect: 'docker network connect NETWORK CONTAINER',
			disconnect: 'docker network disconnect NETWORK CONTAINER',
			copy: 'docker cp SOURCE DESTINATION',
			build: 'docker build [-t TAG] CONTEXT',
		};
		return names[purpose.type];
	}

	const request = outcome.request;
	switch (request.kind) {
		case 'commit':
			return line(
				'docker',
				'commit',
				...(request.message ? ['-m', request.message] : []),
				request.name,
				`${request.repository}:${request.tag}`,
			);
		case 'tag':
			return line('docker', 'tag', request.source, `${request.repository}:${request.tag}`);
		case 'createNetwork':
			return line('docker', 'network', 'create', '-d', request.driver, ...labelWords(request.labels, '--label'), request.name);
		case 'createVolume':
			return line(
				'docker',
				'volume',
				'create',
				'-d',
				request.driver,
				...labelWords(request.labels, '--label'),
				...(request.name ? [request.name] : []),
			);
		case 'connect':
		case 'disconnect':
			return line('docker', 'network', request.kind, request.networkName, request.container);
		case 'copy': {
			const inside = `${request.name}:${request.containerPath}`;
			return request.direction === 'from-container'
				? line('docker', 'cp', inside, request.hostPath)
				: line('docker', 'cp', request.hostPath, inside);
		}

		case 'build':
			return line(
				'docker',
				'build',
				...(request.dockerfile === 'Dockerfile' ? [] : ['-f', request.dockerfile]),
				...(request.tag ? ['-t', request.tag] : []),
				...Object.entries(request.buildArgs).flatMap(([key, value]) => ['--build-arg', `${key}=${value}`]),
				...(request.target ? ['--target', request.target] : []),
				...labelWords(request.labels, '--label'),
				request.context,
			);
		default:
			return values['reference'] ?? '';
	}
}
