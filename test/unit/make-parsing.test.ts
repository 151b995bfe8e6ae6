// Making things, pure parts: -p, -e, -v, -l parsing, shell words, the run form's checks and its
// `docker run …` line, the other forms' requests, and the form's own edits.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parsePort, parseEnv, parseVolume, parseLabel, runCommandLine, type RunSpec} from '../../source/state/make/run-spec.js';
import {quoteWord, splitWords} from '../../source/state/make/shell-words.js';
import {checkRunForm, completeImage, runForm, runPreview, rememberedRunValues} from '../../source/state/make/run-form.js';
import {formReducer, type FormDialog} from '../../source/state/make/form.js';
import {checkForm, copyForm, createForm, formPreview, stopForm, tagForm, buildForm} from '../../source/state/make/make-forms.js';
import {referenceProblem, splitReference} from '../../source/state/make/make-request.js';
import {scopeLabels} from '../../source/state/make/scope-labels.js';
import {buildEventLines} from '../../source/state/make/build-log.js';

const ok = <T>(result: {value: T} | {error: string}): T => {
	assert.ok('value' in result, 'error' in result ? result.error : '');
	return result.value;
};

const error = (result: {value: unknown} | {error: string}): string => {
	assert.ok('error' in result, `expected an error, got ${JSON.stringify(result)}`);
	return result.error;
};

