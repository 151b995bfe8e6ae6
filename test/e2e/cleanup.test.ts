// Images, bulk actions and prune end to end: the built CLI in a real pty against the real engine, with images
// built here FROM scratch (one left dangling), containers, volumes and networks, all carrying the run label
// that also scopes dockpit. Each test types keys, waits for the screen, then checks what the engine holds.
import assert from 'node:assert/strict';
import {
	after,
	before,
	containerState,
	createContainer,
	docker,
	it,
	engineSuite,
	RUN_LABEL,
	SCOPE_FILTER,
	uniqueName,
} from '../helpers/engine.js';
import {startDockpit, type Session} from '../helpers/pty.js';
import {buildImage, cleanupResources, createFromImage, createNetwork, createVolume} from '../helpers/resources.js';

const runFilter = {label: [`${RUN_LABEL.key}=${RUN_LABEL.value}`]};

/** Every labelled thing the engine holds, as comparable strings. */
async function holdings(): Promise<Set<string>> {
	const [containers, images, volumes, networks] = await Promise.all([
		docker.listContainers({all: true, filters: runFilter}),
		docker.listImages({filters: runFilter}),
		docker.listVolumes({filters: runFilter}),
		docker.listNetworks({filters: runFilter}),
	]);
	return new Set([
		...containers.map((c) => `container ${c.Names[0]!.slice(1)}`),
		...images.map((i) => `image ${i.Id}`),
		...(volumes.Volumes ?? []).map((v) => `volume ${v.Name}`),
		...networks.map((n) => `network ${n.Name}`),
	]);
}

const without = (set: Set<string>, gone: readonly string[]) => new Set([...set].filter((entry) => !gone.includes(entry)));
const imageExists = async (ref: string) =>
	docker
		.getImage(ref)
		.inspect()
		.then(
			() => true,
			() => false,
		);

/** The whole dialog is drawn once its last line is: a frame can arrive in pieces. */
const drawn = (session: Session, ...texts: string[]) =>
	session.waitForScreen((screen) => texts.every((text) => screen.includes(text)), {what: texts.join(' + '), timeout: 20_000});

