// `npm run demo -- --down` against the real engine: it removes every kind of thing the demo makes
// (containers, a tagged and a dangling image, a volume, a network) when it carries the demo label, and
// leaves alone what does not, even things that look like the demo's. The fleet here carries its own label
// value, so a demo the user has up is never touched.
import assert from 'node:assert/strict';
import {buildDemoImage} from '../../scripts/demo-image.js';
import {DEMO_LABEL, demoDown, demoResources} from '../../scripts/demo-fleet.js';
import {createContainer, docker, it, engineSuite, RUN_LABEL, uniqueName} from '../helpers/engine.js';
import {httpStatus} from '../helpers/engine-status.js';
import {cleansResources} from '../helpers/resources.js';

const fleet = `test-${RUN_LABEL.value}`;
const runLabels = {[RUN_LABEL.key]: RUN_LABEL.value};
const fleetLabels = {...runLabels, [DEMO_LABEL.key]: fleet};

async function exists(inspect: () => Promise<unknown>): Promise<boolean> {
	try {
		await inspect();
		return true;
	} catch (error) {
		if (httpStatus(error) === 404) return false;
		throw error;
	}
}

engineSuite('demo --down', () => {
	cleansResources();

	it('removes exactly what carries the demo label', {timeout: 240_000}, async () => {
		const tag = `${uniqueName('dockpit-e2e-demo')}/app:latest`;
		const dangling = await buildDemoImage(docker, tag, fleetLabels, 1);
		const image = await buildDemoImage(docker, tag, fleetLabels, 2);
		assert.notEqual(dangling, image, 'the second build leaves the first one dangling');
		const container = await docker.createContainer({
			name: uniqueName('demo-part'),
			Image: image,
			Cmd: ['true'],
			Labels: fleetLabels,
		});
		const volume = await docker.createVolume({Name: uniqueName('demo-vol'), Labels: fleetLabels});
		const network = await docker.createNetwork({Name: uniqueName('demo-net'), Labels: fleetLabels});

		// Look-alikes: the demo's label key with another fleet's value, and a demo-like name without the label.
		const otherFleet = await createContainer({name: uniqueName('shop-web'), labels: {[DEMO_LABEL.key]: `other-${fleet}`}});
		const unlabelled = await createContainer({name: uniqueName('dockpit-demo-busy')});
		const otherVolume = await docker.createVolume({Name: uniqueName('shop_db-data'), Labels: runLabels});
		const otherNetwork = await docker.createNetwork({Name: uniqueName('shop_default'), Labels: runLabels});

		const lines: string[] = [];
		const removed = await demoDown(docker, (line) => lines.push(line), fleet);

		assert.equal(removed, 5, lines.join('\n'));
		assert.equal(await exists(async () => docker.getContainer(container.id).inspect()), false);
		assert.equal(await exists(async () => docker.getImage(image).inspect()), false);
		assert.equal(await exists(async () => docker.getImage(dangling).inspect()), false, 'the dangling image is gone too');
		assert.equal(await exists(async () => docker.getVolume(volume.name).inspect()), false);
		assert.equal(await exists(async () => docker.getNetwork(network.id).inspect()), false);
		const left = await demoResources(docker, fleet);
		assert.deepEqual([left.containers.length, left.images.length, left.volumes.length, left.networks.length], [0, 0, 0, 0]);

		assert.equal(await exists(async () => docker.getContainer(otherFleet.id).inspect()), true);
		assert.equal(await exists(async () => docker.getContainer(unlabelled.id).inspect()), true);
		assert.equal(await exists(async () => docker.getVolume(otherVolume.name).inspect()), true);
		assert.equal(await exists(async () => docker.getNetwork(otherNetwork.id).inspect()), true);

		assert.equal(await demoDown(docker, () => {}, fleet), 0, 'a second --down finds nothing');
	});
});