describe('parsePort (-p)', () => {
	it('reads container, host:container, ip:host:container and protocols', () => {
		assert.deepEqual(ok(parsePort('80')), [{containerPort: 80, protocol: 'tcp'}]);
		assert.deepEqual(ok(parsePort('8080:80')), [{containerPort: 80, protocol: 'tcp', hostPort: '8080'}]);
		assert.deepEqual(ok(parsePort('127.0.0.1:8080:80/udp')), [
			{containerPort: 80, protocol: 'udp', hostIp: '127.0.0.1', hostPort: '8080'},
		]);
		assert.deepEqual(ok(parsePort('127.0.0.1::80')), [{containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1'}]);
		assert.deepEqual(ok(parsePort('[::1]:53:53/udp')), [{containerPort: 53, protocol: 'udp', hostIp: '::1', hostPort: '53'}]);
	});

	it('expands equal ranges and lets a host range serve one container port', () => {
		assert.deepEqual(
			ok(parsePort('9000-9002:7000-7002')).map((port) => `${port.hostPort}:${port.containerPort}`),
			['9000:7000', '9001:7001', '9002:7002'],
		);
		assert.deepEqual(ok(parsePort('8000-8010:80')), [{containerPort: 80, protocol: 'tcp', hostPort: '8000-8010'}]);
	});

	it('refuses bad ports, protocols, addresses and unequal ranges, saying which', () => {
		assert.match(error(parsePort('70000:80')), /70000 is not between 1 and 65535/);
		assert.match(error(parsePort('abc')), /not a port/);
		assert.match(error(parsePort('80/icmp')), /tcp, udp or sctp/);
		assert.match(error(parsePort('1.2.3.999:80:80')), /not an IP address/);
		assert.match(error(parsePort('9000-9001:80-82')), /2 ports and the container range 3/);
		assert.match(error(parsePort('0:80')), /0 is not between/);
	});
});

describe('parseEnv, parseLabel, parseVolume', () => {
	it('env needs NAME=value', () => {
		assert.equal(ok(parseEnv('A=b=c')), 'A=b=c');
		assert.equal(ok(parseEnv('EMPTY=')), 'EMPTY=');
		assert.match(error(parseEnv('JUSTNAME')), /NAME=value/);
		assert.match(error(parseEnv('=x')), /NAME=value/);
	});

	it('labels are key[=value]', () => {
		assert.deepEqual(ok(parseLabel('a.b=c d')), ['a.b', 'c d']);
		assert.deepEqual(ok(parseLabel('flag')), ['flag', '']);
	});

	it('volumes: binds, named, anonymous, modes', () => {
		assert.deepEqual(ok(parseVolume('/srv/data:/data:ro')), {kind: 'bind', source: '/srv/data', target: '/data', mode: 'ro'});
		assert.deepEqual(ok(parseVolume('./here:/x')), {kind: 'bind', source: './here', target: '/x'});
		assert.deepEqual(ok(parseVolume('cache:/var/cache')), {kind: 'volume', name: 'cache', target: '/var/cache'});
		assert.deepEqual(ok(parseVolume('/anon')), {kind: 'anonymous', target: '/anon'});
		assert.match(error(parseVolume('data')), /must be absolute/);
		assert.match(error(parseVolume('/a:relative')), /must be absolute/);
		assert.match(error(parseVolume('/a:/b:bogus')), /unknown mode/);
		assert.match(error(parseVolume('bad name!:/b')), /neither a host path nor a volume name/);
	});
});

describe('shell words', () => {
	it('splits on spaces, keeps quoted text whole, and says when a quote is open', () => {
		assert.deepEqual(splitWords(`sh -c 'echo "hi there"' A="b c" x\\ y ""`), {
			words: ['sh', '-c', 'echo "hi there"', 'A=b c', 'x y', ''],
		});
		assert.deepEqual(splitWords('  '), {words: []});
		assert.deepEqual(splitWords('"open'), {error: 'a double quote is not closed'});
	});

	it('quotes only what needs it, so the words read back the same', () => {
		assert.equal(quoteWord('plain-word=1:2/3'), 'plain-word=1:2/3');
		assert.equal(quoteWord('two words'), `'two words'`);
		assert.equal(quoteWord(`it's`), `'it'\\''s'`);
		assert.deepEqual(splitWords(['a b', `it's`, ''].map(quoteWord).join(' ')), {words: ['a b', `it's`, '']});
	});
});

/** A run form with these values typed in. */
function filled(values: Record<string, string>, toggles: string[] = [], image = 'busybox:latest'): FormDialog {
	let form = runForm(image);
	for (const [name, value] of Object.entries(values)) form = formReducer(form, {kind: 'set', name, value});
	for (const name of toggles) {
		form = {...form, focus: form.fields.findIndex((field) => field.name === name)};
		form = formReducer(form, {kind: 'toggle', by: 1});
	}

	return form;
}

const context = {containerNames: new Set(['web']), scope: [] as string[]};

describe('the run form', () => {
	it('turns the fields into a spec and the docker run line that does the same', () => {
		const form = filled({
			name: 'api',
			command: `sh -c 'echo hi; sleep 9'`,
			ports: '8080:80 127.0.0.1:53:53/udp',
			env: 'A=1 B="two words"',
			volumes: '/srv:/data:ro cache:/cache',
			network: 'backend',
			labels: 'team=core',
		});
		const {spec, errors} = checkRunForm(form, context);
		assert.deepEqual(errors, {});
		assert.deepEqual(spec?.command, ['sh', '-c', 'echo hi; sleep 9']);
		assert.deepEqual(spec?.env, ['A=1', 'B=two words']);
		assert.equal(spec?.ports.length, 2);
		assert.equal(
			runCommandLine(spec!),
			`docker run -d --name api -p 8080:80 -p 127.0.0.1:53:53/udp -e A=1 -e 'B=two words' -v /srv:/data:ro -v cache:/cache --network backend -l team=core busybox:latest sh -c 'echo hi; sleep 9'`,
		);
	});

	it('marks a bad port, a name in use, --rm with a restart policy, and sends nothing', () => {
		let form = filled({name: 'web', ports: '99999:80'}, ['rm']);
		form = {...form, focus: form.fields.findIndex((field) => field.name === 'restart')};
		form = formReducer(form, {kind: 'toggle', by: 1});
		const {spec, errors} = checkRunForm(form, context);
		assert.equal(spec, undefined);
		assert.match(errors['ports']!, /99999 is not between 1 and 65535/);
		assert.match(errors['name']!, /already in use/);
		assert.match(errors['restart']!, /--rm and a restart policy conflict/);
	});

	it('refuses an empty image, a bad name and a host port published twice', () => {
		const {errors} = checkRunForm(filled({name: '-x', ports: '80:80 80:81'}, [], ''), context);
		assert.deepEqual(Object.keys(errors).sort(), ['image', 'name', 'ports']);
	});

	it('-it and create only change the command line', () => {
		const form = filled({}, ['it', 'mode']);
		const {spec} = checkRunForm(form, context);
		assert.equal(spec?.interactive, true);
		assert.equal(spec?.start, false);
		assert.equal(runCommandLine(spec!), 'docker create -it busybox:latest');
		assert.equal(runCommandLine({...spec!, start: true}), 'docker run -it busybox:latest');
	});

	it('a container made inside a label scope gets the label; another scope is named in a note', () => {
		const {spec} = checkRunForm(filled({}), {...context, scope: ['label=team=core', 'label=dockpit.test']});
		assert.deepEqual(spec?.labels, {team: 'core', 'dockpit.test': ''});
		assert.deepEqual(scopeLabels(['name=web']), {
			labels: {},
			note: 'dockpit is scoped by name=web: what you make here is not shown unless it matches',
		});
	});

	it('previews what is valid so far, and remembers everything but the image and the name', () => {
		const form = filled({name: 'api', ports: 'nope', env: 'A=1'});
		assert.equal(runPreview(form, context), 'docker run -d busybox:latest');
		const remembered = rememberedRunValues(form);
		assert.equal(remembered['env'], 'A=1');
		assert.ok(!('name' in remembered) && !('image' in remembered));
		assert.equal(formValuesOf(runForm('busybox:latest', remembered), 'env'), 'A=1');
	});

	it('completes an image name from the local images', () => {
		const images = ['dockpit-test/busybox:latest', 'dockpit-test/busybox:1', 'other:2'];
		assert.equal(completeImage('dock', images), 'dockpit-test/busybox:');
		assert.equal(completeImage('dockpit-test/busybox:', images), 'dockpit-test/busybox:latest');
		assert.equal(completeImage('other:2', images), undefined);
		assert.equal(completeImage('zzz', images), undefined);
	});
});

function formValuesOf(form: FormDialog, name: string): string {
	const field = form.fields.find((candidate) => candidate.name === name);
	return field?.kind === 'text' ? field.editor.value : '';
}

describe('the form', () => {
	it('moves focus around, edits the focused text field, switches choices and clears an error when edited', () => {
		let form = stopForm('id1', 'web');
		form = formReducer(form, {kind: 'errors', errors: {timeout: 'bad'}});
		form = formReducer(form, {kind: 'edit', key: {name: '5', text: '5'}});
		assert.equal(formValuesOf(form, 'timeout'), '105');
		assert.deepEqual(form.errors, {});
		form = copyForm('id1', 'web');
		form = formReducer(form, {kind: 'toggle', by: 1});
		assert.equal(form.fields[0]?.kind === 'choice' && form.fields[0].index, 1);
		form = formReducer(form, {kind: 'focus', by: -1});
		assert.equal(form.focus, form.fields.length - 1);
	});
});

describe('the other forms', () => {
	const scope = ['label=dockpit.test=run1'];

	it('stop checks its timeout and asks for a stop with it', () => {
		const form = formReducer(stopForm('id1', 'web'), {kind: 'set', name: 'timeout', value: '3'});
		assert.deepEqual(checkForm(form, scope), {op: {kind: 'stop', id: 'id1', name: 'web', timeout: 3}});
		assert.equal(formPreview(form, scope), 'docker stop -t 3 web');
		assert.ok('errors' in checkForm(formReducer(form, {kind: 'set', name: 'timeout', value: 'soon'}), scope));
	});

	it('tag checks the reference', () => {
		assert.deepEqual(splitReference('host:5000/app'), {repository: 'host:5000/app', tag: 'latest'});
		assert.deepEqual(splitReference('app:1.0'), {repository: 'app', tag: '1.0'});
		assert.match(referenceProblem('App:1')!, /not a valid repository/);
		const form = formReducer(tagForm('busybox:latest'), {kind: 'set', name: 'reference', value: 'mine/box:v2'});
		assert.deepEqual(checkForm(form, scope), {
			request: {kind: 'tag', source: 'busybox:latest', repository: 'mine/box', tag: 'v2'},
		});
		assert.equal(formPreview(form, scope), 'docker tag busybox:latest mine/box:v2');
	});

	it('network create adds the scope label; a network needs a name', () => {
		let form = createForm('createNetwork');
		assert.ok('errors' in checkForm(form, scope));
		form = formReducer(form, {kind: 'set', name: 'name', value: 'backend'});
		form = formReducer(form, {kind: 'set', name: 'labels', value: 'team=core'});
		assert.deepEqual(checkForm(form, scope), {
			request: {kind: 'createNetwork', name: 'backend', driver: 'bridge', labels: {team: 'core', 'dockpit.test': 'run1'}},
		});
	});

	it('copy needs an absolute container path and a host path; overwrite is off unless switched on', () => {
		let form = copyForm('id1', 'web');
		assert.deepEqual(Object.keys((checkForm(form, scope) as {errors: object}).errors).sort(), ['containerPath', 'hostPath']);
		form = formReducer(form, {kind: 'set', name: 'containerPath', value: '/etc/hostname'});
		form = formReducer(form, {kind: 'set', name: 'hostPath', value: './out'});
		assert.deepEqual(checkForm(form, scope), {
			request: {
				kind: 'copy',
				direction: 'from-container',
				id: 'id1',
				name: 'web',
				containerPath: '/etc/hostname',
				hostPath: './out',
				overwrite: false,
			},
		});
		assert.equal(formPreview(form, scope), 'docker cp web:/etc/hostname ./out');
	});

	it('build reads args and a target, and previews the docker build line', () => {
		let form = buildForm('.');
		form = formReducer(form, {kind: 'set', name: 'tag', value: 'app:dev'});
		form = formReducer(form, {kind: 'set', name: 'buildArgs', value: 'A=1'});
		form = formReducer(form, {kind: 'set', name: 'target', value: 'final'});
		assert.equal(formPreview(form, []), 'docker build -t app:dev --build-arg A=1 --target final .');
	});
});

describe('build output lines', () => {
	it('marks steps and errors', () => {
		assert.deepEqual(buildEventLines({stream: 'Step 1/2 : FROM scratch\n'}), [{text: 'Step 1/2 : FROM scratch', tone: 'step'}]);
		assert.deepEqual(buildEventLines({stream: ' ---> abc\n\n'}), [{text: ' ---> abc', tone: 'output'}]);
		assert.deepEqual(buildEventLines({error: 'COPY failed: no such file\n'}), [
			{text: 'COPY failed: no such file', tone: 'error'},
		]);
	});
});

describe('runCommandLine', () => {
	it('writes ephemeral ports and anonymous volumes as the CLI takes them', () => {
		const spec: RunSpec = {
			image: 'img',
			command: [],
			ports: [{containerPort: 80, protocol: 'tcp'}],
			env: [],
			mounts: [{kind: 'anonymous', target: '/data'}],
			restart: 'always',
			labels: {},
			autoRemove: false,
			interactive: false,
			start: true,
		};
		assert.equal(runCommandLine(spec), 'docker run -d -p 80 -v /data --restart always img');
	});
});