engineSuite('images, bulk actions and prune', () => {
	let session: Session;
	const repo = uniqueName('dockpit-e2e').toLowerCase();
	const names = {
		running: uniqueName('keep-running'),
		stopped: uniqueName('stopped'),
		user: uniqueName('image-user'),
		bulk: [uniqueName('bulk'), uniqueName('bulk'), uniqueName('bulk')] as const,
		named: uniqueName('named-vol'),
		freeNet: uniqueName('free-net'),
		usedNet: uniqueName('used-net'),
	};
	let dangling = '';
	let used = '';
	let unused = '';
	let anonymous = '';

	before(async () => {
		dangling = await buildImage(`${repo}/app:1`, 1000);
		used = await buildImage(`${repo}/app:1`, 2000);
		unused = await buildImage(`${repo}/spare:1`, 3000);
		assert.notEqual(dangling, used);
		const running = await createContainer({name: names.running});
		await createContainer({name: names.stopped, start: false});
		await createFromImage(used, {name: names.user});
		await createContainer({name: names.bulk[0], start: false});
		await createContainer({name: names.bulk[1]});
		await createContainer({name: names.bulk[2], start: false});
		anonymous = await createVolume();
		await createVolume(names.named);
		await createNetwork(names.freeNet);
		const usedNet = await createNetwork(names.usedNet);
		await docker.getNetwork(usedNet).connect({Container: running.id});
		session = await startDockpit({args: ['--filter', SCOPE_FILTER], cols: 120, rows: 40});
		await session.waitForText(names.user);
	});
	after(async () => {
		await session?.close();
		await cleanupResources();
	});

	it('lists images one row per tag, <none> for the dangling one, with size and who uses them', async () => {
		await session.press('2');
		const screen = await session.waitForText(`${repo}/spare:1`);
		const row = (text: string) => screen.split('\n').find((line) => line.includes(text)) ?? '';
		assert.match(row(`${repo}/app:1`), new RegExp(`${used.slice(7, 19)}\\s+\\d+(\\.\\d+)?MB\\s+\\d+s ago\\s+1: ${names.user}`));
		assert.match(row(dangling.slice(7, 19)), /<none>:<none>/);
		assert.match(screen, /2 Images/);
	});

	it('volumes and networks panes follow the engine: created, connected and destroyed from outside, live', async () => {
		await session.press('3');
		await session.waitForText(names.named);
		const outsideVolume = uniqueName('outside-vol');
		await createVolume(outsideVolume);
		await session.waitForText(outsideVolume);
		await docker.getVolume(outsideVolume).remove();
		await session.waitForScreen((s) => !s.includes(outsideVolume), {what: 'the volume row gone'});
		await session.press('4');
		await session.waitForText(names.usedNet);
		const outsideNet = uniqueName('outside-net');
		const id = await createNetwork(outsideNet);
		await session.waitForText(outsideNet);
		await docker.getNetwork(id).connect({Container: names.running});
		await session.waitForScreen((s) => new RegExp(`${outsideNet}.*1: ${names.running}`).test(s), {
			what: 'attached container shown',
		});
		assert.match(await session.waitForText(names.usedNet), new RegExp(`${names.usedNet}.*1: ${names.running}`));
		await session.press('2');
	});

	it('removing an image in use shows the daemon refusing, and force removes it', async () => {
		await session.press('/');
		await session.type(`${repo}/app`);
		await session.press('enter');
		await session.waitForScreen((s) => /▶ \S+\/app:1/.test(s), {what: 'the app image selected'});
		await session.press('d');
		const dialog = await session.waitForText(new RegExp(`In use by ${names.user}`));
		assert.ok(dialog.includes(`Remove image ${repo}/app:1?`), dialog);
		await session.press('y');
		const refused = await session.waitForText('Could not remove image');
		assert.match(refused, /conflict: unable to remove repository reference/);
		assert.ok(await imageExists(`${repo}/app:1`), 'the tag is still there after a plain remove');
		await session.press('d');
		await session.waitForText(`Remove image ${repo}/app:1?`);
		await session.press('f');
		// Engine-side removal can wait on other clients' disk-usage scans of the shared engine.
		await session.waitForText(`Removed image ${repo}/app:1 (forced)`, {timeout: 30_000});
		assert.equal(await imageExists(`${repo}/app:1`), false);
		// Rows only: the title line still shows the filter text.
		await session.waitForScreen((s) => !s.split('\n').some((line) => /^[▶ ] \S+\/app:1/.test(line)), {
			what: 'the row gone, live',
		});
		// An Esc followed too soon by another key reads as Alt+key, so wait for it to take effect.
		await session.press('escape');
		await session.waitForScreen((s) => !s.includes('filter:') && s.includes(`${repo}/spare:1`), {what: 'the filter cleared'});
	});

	it('bulk remove: one confirmation; the running one fails with the daemon message, the rest go', async () => {
		await session.press('1');
		await session.press('/');
		await session.type('bulk-');
		await session.press('enter');
		await session.waitForScreen((s) => names.bulk.every((name) => s.includes(name)), {what: 'the bulk rows'});
		await session.press('a');
		await session.waitForText('3 marked');
		await session.press('d');
		const dialog = await session.waitForText('Remove 3 marked containers?');
		for (const name of names.bulk) assert.ok(dialog.includes(name), `${name} listed`);
		await session.press('y');
		// The whole result, not a frame half drawn: the summary and the daemon's words.
		await session.waitForScreen(
			(s) => s.includes('Removed 2 of 3, 1 failed') && s.includes('You cannot remove a running container'),
			{
				what: 'the bulk result with the daemon message',
			},
		);
		assert.equal((await containerState(names.bulk[0])).exists, false);
		assert.equal((await containerState(names.bulk[2])).exists, false);
		const survivor = await containerState(names.bulk[1]);
		assert.ok(survivor.exists && survivor.state.Running, 'the running one is untouched');
		await session.press('enter');
		// What failed stays marked, to retry; Esc clears the filter, then the marks.
		await session.waitForScreen((s) => s.includes('1 marked') && !s.includes('Remove 3 marked'), {what: 'the dialog closed'});
		await session.press('escape');
		await session.waitForScreen((s) => s.includes(names.running), {what: 'the filter cleared'});
		await session.press('escape');
		await session.waitForText('Marks cleared');
	});

	it('prune, then "no": nothing is removed', async () => {
		const before = await holdings();
		await session.press('P');
		await drawn(session, 'Will remove 2 items', '[y] prune 2');
		await session.press('n');
		await session.waitForText('Prune cancelled: nothing was removed');
		assert.deepEqual(await holdings(), before);
	});

	it('P, y: the stopped containers the preview listed are gone, and nothing else', async () => {
		const before = await holdings();
		await session.press('P');
		const preview = await drawn(session, 'Will remove 2 items', '[y] prune 2');
		assert.ok(preview.includes(names.stopped) && preview.includes(names.user));
		assert.ok(!preview.includes(names.running) && !preview.includes(names.bulk[1]));
		await session.press('y');
		await drawn(session, 'Removed 2 of 2', '[Enter] close');
		assert.deepEqual(await holdings(), without(before, [`container ${names.stopped}`, `container ${names.user}`]));
		await session.press('enter');
	});

	it('dangling images, anonymous volumes and unused networks: the engine keeps exactly what the preview kept', async () => {
		const before = await holdings();
		// The app image lost its tag above; with its container gone it is dangling and unused too, if it still exists.
		const danglingNow = [dangling, ...((await imageExists(used)) ? [used] : [])];
		await session.press('P');
		await session.waitForText('Nothing to remove with these choices');
		await session.press('i', 'v', 'w');
		const count = danglingNow.length + 2;
		const preview = await drawn(session, `Will remove ${count} items`, `[y] prune ${count}`);
		for (const id of danglingNow) assert.ok(preview.includes(`<none> ${id.slice(7, 19)}`), `dangling ${id} listed:\n${preview}`);
		assert.ok(preview.includes(anonymous) && preview.includes(names.freeNet), preview);
		for (const kept of [names.named, names.usedNet, 'spare:1']) assert.ok(!preview.includes(kept), `${kept} not listed`);
		await session.press('y');
		await drawn(session, `Removed ${count} of ${count}`, '[Enter] close');
		const gone = [...danglingNow.map((id) => `image ${id}`), `volume ${anonymous}`, `network ${names.freeNet}`];
		assert.deepEqual(await holdings(), without(before, gone));
		assert.ok(await imageExists(unused), 'an unused tagged image stays unless "all unused images" is chosen');
	});
});
