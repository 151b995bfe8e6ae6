// Issue 16 end to end, the built CLI in a real pty against the real engine: an image's history in its
// details panel has the engine's layers, a network's panel lists an attached container with its address,
// `/` in the raw JSON finds a key and `n` moves to the next match, and `y` writes OSC 52 with the name.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {after, before, createContainer, docker, engineSuite, it, SCOPE_FILTER, uniqueName} from '../helpers/engine.js';
import {startDockpit, type Session} from '../helpers/pty.js';
import {selectContainer} from '../helpers/dashboard.js';
import {buildImage, cleansResources, createFromImage, createNetwork} from '../helpers/resources.js';

/** Types a resource pane's filter and waits until `name` is the selected row. */
async function selectRow(session: Session, name: string): Promise<void> {
	await session.press('/', 'ctrl+u');
	await session.type(name);
	await session.press('enter');
	await session.waitForScreen((screen) => screen.includes(`▶ ${name}`), {what: `${name} selected`});
}

engineSuite('inspect images, volumes and networks; search the panel; copy (issue 16)', () => {
	cleansResources();
	let session: Session;
	const repo = uniqueName('insp-img');
	const network = uniqueName('insp-net');
	const attached = uniqueName('insp-attached');
	let imageId = '';
	let user = '';

	before(async () => {
		imageId = await buildImage(`${repo}:v1`);
		user = (await createFromImage(imageId, {name: uniqueName('insp-user')})).name;
		const netId = await createNetwork(network);
		const {container} = await createContainer({name: attached});
		await docker.getNetwork(netId).connect({Container: container.id});
		session = await startDockpit({args: ['--filter', SCOPE_FILTER], cols: 130, rows: 40, env: {TMUX: undefined}});
		await session.waitForText(attached, {timeout: 20_000});
	});
	after(async () => session?.close());

	it('shows as many layers in an image’s history as `docker history -q` lists, and the container using it', async () => {
		await session.press('2');
		await selectRow(session, `${repo}:v1`);
		await session.press('enter', 'z');
		const screen = await session.waitForText(/History \(\d+ layers/);
		const expected = execFileSync('docker', ['history', '-q', imageId], {encoding: 'utf8'}).trim().split('\n').length;
		assert.ok(expected >= 2, `the test image has ${expected} layers`);
		const shown = Number(/History \((\d+) layers/.exec(screen)![1]);
		assert.equal(shown, expected, 'the panel counts the engine’s layers');
		const lines = screen.split('\n');
		const first = lines.findIndex((line) => /LAYER\s+SIZE\s+AGE\s+CREATED BY/.test(line));
		const rows = lines.slice(first + 1).filter((line) => /\s(ago|—)\s/.test(line));
		assert.equal(rows.length, expected, 'one row per layer');
		await session.waitForText(user);
		await session.press('escape');
		await session.waitForScreen((s) => !s.includes('[Image]'), {what: 'the panel closed'});
	});

	it('lists a container attached to a network with its address', async () => {
		const info = await docker.getNetwork(network).inspect();
		const address = Object.values(info.Containers ?? {}).find((endpoint) => endpoint.Name === attached)?.IPv4Address;
		assert.ok(address, 'the engine gave the container an address on the network');
		await session.press('4');
		await selectRow(session, network);
		await session.press('enter');
		// The list's ATTACHED column names the container too: wait for the panel's row, with the address.
		const addressRow = (screen: string) =>
			screen.split('\n').find((line) => line.includes(attached) && line.includes(address) && line.includes('│'));
		const screen = await session.waitForScreen((s) => s.includes('[Network]') && addressRow(s) !== undefined, {
			what: `the panel's row of ${attached} with ${address}`,
		});
		assert.match(addressRow(screen)!, new RegExp(`${attached}\\s+${address.replaceAll('.', '\\.')}`));
		// y on the container's row (a search puts the cursor there) copies its bare address.
		await session.press('/');
		await session.type(attached);
		await session.press('enter', 'y');
		await session.waitForText(`Copied ${attached}'s address`);
		await session.press('escape');
		await session.waitForScreen((s) => !s.includes('[Network]'), {what: 'the panel closed'});
		await session.press('1');
	});

	it('finds a key in the raw JSON with /, and n moves to the next match', async () => {
		await selectContainer(session, attached);
		await session.press('i');
		await session.waitForText('[Inspect]');
		await session.press('J');
		await session.waitForText('"Id":');
		const json = JSON.stringify(await docker.getContainer(attached).inspect(), null, 2);
		const count = json.split('\n').filter((line) => line.includes('"Image":')).length;
		assert.ok(count >= 2, 'the key appears more than once');
		await session.press('/', 'ctrl+u');
		await session.type('"Image":');
		await session.press('enter');
		await session.waitForText(`/"Image":: 1 of ${count}`);
		await session.press('n');
		await session.waitForText(`/"Image":: 2 of ${count}`);
		const status = session.screen();
		assert.ok(!status.includes(`filter: "Image"`), 'the list filter did not open');
		await session.press('J', 'escape');
		await session.waitForScreen((s) => !s.includes('[Inspect]'), {what: 'the panel closed'});
	});

	it('writes OSC 52 with the selected container’s name when y is pressed', async () => {
		await selectContainer(session, attached);
		await session.press('y');
		await session.waitForText(`Copied name: ${attached} (OSC 52)`);
		const sequences = [...session.raw().matchAll(/\u001B\]52;c;([A-Za-z\d+/=]*)(\u0007|\u001B\\)/g)];
		const texts = sequences.map((match) => Buffer.from(match[1]!, 'base64').toString('utf8'));
		assert.ok(texts.includes(attached), `the terminal got the name in OSC 52 (got ${JSON.stringify(texts)})`);
	});
});
